"""The relevance test set (search/quality/) on the Mittköping demo, with the
configured backend: SQLite by default, PostgreSQL with DATABASE_URL."""

import io

import pytest
from django.core.management import call_command

from search.quality.bench_cases import BENCH_CASES
from search.quality.cases import CASES
from search.quality.measure import bench_quality, search_quality, similar_quality

pytestmark = pytest.mark.django_db


def test_the_demo_is_found_as_residents_type_it():
    call_command("load_demo", stdout=io.StringIO())
    measured, recall, precision = search_quality()
    assert len(CASES) >= 40
    assert recall >= 0.9
    assert precision >= 0.8
    assert [m.query for m in measured if m.unpublished] == []
    empty = {c.query for c in CASES if not c.expected and not c.also}
    assert [m.query for m in measured if m.query in empty and m.found] == []
    assert [m.query for m in measured if not m.first_ok] == []
    for kind in ("inflection", "compound first part", "compound last part"):
        assert all(not m.missed for m in measured if m.kind == kind)
    assert all(not m.missed for m in measured if m.kind in ("without å ä ö", "typo"))

    rows, similar_precision, similar_recall = similar_quality()
    assert similar_precision >= 0.9
    assert similar_recall >= 0.9
    unrelated_only = [suggested for _text, suggested, relevant in rows if not relevant]
    assert unrelated_only == [[]] * len(unrelated_only)

    output = io.StringIO()
    call_command("search_quality", stdout=output)
    assert f"search: {len(CASES)} queries, recall" in output.getvalue()
    assert "unpublished hits 0" in output.getvalue()


def test_generated_proposals_are_found_as_residents_type_them():
    call_command(
        "generate_bench_data",
        dialogues=2,
        proposals=150,
        signatures=300,
        trail=2,
        stdout=io.StringIO(),
    )
    rows, recall, precision, unpublished = bench_quality()
    assert recall >= 0.9
    assert precision >= 0.9
    assert unpublished == 0
    no_hit = {query for query, kind, _words in BENCH_CASES if kind == "no hit"}
    assert [row for row in rows if row[0] in no_hit and row[2]] == []

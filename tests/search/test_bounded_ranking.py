"""Each search source ranks at most MAX_RANKED_PER_SOURCE candidates: all its
matches when there are no more, else the newest, and says there were more."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from municipality import swedish
from proposals.constants import Status
from search import results

from .helpers import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_ranked(monkeypatch):
    monkeypatch.setattr(results, "MAX_RANKED_PER_SOURCE", 3)


def find(site, text, **filters):
    query = swedish.expand(text)
    return results.find(query, site=Site.objects.get(pk=site.pk), **filters)


def proposals_found(site, text):
    outcome = find(site, text, kind="forslag")
    return [hit.pk for hit in outcome.hits], outcome.truncated


def test_within_the_bound_every_match_is_ranked_best_first(
    site, proposal_factory, three_ranked
):
    # The oldest mentions the word in its title too, so it scores highest.
    best = proposal_factory(Status.OPEN, title="Boulebana", text="En boulebana.")
    others = [
        proposal_factory(Status.OPEN, title=f"Förslag {n}", text="En boulebana.")
        for n in range(2)
    ]
    found, truncated = proposals_found(site, "boulebana")
    assert found[0] == best.pk
    assert set(found) == {best.pk, *(p.pk for p in others)}
    assert not truncated


def test_beyond_the_bound_the_newest_matches_are_ranked_and_it_says_so(
    site, client, proposal_factory, three_ranked
):
    oldest = proposal_factory(Status.OPEN, title="Boulebana", text="En boulebana.")
    newer = [
        proposal_factory(
            Status.OPEN,
            title=f"Förslag {n}",
            text="En boulebana med grus." if n < 2 else "En boulebana.",
        )
        for n in range(4)
    ]
    found, truncated = proposals_found(site, "boulebana")
    # The best-scoring match is the oldest, outside the three newest.
    assert set(found) == {p.pk for p in newer[-3:]}
    assert oldest.pk not in found
    assert truncated
    response = client.get("/sok/", {"q": "boulebana", "typ": "forslag"})
    assert titles(response) == {"Förslag 1", "Förslag 2", "Förslag 3"}
    assert "Det finns fler träffar än som visas." in response.content.decode()
    # Another word narrows the matches to within the bound: all ranked again.
    # (Matches of one word only come after them, unranked against them.)
    found, truncated = proposals_found(site, "boulebana grus")
    assert set(found[:2]) == {newer[0].pk, newer[1].pk}
    assert not truncated


def test_candidates_are_public_proposals_only(site, proposal_factory, three_ranked):
    public = [
        proposal_factory(Status.OPEN, title=f"Boulebana {n}", text="Boule.")
        for n in range(2)
    ]
    for status in (Status.REJECTED, Status.IN_MODERATION, Status.SUBMITTED):
        proposal_factory(status, title="Boulebana dold", text="Boule.")
    # Hidden proposals are newer but never take a candidate's place.
    found, truncated = proposals_found(site, "boulebana")
    assert set(found) == {p.pk for p in public}
    assert not truncated


def test_only_the_candidates_are_scored(site, proposal_factory):
    for n in range(3):
        proposal_factory(Status.OPEN, title=f"Boulebana {n}", text="Boule.")
    with CaptureQueriesContext(connection) as captured:
        find(site, "boulebana", kind="forslag")
    searches = [
        q["sql"]
        for q in captured.captured_queries
        if 'FROM "proposals_proposal"' in q["sql"] and "LIMIT" in q["sql"]
    ]
    scored = [sql for sql in searches if "_score" in sql]
    unscored = [sql for sql in searches if "_score" not in sql]
    assert len(scored) == 1
    assert len(unscored) == 1
    assert f"LIMIT {results.MAX_RANKED_PER_SOURCE + 1}" in unscored[0]
    assert '"proposals_proposal"."id" IN (' in scored[0]

"""The CSV files: BOM, documented columns, same filters, no formulas."""

import csv
import io

import pytest

from municipality.spreadsheet import safe_cell
from opendata.csv import csv_columns
from opendata.serializers import DialogueSerializer, ProposalSerializer
from proposals.constants import Status

pytestmark = pytest.mark.django_db


def rows(response):
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_dialogues_csv(client, dialogues):
    response = client.get("/api/v1/dialogues.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="dialoger.csv"' in response["Content-Disposition"]
    table = rows(response)
    assert list(table[0].keys()) == csv_columns(DialogueSerializer)
    park = next(row for row in table if row["title"] == "Nya Stadsparken")
    assert park["committee"] == "Tekniska nämnden"
    assert park["areas"] == "Centrum"
    assert park["status"] == "open"
    assert park["result"] == "Många vill ha fler bänkar.\nOch belysning."
    planned = next(row for row in table if row["title"] == "Skolvägar")
    assert planned["committee"] == ""


def test_proposals_csv_has_the_documented_columns(client, proposals):
    table = rows(client.get("/api/v1/proposals.csv"))
    columns = csv_columns(ProposalSerializer)
    assert "trail" not in columns
    assert "author_name" not in columns and "author_email" not in columns
    assert list(table[0].keys()) == columns
    assert len(table) == 5
    referred = next(row for row in table if row["status"] == "referred")
    assert referred["topic"] == "Trafik"
    assert referred["case_number"] == "TN 1/26"


def test_csv_uses_the_same_filters(client, proposals, dialogues):
    table = rows(client.get("/api/v1/proposals.csv?status=answered"))
    assert [row["id"] for row in table] == [str(proposals[Status.ANSWERED].pk)]
    table = rows(client.get("/api/v1/dialogues.csv?status=planned"))
    assert [row["title"] for row in table] == ["Skolvägar"]


def test_csv_is_not_paginated(client, proposals):
    table = rows(client.get("/api/v1/proposals.csv?limit=1"))
    assert len(table) == 5


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formula_cells_get_an_apostrophe(client, proposal_factory, start):
    proposal_factory(
        Status.OPEN,
        title=f'{start}HYPERLINK("http://evil.example")',
        text=f"{start}1+1",
    )
    table = rows(client.get("/api/v1/proposals.csv"))
    assert table[0]["title"] == f'\'{start}HYPERLINK("http://evil.example")'
    assert table[0]["text"] == f"'{start}1+1"
    # JSON keeps the resident's text as written.
    body = client.get("/api/v1/proposals/").json()
    assert body["results"][0]["title"].startswith(start)


def test_safe_cell():
    assert safe_cell("=SUM(A1)") == "'=SUM(A1)"
    assert safe_cell("\t=1") == "'\t=1"
    assert safe_cell("Bänkar = bra") == "Bänkar = bra"
    assert safe_cell(-5) == -5
    assert safe_cell(None) == ""

"""No CSV cell becomes a formula, also when Swedish Excel splits the file on ";"."""

import csv
import io

import pytest

from municipality.spreadsheet import safe_cell
from proposals.constants import Status


def excel_cells(text):
    """The cells Swedish Excel makes of one CSV cell's text: split on ";"."""
    return text.split(";")


@pytest.mark.parametrize(
    "text",
    [
        "Bänkar;=1+1;bra",
        "a;@SUM(A1:A9)",
        ";@SUM(1)",
        'x; =HYPERLINK("http://evil.example")',
        "x;+1;-2;@3",
        "x;\t=1",
        "=1+1;=2",
    ],
)
def test_no_piece_excel_splits_off_is_a_formula(text):
    for cell in excel_cells(safe_cell(text)):
        assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))


def test_ordinary_text_is_kept():
    assert safe_cell("Bänkar = bra; fler - gärna") == "Bänkar = bra; fler - gärna"
    assert safe_cell("Centrum; Norr") == "Centrum; Norr"
    assert safe_cell(3) == 3


@pytest.mark.django_db
def test_open_data_csv_defuses_formulas_after_a_semicolon(client, proposal_factory):
    proposal_factory(Status.OPEN, title="Cykel;=1+1;väg", text="Bra;@SUM(A1)")
    raw = client.get("/api/v1/proposals.csv").content.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(raw)))
    assert row["title"] == "Cykel;'=1+1;väg"
    assert row["text"] == "Bra;'@SUM(A1)"

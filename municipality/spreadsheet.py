"""Cells a spreadsheet shows as text, never runs as a formula (OWASP "CSV
injection"), for every CSV file the site writes.

A cell starting with = + - @, a tab or a carriage return is a formula in Excel and
LibreOffice; an apostrophe in front makes it text. Swedish Excel also splits a
.csv file on ";" (the list separator of the Swedish locale), so `Bänkar;=1+1` in
one comma-separated cell opens as two cells, the second a formula: a formula
character after a ";" (and any spaces) gets the apostrophe too."""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_STARTS = "".join(re.escape(start) for start in FORMULA_STARTS)
# The start of the cell, or of a piece Swedish Excel splits off at a ";".
_FORMULA = re.compile(rf"(^|;[ ]*)(?=[{_STARTS}])")


def safe_cell(value):
    """The value for a CSV cell: text with every formula defused, None as ""."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _FORMULA.sub(r"\1'", value)
    return value

"""Helpers for the statistics tests: local moments, signatures, reading tables."""

import datetime
import itertools
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from proposals.models import Signature
from proposals.models.signature import normalise_email
from tests.municipality.factories import make_area

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# The statistics tests' districts: slug and name.
WHOLE, CENTRE, NORTH, SOUTH, RIVER, COAST = (
    "hela-kommunen",
    "centrum",
    "norra",
    "sodra",
    "adalen",
    "kustbyarna",
)
DISTRICTS = {
    WHOLE: "Hela kommunen",
    CENTRE: "Centrum",
    NORTH: "Norra Mittköping",
    SOUTH: "Södra Mittköping",
    RIVER: "Ådalen",
    COAST: "Kustbyarna",
}
_numbers = itertools.count(1)


def at(year, month, day, hour=12):
    """A moment in Mittköping's time zone."""
    return datetime.datetime(year, month, day, hour, tzinfo=STOCKHOLM)


def make_districts():
    """The districts as area rows, by slug."""
    return {slug: make_area(slug, name) for slug, name in DISTRICTS.items()}


def sign(proposal, area, *, confirmed_at=None, flagged=False):
    """One signature straight into the table; unconfirmed unless given a time.
    The area is a district's slug, or "" for none."""
    number = next(_numbers)
    email = f"signer{number}@example.org"
    return Signature.objects.create(
        proposal=proposal,
        name=f"Undertecknare {number}",
        email=email,
        email_normalised=normalise_email(email),
        area=make_districts()[area] if area else None,
        confirmed_at=confirmed_at,
        flagged=flagged,
    )


class _TableReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables = {}
        self._caption = self._row = self._cell = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "caption":
            self._in_caption, self._caption = True, ""
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
            self.tables[self._caption.strip()] = []
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._caption.strip()].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._in_caption:
            self._caption += data
        elif self._cell is not None:
            self._cell += data


def read_tables(html):
    """{caption: [[header cells], [row cells], ...]} for every table in the page,
    with runs of white space (also non-breaking) collapsed to one space."""
    reader = _TableReader()
    reader.feed(html)
    return reader.tables

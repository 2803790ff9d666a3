"""The English site says which parts are in Swedish (WCAG 3.1.2): the CMS's
pages, residents' proposals and comments, and the names of areas, topics and
committees carry lang="sv"; the interface around them is English."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from tests.crawl import crawl
from tests.language import reads_as_swedish, unmarked_swedish

pytestmark = pytest.mark.django_db

# Proper names, and the letters named in an English sentence about encodings.
NAMES = ("Mittköpings", "Mittköping", "å, ä and ö")
ROOT = "http://testserver"


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def test_the_detector_tells_swedish_from_english():
    assert reads_as_swedish("Fler papperskorgar i Stadsparken")
    assert reads_as_swedish("Kultur och fritid")
    assert not reads_as_swedish("The dialogue is under way. You can take part now.")
    assert unmarked_swedish('<p>Back to <span lang="sv">Förslagslådan</span></p>') == []
    assert unmarked_swedish("<p>Back to Förslagslådan</p>") == ["Back to Förslagslådan"]
    assert unmarked_swedish('<select><option lang="sv">Åby</option></select>') == []


def test_no_swedish_fragment_on_the_english_site_is_unmarked(demo):
    pages = crawl(Client(), ["/en/"], ROOT, within="/en/", limit=150)
    html = {
        path: body
        for path, (response, body) in pages.items()
        if response["Content-Type"].startswith("text/html")
    }
    assert len(html) > 30, sorted(html)
    assert any(path.startswith("/en/forslagslada/forslag/") for path in html)
    assert any(path.startswith("/en/dialoger/") for path in html)
    unmarked = {path: unmarked_swedish(body, NAMES) for path, body in html.items()}
    assert not {path: found for path, found in unmarked.items() if found}
    # The content is there, marked: not hidden or translated away.
    assert 'lang="sv"' in html["/en/forslagslada/"]


def test_the_swedish_site_marks_nothing_as_swedish(demo):
    for path in ("/", "/forslagslada/", "/dialoger/"):
        body = Client().get(path).content.decode()
        assert body.startswith('<!DOCTYPE html>\n\n<html lang="sv">'), path
        # Beyond the page itself, only the language switch names a language.
        assert body.count(' lang="sv"') == 2, path

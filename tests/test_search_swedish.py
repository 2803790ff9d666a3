"""On PostgreSQL the search index stems Swedish: "skolan" finds "skolor"."""

import pytest
from django.conf import settings
from django.core.management import call_command

from home.demo import standard_page

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        not settings.IS_POSTGRES, reason="PostgreSQL not configured (DATABASE_URL)"
    ),
]


@pytest.fixture
def school_pages(site):
    home = site.root_page
    standard_page(home, "skolor", "Nya skolor i Mittköping", "Om skolor.", [])
    standard_page(home, "forskolor", "Fler förskolor", "Om förskolor.", [])
    standard_page(home, "parker", "Parker och lekplatser", "Om parker.", [])
    call_command("update_index", verbosity=0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("skolan", "Nya skolor i Mittköping"), ("förskola", "Fler förskolor")],
)
def test_swedish_word_forms_are_found(client, school_pages, query, expected):
    html = client.get("/sok/", {"q": query}).content.decode()
    assert expected in html
    assert "Parker och lekplatser" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [("gatan", "Gator och vägar"), ("huset", "Kulturhus")],
)
def test_definite_forms_find_indefinite_pages(client, site, query, expected):
    standard_page(site.root_page, "gator", "Gator och vägar", "Om gator.", [])
    standard_page(site.root_page, "kulturhus", "Kulturhus", "Ett hus för kultur.", [])
    call_command("update_index", verbosity=0)
    assert expected in client.get("/sok/", {"q": query}).content.decode()

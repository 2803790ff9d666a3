"""Site search: finds published pages, keeps the query, handles odd input."""

import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_a_published_page(client, site):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    response = client.get("/sok/", {"q": "personuppgifter"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Så hanterar vi personuppgifter" in html
    assert 'value="personuppgifter"' in html


@pytest.mark.parametrize(
    "query", ["", "   ", "\x00", "'; DROP TABLE wagtailcore_page; --"]
)
def test_odd_queries_give_a_friendly_page(client, site, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200


def test_too_long_query_is_refused_with_a_message(client, site):
    response = client.get("/sok/", {"q": "a" * 201})
    assert response.status_code == 400
    assert "Sökfrågan är för lång" in response.content.decode()

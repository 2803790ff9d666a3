"""Routing from the shared cache (caching/routing.py): the same pages as Wagtail's
routing, none under a view restriction, and nothing stale after publishing."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.demo import standard_page
from tests.proposals.factories import make_box, make_proposal, make_topic


@pytest.fixture(autouse=True)
def _cache_on(cache_on):
    yield


def signed_in_get(path):
    """A visitor with a session: never a page-cache hit, always routed."""
    client = Client()
    client.cookies["sessionid"] = "not-a-session"
    return client.get(path)


def page_queries(path):
    with CaptureQueriesContext(connection) as queries:
        response = signed_in_get(path)
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_a_routed_page_asks_the_database_for_no_site_page_or_restriction(site):
    box = make_box(site)
    proposal = make_proposal(box, make_topic())
    path = box.url + box.reverse_subpage("proposal_view", args=[proposal.pk])
    signed_in_get(path)  # fills the shared entries
    routing = [
        sql
        for sql in page_queries(path)
        if "wagtailcore_site" in sql
        or "wagtailcore_pageviewrestriction" in sql
        or 'FROM "wagtailcore_page"' in sql
    ]
    assert routing == []


def test_a_restricted_page_is_left_to_wagtail(site):
    secret = standard_page(
        site.root_page, "intern", "Internt", "Bara för personal.", []
    )
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    for _ in range(2):
        response = signed_in_get("/intern/")
        assert response.status_code == 302
        assert "/_util/login/" in response["Location"]


def test_a_restriction_added_later_takes_effect_at_once(site):
    page = standard_page(site.root_page, "nyheter", "Nyheter", "Öppet för alla.", [])
    assert signed_in_get("/nyheter/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert signed_in_get("/nyheter/").status_code == 302


def test_published_and_unpublished_pages_route_at_once(site):
    assert signed_in_get("/nyheter/").status_code == 404
    page = standard_page(site.root_page, "nyheter", "Nyheter", "Öppet för alla.", [])
    assert signed_in_get("/nyheter/").status_code == 200
    page.unpublish()
    assert signed_in_get("/nyheter/").status_code == 404


def test_wagtails_own_paths_still_answer(site):
    assert signed_in_get("/_util/login/").status_code == 200

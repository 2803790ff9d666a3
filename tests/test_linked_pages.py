"""The pages the header and footer link to: found in two queries per request,
in tree order, only when live and public, and never remembered across requests."""

import io

import pytest
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from home.linked_pages import linked_page
from opendata import demo as opendata_demo
from proposals.models import SuggestionBoxPage
from tests.proposals.factories import make_box


@pytest.fixture
def pages(site):
    opendata_demo.build(site, io.StringIO())
    return site, make_box(site)


def test_all_linked_pages_in_two_queries_per_request(pages, django_assert_num_queries):
    _site, box = pages
    linked_page(None, "stats.StatisticsPage")  # content types: cached per process
    request = RequestFactory().get("/")
    with django_assert_num_queries(2):
        assert linked_page(request, "proposals.SuggestionBoxPage").pk == box.pk
        open_data = linked_page(request, "opendata.OpenDataPage")
        assert linked_page(request, "dialogues.DialogueIndexPage") is None
        assert linked_page(request, "stats.StatisticsPage") is None
    assert open_data.url == "/oppna-data/"
    with django_assert_num_queries(2):  # a new request looks again
        linked_page(RequestFactory().get("/"), "proposals.SuggestionBoxPage")


def test_first_live_public_page_in_tree_order(pages):
    site, box = pages
    second = make_box(site, title="Förslagslåda två", slug="forslagslada-tva")
    first = linked_page(RequestFactory().get("/"), "proposals.SuggestionBoxPage")
    assert first.pk == box.pk
    PageViewRestriction.objects.create(
        page=box, restriction_type=PageViewRestriction.LOGIN
    )
    found = linked_page(RequestFactory().get("/"), "proposals.SuggestionBoxPage")
    assert found.pk == second.pk
    second.unpublish()
    assert linked_page(RequestFactory().get("/"), "proposals.SuggestionBoxPage") is None
    assert linked_page(None, "opendata.OpenDataPage") is not None


def test_header_and_footer_follow_publishing_at_once(client, pages):
    _site, box = pages
    html = client.get("/").content.decode()
    assert '<a href="/forslagslada/">Förslagslådan</a>' in html
    assert 'href="/oppna-data/">Öppna data</a>' in html
    SuggestionBoxPage.objects.get(pk=box.pk).unpublish()
    html = client.get("/").content.decode()
    assert '<a href="/forslagslada/">' not in html


def test_layout_queries_do_not_grow_with_linked_pages(
    client, pages, django_assert_max_num_queries
):
    site, _box = pages
    with django_assert_max_num_queries(30) as first:
        assert client.get("/").status_code == 200
    for number in range(3):
        make_box(site, title=f"Låda {number}", slug=f"lada-{number}")
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get("/").status_code == 200

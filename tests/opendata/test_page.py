"""The "Öppna data" page: built by the demo, linked from the footer, and
documenting every field from the serializers themselves."""

import io

import pytest

from opendata import demo
from opendata.models import OpenDataPage
from opendata.serializers import (
    DialogueSerializer,
    ProposalSerializer,
    TrailEntrySerializer,
)
from tests.axe import assert_no_axe_violations


@pytest.fixture
def open_data_page(site):
    demo.build(site, io.StringIO())
    return OpenDataPage.objects.get()


@pytest.mark.django_db
def test_demo_builds_one_page_and_is_idempotent(site, open_data_page):
    demo.build(site, io.StringIO())
    assert OpenDataPage.objects.count() == 1
    assert open_data_page.live
    assert open_data_page.get_parent().specific_class.__name__ == "HomePage"
    assert open_data_page.url == "/oppna-data/"


@pytest.mark.django_db
def test_page_documents_licence_addresses_and_every_field(client, open_data_page):
    response = client.get(open_data_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mittköpings kommun delar med sig" in html
    assert "CC0 1.0" in html
    assert "https://creativecommons.org/publicdomain/zero/1.0/deed.sv" in html
    for path in (
        "/api/v1/dialogues/",
        "/api/v1/dialogues.csv",
        "/api/v1/proposals/",
        "/api/v1/proposals/1/",
        "/api/v1/proposals.csv",
        "/api/v1/schema/",
    ):
        assert f"http://testserver{path}" in html
    for serializer in (DialogueSerializer, ProposalSerializer, TrailEntrySerializer):
        for name, field in serializer().fields.items():
            assert f"<code>{name}</code>" in html
            assert str(field.help_text) in html.replace("&#x27;", "'")
    for filter_name in ("updated_since", "submitted_since", "target_group", "level"):
        assert f"<code>{filter_name}</code>" in html
    assert "Inga personuppgifter" in html
    assert "<code>author_email</code>" not in html


@pytest.mark.django_db
def test_footer_links_to_the_page_only_when_it_is_live(client, open_data_page):
    home = open_data_page.get_parent()
    html = client.get(home.url).content.decode()
    assert 'href="/oppna-data/">Öppna data</a>' in html
    open_data_page.unpublish()
    html = client.get(home.url).content.decode()
    assert "/oppna-data/" not in html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.browser
def test_open_data_page_is_accessible(live_server, open_data_page, page):
    page.goto(live_server.url + "/oppna-data/")
    assert page.locator("h1").inner_text() == "Öppna data"
    assert_no_axe_violations(page)

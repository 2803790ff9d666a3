"""With the page cache on, a rendered proposal page takes its empty sign form from
a shared fragment (proposal.html, {% shared_fragment %}): rendered once, with
each visitor's own CSRF token and a fresh start time filled in; a form with what
the visitor typed, or its errors, is always rendered."""

import pytest
from django.test import Client

from tests.proposals.factories import make_box, make_proposal, make_topic
from tests.proposals.helpers import CSRF_TOKEN, STARTED, sign_form_data

pytestmark = pytest.mark.usefixtures("cache_on")

SIGN_FORM = "proposals/includes/sign_form.html"


@pytest.fixture
def proposal(site, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    return make_proposal(make_box(site), make_topic(), title="Fler bänkar i parken")


def visitor():
    """A visitor with a session: every page is rendered, none from the page cache."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["sessionid"] = "not-a-session"
    return client


def page_of(client, proposal):
    response = client.get(proposal.get_url())
    assert response.status_code == 200
    rendered = [template.name for template in response.templates]
    return response.content.decode(), SIGN_FORM in rendered


def test_the_empty_form_is_rendered_once_with_each_visitors_own_values(proposal):
    first_client, second_client = visitor(), visitor()
    first, first_rendered = page_of(first_client, proposal)
    second, second_rendered = page_of(second_client, proposal)
    assert (first_rendered, second_rendered) == (True, False)
    for html in (first, second):
        assert 'action="' + proposal.get_url() + 'skriv-under/#fel"' in html
        assert 'name="email"' in html and 'name="consent"' in html
    assert CSRF_TOKEN.search(first)[1] != CSRF_TOKEN.search(second)[1]
    assert STARTED.search(second)[1]
    # The visitor given the shared form signs with it, CSRF checks on ...
    response = second_client.post(
        proposal.get_url() + "skriv-under/",
        sign_form_data(second, "eva@example.org"),
    )
    assert response.status_code == 302
    assert proposal.signatures.filter(email="eva@example.org").exists()
    # ... and the other visitor's token does not work with their cookie.
    refused = second_client.post(
        proposal.get_url() + "skriv-under/", sign_form_data(first, "bo@example.org")
    )
    assert refused.status_code == 403


def test_a_form_with_errors_is_rendered_with_what_was_typed(proposal):
    client = visitor()
    html, _rendered = page_of(client, proposal)
    data = {**sign_form_data(html, "inte-en-adress"), "name": "Eva Ek"}
    response = client.post(proposal.get_url() + "skriv-under/", data)
    assert response.status_code == 400
    assert SIGN_FORM in [template.name for template in response.templates]
    page = response.content.decode()
    assert 'value="Eva Ek"' in page and 'value="inte-en-adress"' in page
    # The next visitor gets the empty shared form, nothing of the first one's.
    html, _rendered = page_of(visitor(), proposal)
    assert "Eva Ek" not in html and "inte-en-adress" not in html


def test_with_the_page_cache_off_the_form_is_rendered_every_time(proposal, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert page_of(visitor(), proposal)[1]
    assert page_of(visitor(), proposal)[1]

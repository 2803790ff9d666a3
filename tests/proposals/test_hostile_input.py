"""Hostile input through every public form never gives a server error, and the
form validators hold for any text (property-based)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proposals.forms import SignForm, SubmitProposalForm
from proposals.privacy_views import RemovalRequestForm
from tests.hostile import HTTP_CORPUS
from tests.proposals.helpers import sign_data, submit_data

pytestmark = pytest.mark.django_db

ANY_TEXT = st.text(max_size=5000)
FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _strings(cleaned):
    return [value for value in cleaned.values() if isinstance(value, str)]


@pytest.mark.parametrize("field", ["title", "text", "author_name", "email", "area"])
def test_submit_form_validates_any_text(topic, field):
    @FUZZ
    @given(ANY_TEXT)
    def check(value):
        form = SubmitProposalForm(data=submit_data(topic, **{field: value}))
        if form.is_valid():
            assert all("\x00" not in s for s in _strings(form.cleaned_data))
            assert len(form.cleaned_data["title"]) <= 120
        else:
            assert form.errors

    check()


@pytest.mark.parametrize("field", ["name", "email", "area"])
def test_sign_form_validates_any_text(db, field):
    @FUZZ
    @given(ANY_TEXT)
    def check(value):
        form = SignForm(data=sign_data(**{field: value}))
        if form.is_valid():
            assert all("\x00" not in s for s in _strings(form.cleaned_data))
            assert len(form.cleaned_data["name"]) <= 100
        else:
            assert form.errors

    check()


def test_removal_form_validates_any_text():
    @FUZZ
    @given(ANY_TEXT)
    def check(value):
        form = RemovalRequestForm(data={"email": value})
        if form.is_valid():
            assert "@" in form.cleaned_data["email"]
            assert "\x00" not in form.cleaned_data["email"]
        else:
            assert "email" in form.errors

    check()


def _sign_url(proposal):
    return proposal.get_url() + "skriv-under/"


def _submit_url(box):
    return box.get_url() + box.reverse_subpage("submit_view")


@pytest.mark.parametrize("payload", HTTP_CORPUS)
def test_submit_form_never_fails(client, box, topic, payload):
    for field in ("title", "text", "author_name", "email"):
        data = submit_data(topic, **{field: payload}, action="preview")
        assert client.post(_submit_url(box), data).status_code < 500


@pytest.mark.parametrize("payload", HTTP_CORPUS)
def test_sign_form_never_fails(client, open_proposal, payload):
    for field in ("name", "email", "area"):
        response = client.post(_sign_url(open_proposal), sign_data(**{field: payload}))
        assert response.status_code < 500


@pytest.mark.parametrize("payload", HTTP_CORPUS)
def test_search_and_removal_forms_never_fail(client, site, payload):
    assert client.get("/sok/", {"q": payload}).status_code < 500
    assert client.post("/mina-underskrifter/", {"email": payload}).status_code < 500


@pytest.mark.parametrize("payload", HTTP_CORPUS)
def test_listing_filters_never_fail(client, box, payload):
    for name in ("status", "topic", "area", "sort", "page"):
        assert client.get(box.get_url(), {name: payload}).status_code < 500


def test_huge_upload_is_refused_without_a_server_error(client, open_proposal):
    huge = "x" * (6 * 1024 * 1024)
    response = client.post(_sign_url(open_proposal), sign_data(name=huge))
    assert response.status_code == 400

"""The anonymous page cache (home/page_cache.py) never serves one visitor's CSRF token,
messages, session, language or logged-in state to another, and goes stale on time
and on publishing."""

import time

import pytest
from django.core.cache import cache
from django.core.cache.backends import locmem
from django.test import Client
from django.utils import translation

from home import page_cache
from home.models import HomePage
from proposals import lifecycle
from tests.proposals.factories import (
    add_signatures,
    make_box,
    make_proposal,
    make_topic,
)

HEADER = page_cache.HEADER


@pytest.fixture(autouse=True)
def cache_on(settings):
    cache.clear()
    settings.PAGE_CACHE_SECONDS = 30
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def box(site):
    return make_box(site, signature_threshold=1000)


@pytest.fixture
def proposal(box):
    return make_proposal(box, make_topic(), title="Fler bänkar i Stadsparken")


def anonymous_get(path):
    """A first-time visitor: a fresh client sends no cookies."""
    return Client().get(path)


def test_second_cookieless_visit_is_served_from_the_cache(site):
    first = anonymous_get("/")
    second = anonymous_get("/")
    assert first.status_code == second.status_code == 200
    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert second.content == first.content


def test_off_when_seconds_is_zero(site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    anonymous_get("/")
    assert HEADER not in anonymous_get("/")


def test_page_with_a_form_is_never_stored_and_csrf_tokens_differ(proposal, box):
    path = box.url + box.reverse_subpage("proposal_view", args=[proposal.pk])
    first, second = anonymous_get(path), anonymous_get(path)
    assert first.status_code == 200
    assert "csrftoken" in first.cookies
    assert HEADER not in first and HEADER not in second
    token = first.context["csrf_token"]
    assert str(token) != str(second.context["csrf_token"])
    assert str(token).encode() not in second.content


def test_visitor_with_cookies_is_never_served_nor_stored(site):
    client = Client()
    client.cookies["sessionid"] = "someone"
    response = client.get("/")
    assert HEADER not in response
    assert anonymous_get("/")[HEADER] == "miss"


def test_logged_in_page_is_never_shown_to_anonymous_visitors(site):
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.get(username="kommunikator"))
    logged_in = client.get("/")
    assert HEADER not in logged_in
    anonymous = anonymous_get("/")
    assert anonymous[HEADER] == "miss"
    assert b"kommunikator" not in anonymous.content


def test_messages_after_signing_stay_with_the_signer(proposal, box):
    path = box.url + box.reverse_subpage("proposal_view", args=[proposal.pk])
    signer = Client()
    form = signer.get(path)
    response = signer.post(
        box.url + box.reverse_subpage("sign_view", args=[proposal.pk]),
        {
            "name": "Eva",
            "email": "eva@example.org",
            "consent": "on",
            "started": form.context["sign_form"]["started"].value(),
        },
        follow=True,
    )
    assert b"Tack! Vi har skickat ett mejl" in response.content
    for _ in range(2):
        assert b"Tack! Vi har skickat" not in anonymous_get(path).content
        assert b"Tack! Vi har skickat" not in anonymous_get(box.url).content


def test_languages_are_cached_apart(site):
    swedish, english = anonymous_get("/"), anonymous_get("/en/")
    assert english[HEADER] == "miss"
    assert anonymous_get("/en/").content == english.content
    assert anonymous_get("/").content == swedish.content
    assert swedish.content != english.content
    assert b'lang="en"' in english.content and b'lang="sv"' in swedish.content


def test_counts_refresh_after_the_stated_seconds(proposal, box, monkeypatch):
    assert anonymous_get(box.url)[HEADER] == "miss"
    add_signatures(proposal, 7)
    cached = anonymous_get(box.url)
    assert cached[HEADER] == "hit"
    later = time.time() + 31  # PAGE_CACHE_SECONDS is 30
    monkeypatch.setattr(locmem.time, "time", lambda: later)
    fresh = anonymous_get(box.url)
    assert fresh[HEADER] == "miss"
    assert fresh.content != cached.content


def test_publishing_a_page_empties_the_cache(site):
    home = HomePage.objects.get(pk=site.root_page.pk)
    anonymous_get("/")
    assert anonymous_get("/")[HEADER] == "hit"
    home.title = "Ny rubrik för startsidan"
    home.save_revision().publish()
    assert anonymous_get("/")[HEADER] == "miss"


def test_a_new_trail_entry_empties_the_cache(proposal, box):
    anonymous_get(box.url)
    assert anonymous_get(box.url)[HEADER] == "hit"
    lifecycle.add_status_update(proposal, text="Vi tittar på platsen i maj.")
    assert anonymous_get(box.url)[HEADER] == "miss"

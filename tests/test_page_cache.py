"""The anonymous page cache (caching/middleware.py) never serves one visitor's CSRF
token, form start time, messages, session, language or logged-in state to another,
serves pages with forms that still work, and goes stale on time and on publishing."""

import time

import pytest
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.cache.backends import locmem
from django.test import Client, RequestFactory
from django.utils import translation

from caching import generation, middleware
from home.models import HomePage
from proposals import lifecycle
from proposals.forms import STARTED_SALT
from tests.proposals.factories import (
    add_signatures,
    make_box,
    make_proposal,
    make_topic,
)
from tests.proposals.helpers import CSRF_TOKEN, STARTED, sign_form_data

HEADER = middleware.HEADER


@pytest.fixture(autouse=True)
def _cache_on(cache_on, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    yield
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


def proposal_path(box, proposal):
    return box.url + box.reverse_subpage("proposal_view", args=[proposal.pk])


def sign_with(client, page, box, proposal, email):
    """Post the sign form with the values the page gave, CSRF checks on."""
    return client.post(
        box.url + box.reverse_subpage("sign_view", args=[proposal.pk]),
        sign_form_data(page.content.decode(), email),
    )


def test_page_with_a_form_is_served_with_each_visitors_own_token(proposal, box):
    path = proposal_path(box, proposal)
    first_client = Client(enforce_csrf_checks=True)
    first = first_client.get(path)
    assert first[HEADER] == "miss"
    second_client = Client(enforce_csrf_checks=True)
    second = second_client.get(path)
    assert second[HEADER] == "hit"
    first_token = CSRF_TOKEN.search(first.content.decode()).group(1)
    second_token = CSRF_TOKEN.search(second.content.decode()).group(1)
    # Sign form and comment form: one token for the page, as Django renders it.
    assert CSRF_TOKEN.findall(second.content.decode()) == [second_token] * 2
    assert first_token and second_token and first_token != second_token
    assert first_token.encode() not in second.content
    cookie = second.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie.value != first.cookies[settings.CSRF_COOKIE_NAME].value
    assert "Cookie" in second["Vary"]
    # The visitor served from the cache can sign with what the page gave them ...
    response = sign_with(second_client, second, box, proposal, "eva@example.org")
    assert response.status_code == 302
    assert proposal.signatures.filter(email="eva@example.org").exists()
    # ... and nobody can sign with the first visitor's token and their own cookie.
    refused = sign_with(second_client, first, box, proposal, "bo@example.org")
    assert refused.status_code == 403
    assert not proposal.signatures.filter(email="bo@example.org").exists()


def test_the_stored_page_holds_no_token_nor_cookie(proposal, box):
    path = proposal_path(box, proposal)
    anonymous_get(path)
    request = RequestFactory().get(path)
    stored = cache.get(middleware.page_key(request))
    content = b"".join(stored["parts"][::2])
    assert set(stored["parts"][1::2]) == {"csrfmiddlewaretoken", "started"}
    assert set(CSRF_TOKEN.findall(content.decode())) == {""}
    assert set(STARTED.findall(content.decode())) == {""}
    assert all(name.lower() != "set-cookie" for name, _ in stored["headers"])


def test_visitor_with_only_a_csrf_cookie_keeps_their_secret(proposal, box):
    path = proposal_path(box, proposal)
    anonymous_get(path)
    client = Client(enforce_csrf_checks=True)
    client.get(box.url)  # the listing has no form: no cookie yet
    client.get("/")
    first = client.get(path)  # served from the cache, sets the cookie
    assert first[HEADER] == "hit"
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    again = client.get(path)
    assert again[HEADER] == "hit"
    assert client.cookies[settings.CSRF_COOKIE_NAME].value == secret
    response = sign_with(client, again, box, proposal, "eva@example.org")
    assert response.status_code == 302


def test_cached_page_gives_a_fresh_start_time(proposal, box, settings, monkeypatch):
    """The minimum fill time still catches a robot that posts a cached form at
    once: its signature is kept aside (flagged), not counted."""
    settings.PROPOSALS_MIN_FILL_SECONDS = 3
    path = proposal_path(box, proposal)
    made = time.time()
    anonymous_get(path)
    monkeypatch.setattr(time, "time", lambda: made + 20)
    client = Client(enforce_csrf_checks=True)
    page = client.get(path)
    assert page[HEADER] == "hit"
    started = STARTED.search(page.content.decode()).group(1)
    assert float(signing.loads(started, salt=STARTED_SALT)) == made + 20
    robot = sign_with(client, page, box, proposal, "robot@example.org")
    assert robot.status_code == 302  # no error for whoever it was
    assert proposal.signatures.get().flagged
    monkeypatch.setattr(time, "time", lambda: made + 24)
    assert sign_with(client, page, box, proposal, "eva@example.org").status_code == 302
    assert not proposal.signatures.get(email="eva@example.org").flagged


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


def test_signing_leads_to_a_thanks_page_the_cache_can_serve(proposal, box):
    path = proposal_path(box, proposal)
    signer = Client(enforce_csrf_checks=True)
    page = signer.get(path)
    response = sign_with(signer, page, box, proposal, "eva@example.org")
    assert response.status_code == 302
    assert not response.cookies.get("messages")
    thanks = signer.get(response["Location"])
    assert b"Tack! Vi har skickat ett mejl" in thanks.content
    assert thanks[HEADER] == "miss"
    assert signer.get(response["Location"])[HEADER] == "hit"
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


def test_a_change_made_by_another_process_is_seen_within_a_second(site, monkeypatch):
    anonymous_get("/")
    assert anonymous_get("/")[HEADER] == "hit"
    cache.set(generation.GENERATION_KEY, 99, timeout=None)  # another process's bump
    assert anonymous_get("/")[HEADER] == "hit"  # this process trusts its copy ...
    later = time.monotonic() + generation.LOCAL_SECONDS + 0.1
    monkeypatch.setattr(time, "monotonic", lambda: later)
    assert anonymous_get("/")[HEADER] == "miss"  # ... for at most LOCAL_SECONDS


def test_a_threshold_crossed_by_signing_shows_with_the_counts(
    proposal, box, monkeypatch
):
    """A signature that refers the proposal does not empty the cache: the referral
    shows when the counts do; a communicator's change shows at once."""
    add_signatures(proposal, 999)  # the threshold is 1000
    path = proposal_path(box, proposal)
    anonymous_get(path)
    assert anonymous_get(path)[HEADER] == "hit"
    last = lifecycle.sign(proposal, name="Eva", email="eva@example.org")
    assert lifecycle.confirm_signature(last.pk) == lifecycle.CONFIRMED
    proposal.refresh_from_db()
    assert proposal.status == "referred"
    assert anonymous_get(path)[HEADER] == "hit"
    later = time.time() + 31
    monkeypatch.setattr(locmem.time, "time", lambda: later)
    fresh = anonymous_get(path)
    assert fresh[HEADER] == "miss"
    assert "Lämnat till kommunen" in fresh.content.decode()
    lifecycle.add_status_update(proposal, text="Nämnden tar upp förslaget i maj.")
    assert anonymous_get(path)[HEADER] == "miss"


def test_templates_put_the_csrf_token_only_in_the_hidden_input():
    """The cache blanks the token where {% csrf_token %} puts it; a token printed
    anywhere else ({{ csrf_token }}) would be stored and shown to other visitors."""
    from pathlib import Path

    root = Path(settings.BASE_DIR)
    templates = [
        path
        for path in root.rglob("*.html")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    ]
    assert len(templates) > 20
    for path in templates:
        text = path.read_text()
        assert text.count("csrf_token") == text.count("{% csrf_token %}"), path


def test_a_hit_comes_from_this_process_without_asking_redis(site, monkeypatch):
    first = anonymous_get("/")

    def no_redis(*_args, **_kwargs):
        raise AssertionError("the cache was asked")

    monkeypatch.setattr(middleware.cache, "get", no_redis)
    second = anonymous_get("/")
    assert second[HEADER] == "hit"
    assert second.content == first.content


def test_another_process_gets_the_page_from_redis(site):
    first = anonymous_get("/")
    middleware.forget_local()  # as a second worker, which has kept nothing
    second = anonymous_get("/")
    assert second[HEADER] == "hit"
    assert second.content == first.content


def test_a_process_keeps_at_most_local_pages(site, monkeypatch):
    monkeypatch.setattr(middleware, "LOCAL_PAGES", 2)
    for path in ("/", "/en/", "/?a=1"):
        anonymous_get(path)
    assert len(middleware._pages) == 2
    oldest = middleware.page_key(RequestFactory().get("/"))
    assert oldest not in middleware._pages
    assert anonymous_get("/")[HEADER] == "hit"  # from Redis again


def test_one_start_time_serves_everyone_for_a_quarter_second(monkeypatch):
    from proposals import forms

    now = [1_000_000.0]
    monkeypatch.setattr(time, "time", lambda: now[0])
    monkeypatch.setattr(forms, "_started", {"at": 0.0, "token": ""})
    first = forms.started_token()
    now[0] += forms.STARTED_REUSE_SECONDS / 2
    assert forms.started_token() == first  # not signed again
    now[0] += forms.STARTED_REUSE_SECONDS
    later = forms.started_token()
    assert later != first
    handed_out = float(signing.loads(later, salt=STARTED_SALT))
    assert 0 <= now[0] - handed_out < forms.STARTED_REUSE_SECONDS

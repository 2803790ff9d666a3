"""With a caching proxy in front (caching/edge.py): only anonymous pages that are
the same for everyone are offered to it (no cookie, no token, nothing personal),
anonymous public forms work without a token while staff keep Django's CSRF check
(caching/csrf.py), and changes purge the addresses that show them."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from caching import middleware
from home.models import HomePage
from proposals import lifecycle
from tests.comment_helpers import existing_comment
from tests.proposals.factories import (
    add_signatures,
    make_box,
    make_proposal,
    make_topic,
)
from tests.proposals.helpers import (
    CSRF_TOKEN,
    STARTED,
    links_in_last_mail,
    sign_form_data,
)

EDGE = "http://edge.test"
PURGED = []


class RecordingBackend:
    """A frontend cache backend that notes what it is asked to purge."""

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        PURGED.extend(urls)


@pytest.fixture(autouse=True)
def _edge_on(cache_on, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    settings.DELAKTIG_EDGE_URL = EDGE
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "tests.test_edge_cache.RecordingBackend"}
    }
    PURGED.clear()


@pytest.fixture
def box(site):
    return make_box(site, signature_threshold=1000)


@pytest.fixture
def proposal(box):
    return make_proposal(box, make_topic(), title="Fler bänkar i Stadsparken")


def shared_at_the_edge(response):
    return "s-maxage" in response.get("Cache-Control", "")


def assert_same_for_everyone(response):
    assert shared_at_the_edge(response)
    assert not response.cookies, response.cookies
    length = response.get("Content-Length")
    assert length is None or int(length) == len(response.content)
    html = response.content.decode()
    assert set(CSRF_TOKEN.findall(html)) <= {""}


def test_an_anonymous_page_is_offered_to_the_proxy_without_token_or_cookie(
    proposal, box
):
    path = proposal.get_url()
    first, second = Client().get(path), Client().get(path)
    assert (first[middleware.HEADER], second[middleware.HEADER]) == ("miss", "hit")
    for response in (first, second):
        assert_same_for_everyone(response)
        assert "public" in response["Cache-Control"]
        assert STARTED.search(response.content.decode())[1]
    max_age = int(second["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 < max_age <= settings.PAGE_CACHE_SECONDS


def test_a_signed_in_page_is_never_offered_to_the_proxy(proposal):
    client = Client()
    client.force_login(User.objects.get(username="kommunikator"))
    for path in ("/", proposal.get_url(), f"/{settings.ADMIN_PATH}/"):
        response = client.get(path)
        assert not shared_at_the_edge(response), path
        assert "public" not in response.get("Cache-Control", "")


def test_a_visitor_with_a_session_or_messages_is_never_offered(proposal):
    for cookie in (settings.SESSION_COOKIE_NAME, "messages"):
        client = Client()
        client.cookies[cookie] = "someone"
        response = client.get(proposal.get_url())
        assert not shared_at_the_edge(response), cookie
        assert CSRF_TOKEN.search(response.content.decode())[1]


def test_a_response_that_sets_a_cookie_is_never_offered(
    proposal, django_capture_on_commit_callbacks
):
    """A form with errors sets the CSRF cookie and shows what was typed: never
    shared, and neither is the private signature page the mail links to."""
    response = Client().post(
        proposal.get_url() + "skriv-under/",
        {"name": "Eva", "email": "not-an-address", "consent": "on"},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 400
    assert not shared_at_the_edge(response)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.sign(proposal, name="Eva", email="eva@example.org")
    for path in links_in_last_mail():
        private = Client().get(path)
        assert not shared_at_the_edge(private), path


def sign(client, proposal, html, email, **headers):
    return client.post(
        proposal.get_url() + "skriv-under/", sign_form_data(html, email), **headers
    )


def test_anonymous_visitors_sign_from_a_shared_page_without_a_token(proposal):
    page = Client().get(proposal.get_url()).content.decode()
    visitor = Client(enforce_csrf_checks=True)
    response = sign(visitor, proposal, page, "eva@example.org", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 302
    assert proposal.signatures.filter(email="eva@example.org").exists()
    # A browser without Origin says where it posts from otherwise.
    same_site = sign(
        visitor, proposal, page, "bo@example.org", HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert same_site.status_code == 302


ORIGIN = "http://testserver"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://elsewhere.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_REFERER": "https://elsewhere.example/form"},
    ],
)
def test_another_site_cannot_post_through_a_visitors_browser(proposal, headers):
    page = Client().get(proposal.get_url()).content.decode()
    visitor = Client(enforce_csrf_checks=True)
    response = sign(visitor, proposal, page, "eva@example.org", **headers)
    assert response.status_code == 403
    assert not proposal.signatures.exists()


def test_signed_in_staff_keep_the_token_check(proposal):
    staff = Client(enforce_csrf_checks=True)
    staff.force_login(User.objects.get(username="kommunikator"))
    page = staff.get(proposal.get_url()).content.decode()
    token = CSRF_TOKEN.search(page)[1]
    assert token
    data = sign_form_data(page, "eva@example.org")
    url = proposal.get_url() + "skriv-under/"
    refused = staff.post(url, {**data, "csrfmiddlewaretoken": ""}, HTTP_ORIGIN=ORIGIN)
    assert refused.status_code == 403
    assert staff.post(url, data, HTTP_ORIGIN=ORIGIN).status_code == 302


def test_the_admin_log_in_keeps_the_token_check(site):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/{settings.ADMIN_PATH}/login/",
        {"username": "kommunikator", "password": "whatever-it-is"},
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 403


def test_without_a_proxy_anonymous_posts_need_the_token(proposal, settings):
    settings.DELAKTIG_EDGE_URL = ""
    page = Client().get(proposal.get_url())
    assert not shared_at_the_edge(page)
    html = page.content.decode()
    visitor = Client(enforce_csrf_checks=True)
    data = {**sign_form_data(html, "eva@example.org"), "csrfmiddlewaretoken": ""}
    response = visitor.post(
        proposal.get_url() + "skriv-under/", data, HTTP_ORIGIN=ORIGIN
    )
    assert response.status_code == 403


def proposal_addresses(proposal, box):
    own = f"http://testserver{proposal.get_url()}"
    return {own, own.replace("testserver/", "testserver/en/", 1)}


def test_a_trail_entry_purges_the_proposal_its_box_and_the_front_page(proposal, box):
    PURGED.clear()
    lifecycle.add_status_update(proposal, text="Vi tittar på platsen i maj.")
    purged = set(PURGED)
    assert proposal_addresses(proposal, box) <= purged
    box_url = f"http://testserver{box.url}"
    assert {box_url, box_url.replace("testserver/", "testserver/en/", 1)} <= purged
    assert {"http://testserver/", "http://testserver/en/"} <= purged


def test_signatures_purge_nothing_their_counts_show_on_time(proposal):
    """Counts show within PAGE_CACHE_SECONDS (the s-maxage the proxy keeps to);
    purging at every signature would cost a render per signature at a peak."""
    add_signatures(proposal, 3)
    PURGED.clear()  # what making the box and the proposal purged
    last = lifecycle.sign(proposal, name="Eva", email="eva@example.org")
    lifecycle.confirm_signature(last.pk)
    assert PURGED == []


def test_a_moderated_comment_purges_the_page_it_shows_on(proposal, box):
    comment = existing_comment(proposal, text="Något som ska bort")
    PURGED.clear()
    comment.is_removed = True
    comment.save()
    assert proposal_addresses(proposal, box) <= set(PURGED)


def test_publishing_a_page_purges_it_in_both_languages(site):
    home = HomePage.objects.get(pk=site.root_page.pk)
    home.title = "Ny rubrik för startsidan"
    PURGED.clear()
    home.save_revision().publish()
    assert {"http://testserver/", "http://testserver/en/"} <= set(PURGED)


def test_nothing_is_purged_without_a_proxy(proposal, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    PURGED.clear()
    lifecycle.add_status_update(proposal, text="Vi tittar på platsen i maj.")
    assert PURGED == []


def test_anonymous_visitors_comment_from_a_shared_page_without_a_token(proposal):
    """The comment library's view has its own csrf_protect: it honours the check
    too, and the comment waits for its e-mail confirmation as always."""
    from django.core import mail

    from tests.proposals.test_comments import form_fields

    page = Client().get(proposal.get_url())
    assert_same_for_everyone(page)
    payload = {
        **form_fields(page.content.decode()),
        "honeypot": "",
        "url": "",
        "name": "Bo",
        "email": "bo.hemlig@example.org",
        "comment": "Bra förslag, gärna vid lekplatsen.",
        "csrfmiddlewaretoken": "",
    }
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.post("/kommentarer/post/", payload, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["bo.hemlig@example.org"]
    elsewhere = visitor.post(
        "/kommentarer/post/", payload, HTTP_ORIGIN="https://elsewhere.example"
    )
    assert elsewhere.status_code == 403


def test_a_purge_is_sent_again_once_every_process_has_seen_the_change(
    proposal, monkeypatch
):
    """Each process trusts its copy of the cache generation for LOCAL_SECONDS, so
    one of them may still hand the proxy the old page just after the first purge:
    with a queue that can wait (the database queue), the purge is queued again."""
    import datetime

    from django.utils import timezone

    from caching import edge
    from caching.generation import LOCAL_SECONDS

    queued = []

    class Later:
        def __init__(self, run_after):
            self.run_after = run_after

        def enqueue(self, urls, *args):
            queued.append((self.run_after, urls))

    class DeferredPurge:
        def using(self, run_after):
            return Later(run_after)

    class WaitingQueue:
        supports_defer = True

    monkeypatch.setattr(edge, "default_task_backend", WaitingQueue())
    monkeypatch.setattr(edge, "purge_urls_from_cache_task", DeferredPurge())
    PURGED.clear()
    before = timezone.now()
    edge.purge([f"http://testserver{proposal.get_url()}"])
    assert len(PURGED) == 2  # at once, in both languages
    [(run_after, urls)] = queued
    assert sorted(urls) == sorted(PURGED)
    assert run_after >= before + datetime.timedelta(seconds=LOCAL_SECONDS)

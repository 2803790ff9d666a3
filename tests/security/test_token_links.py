"""Links in mail act only on the POST of the page they open: a GET on every token
link (what a mail scanner does) changes nothing in the database and sends nothing;
the page's one button does the action; the page is never stored by a cache; an
old or closed withdrawal link is a clear 410."""

import re
import time
from contextlib import contextmanager
from datetime import timedelta
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail, signing
from django.test import Client
from django.utils import timezone
from django_comments_xtd import signed
from django_comments_xtd.models import XtdComment

from proposals import lifecycle, tokens
from proposals.constants import Status
from proposals.models import FeedbackEntry, Proposal, Signature, StaffMailOptOut
from tests.comment_helpers import existing_comment
from tests.proposals.helpers import CSRF_TOKEN, link_containing
from tests.proposals.test_comments import post_comment

pytestmark = pytest.mark.django_db


def database():
    """What any token link could change."""
    return [
        list(model.objects.order_by("pk").values())
        for model in (Proposal, Signature, XtdComment, StaffMailOptOut, FeedbackEntry)
    ]


def box_link(box, route, kind, pk):
    return box.url + box.reverse_subpage(route, args=[tokens.make_token(kind, pk)])


def opened(url):
    """GET as a scanner would, with a fresh client: nothing changes, nothing is
    sent, and the page (private, never cached) has one button that posts."""
    before, sent = database(), len(mail.outbox)
    response = Client().get(url)
    assert response.status_code == 200, url
    assert database() == before, url
    assert len(mail.outbox) == sent, url
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    html = response.content.decode()
    assert len(re.findall(r'<form method="post"', html)) == 1
    assert CSRF_TOKEN.search(html)
    return response


def pressed(url):
    """The page's button, from a browser that enforces CSRF like a real one."""
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(url).content.decode()
    token = CSRF_TOKEN.search(html).group(1)
    return browser.post(url, {"csrfmiddlewaretoken": token})


@pytest.fixture
def unconfirmed(open_proposal):
    return lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")


def test_signature_confirmation(open_proposal, unconfirmed):
    url = box_link(
        open_proposal.box,
        "confirm_signature_view",
        tokens.SIGNATURE_CONFIRM,
        unconfirmed.pk,
    )
    opened(url)
    opened(url)
    assert pressed(url).status_code == 200
    unconfirmed.refresh_from_db()
    assert unconfirmed.confirmed_at is not None
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == 1


def test_proposal_confirmation(proposal_factory):
    proposal = proposal_factory(Status.SUBMITTED)
    url = box_link(
        proposal.box, "confirm_proposal_view", tokens.PROPOSAL_CONFIRM, proposal.pk
    )
    opened(url)
    assert pressed(url).status_code == 200
    assert Proposal.objects.get(pk=proposal.pk).status == Status.IN_MODERATION


def test_signature_withdrawal(open_proposal, unconfirmed):
    url = box_link(
        open_proposal.box,
        "manage_signature_view",
        tokens.SIGNATURE_MANAGE,
        unconfirmed.pk,
    )
    opened(url)
    assert pressed(url).status_code == 200
    assert not Signature.objects.exists()


def test_proposal_withdrawal(open_proposal):
    url = box_link(
        open_proposal.box,
        "manage_proposal_view",
        tokens.PROPOSAL_MANAGE,
        open_proposal.pk,
    )
    opened(url)
    assert pressed(url).status_code == 302
    assert Proposal.objects.get(pk=open_proposal.pk).status == Status.WITHDRAWN


@pytest.mark.parametrize("kind", tokens.UNSUBSCRIBE_KINDS)
def test_unsubscribe(open_proposal, communicator_user, kind):
    signature = lifecycle.sign(
        open_proposal, name="Eva", email="eva@example.org", keep_informed=True
    )
    pk = {
        tokens.PROPOSER_UNSUBSCRIBE: open_proposal.pk,
        tokens.SIGNER_UNSUBSCRIBE: signature.pk,
        tokens.STAFF_UNSUBSCRIBE: communicator_user.pk,
    }[kind]
    url = box_link(open_proposal.box, "unsubscribe_view", kind, pk)
    opened(url)
    assert pressed(url).status_code == 200
    open_proposal.refresh_from_db()
    signature.refresh_from_db()
    stopped = {
        tokens.PROPOSER_UNSUBSCRIBE: not open_proposal.notify_proposer,
        tokens.SIGNER_UNSUBSCRIBE: not signature.keep_informed,
        tokens.STAFF_UNSUBSCRIBE: StaffMailOptOut.objects.filter(
            user=communicator_user
        ).exists(),
    }
    assert stopped[kind]


def test_removal_of_all_signatures(client, open_proposal, unconfirmed):
    client.post("/mina-underskrifter/", {"email": "eva@example.org"})
    url = link_containing("/mina-underskrifter/", to="eva@example.org")
    opened(url)
    assert pressed(url).status_code == 200
    assert not Signature.objects.exists()


def test_comment_confirmation(client, open_proposal):
    post_comment(client, open_proposal, name="Bo", email="bo@example.org", comment="Ja")
    link = re.search(r"https?://\S+/confirm/\S+", mail.outbox[-1].body).group(0)
    url = urlsplit(link).path
    opened(url)
    opened(url)
    assert pressed(url).status_code == 302
    assert XtdComment.objects.get().comment == "Ja"


def test_comment_mute(open_proposal):
    comment = existing_comment(open_proposal)
    XtdComment.objects.filter(pk=comment.pk).update(followup=True)
    comment.refresh_from_db()
    key = signed.dumps(comment, compress=True, extra_key=settings.COMMENTS_XTD_SALT)
    url = f"/kommentarer/mute/{key.decode()}/"
    opened(url)
    assert pressed(url).status_code == 200
    assert not XtdComment.objects.get(pk=comment.pk).followup


def test_bad_links_are_clear_pages_for_get_and_post(open_proposal):
    box = open_proposal.box
    for route in ("confirm_signature_view", "confirm_proposal_view"):
        url = box.url + box.reverse_subpage(route, args=["nonsense"])
        for response in (Client().get(url), Client().post(url)):
            assert response.status_code == 404
    for url in ("/kommentarer/confirm/nonsense/", "/kommentarer/mute/nonsense/"):
        for response in (Client().get(url), Client().post(url)):
            assert response.status_code == 400


# Withdrawal links have a lifetime.


def old_token(kind, pk, age, monkeypatch):
    real = time.time
    with monkeypatch.context() as patched:
        patched.setattr(signing.time, "time", lambda: real() - age.total_seconds())
        return tokens.make_token(kind, pk)


def test_a_withdrawal_link_older_than_its_lifetime_is_gone(
    open_proposal, unconfirmed, monkeypatch
):
    box = open_proposal.box
    lifecycle.confirm_signature(unconfirmed.pk)
    young = old_token(
        tokens.SIGNATURE_MANAGE, unconfirmed.pk, timedelta(days=300), monkeypatch
    )
    url = box.url + box.reverse_subpage("manage_signature_view", args=[young])
    assert Client().get(url).status_code == 200
    token = old_token(
        tokens.SIGNATURE_MANAGE, unconfirmed.pk, timedelta(days=400), monkeypatch
    )
    url = box.url + box.reverse_subpage("manage_signature_view", args=[token])
    before = database()
    for response in (Client().get(url), Client().post(url)):
        assert response.status_code == 410
        assert "Länken har gått ut" in response.content.decode()
    assert database() == before


def test_a_withdrawal_link_ends_when_the_proposal_stops_taking_signatures(
    open_proposal, unconfirmed
):
    lifecycle.confirm_signature(unconfirmed.pk)
    url = box_link(
        open_proposal.box,
        "manage_signature_view",
        tokens.SIGNATURE_MANAGE,
        unconfirmed.pk,
    )
    lifecycle.withdraw_proposal(open_proposal)
    before = database()
    for response in (Client().get(url), Client().post(url)):
        assert response.status_code == 410
    assert database() == before


def test_no_token_page_is_kept_by_the_page_cache(
    cache_on, client, open_proposal, unconfirmed
):
    box = open_proposal.box
    post_comment(client, open_proposal, name="Bo", email="bo@example.org", comment="Ja")
    comment_link = re.search(r"https?://\S+/confirm/\S+", mail.outbox[-1].body)
    client.post("/mina-underskrifter/", {"email": "eva@example.org"})
    urls = [
        box_link(
            box, "confirm_signature_view", tokens.SIGNATURE_CONFIRM, unconfirmed.pk
        ),
        box_link(box, "manage_signature_view", tokens.SIGNATURE_MANAGE, unconfirmed.pk),
        box_link(box, "unsubscribe_view", tokens.SIGNER_UNSUBSCRIBE, unconfirmed.pk),
        link_containing("/mina-underskrifter/", to="eva@example.org"),
        urlsplit(comment_link.group(0)).path,
    ]
    for url in urls:
        first, second = Client().get(url), Client().get(url)
        assert "X-Page-Cache" not in first and "X-Page-Cache" not in second, url
        assert CSRF_TOKEN.search(first.content.decode()).group(1) != (
            CSRF_TOKEN.search(second.content.decode()).group(1)
        )


@contextmanager
def time_machine_days(days):
    """Now is `days` days later (the link's comment was written at the real now)."""
    later = timezone.now() + timedelta(days=days)
    with mock.patch("django.utils.timezone.now", return_value=later):
        yield


def test_a_comment_confirmation_link_expires(client, open_proposal, settings):
    settings.COMMENT_CONFIRM_DAYS = 7
    post_comment(client, open_proposal, name="Bo", email="bo@example.org", comment="Ja")
    link = re.search(r"https?://\S+/confirm/\S+", mail.outbox[-1].body).group(0)
    url = urlsplit(link).path
    with time_machine_days(8):
        for response in (Client().get(url), Client().post(url)):
            assert response.status_code == 410
            assert "Länken har gått ut" in response.content.decode()
    assert not XtdComment.objects.exists()
    with time_machine_days(6):
        assert pressed(url).status_code == 302
    assert XtdComment.objects.get().comment == "Ja"

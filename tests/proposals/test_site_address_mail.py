"""Every link in every e-mail is on the site's address (DELAKTIG_SITE_URL, here
another host and port than the default), whether a resident's request on some
other host or a staff action without any request sent it."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from municipality import site_address
from proposals import lifecycle
from proposals.constants import DecisionOutcome, Status
from proposals.models import Proposal
from tests.proposals.factories import add_signatures
from tests.proposals.helpers import sign_form_data, submit_data

pytestmark = pytest.mark.django_db

SITE_URL = "http://delaktig.mittkoping.test:8080"
LINK = re.compile(r"https?://[^\s\"'<>]+")
COMMENT_FIELDS = ("content_type", "object_pk", "timestamp", "security_hash", "reply_to")


@pytest.fixture
def elsewhere(settings, site):
    settings.DELAKTIG_SITE_URL = settings.WAGTAILADMIN_BASE_URL = SITE_URL
    site_address.apply(url=SITE_URL)


def path_of(fragment):
    """The path of the latest e-mailed link containing `fragment`."""
    for message in reversed(mail.outbox):
        for url in LINK.findall(message.body):
            if fragment in url:
                return urlsplit(url).path
    raise AssertionError(f"no e-mailed link with {fragment}")


def hidden(html, name):
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
    return re.search(r'value="([^"]*)"', tag).group(1)


def test_every_link_in_every_email_is_on_the_sites_address(
    elsewhere, box, topic, committee, politician, communicator_user, proposal_factory
):
    # Residents reach the site on a host that is not its address.
    resident = Client(HTTP_HOST="127.0.0.1:8000")
    url = f"{box.url}lamna-forslag/"
    assert (
        resident.post(url, submit_data(topic, title="Ny lekplats")).status_code == 302
    )
    assert resident.post(path_of("/bekrafta-forslag/")).status_code == 200
    proposal = Proposal.objects.get(title="Ny lekplats")
    assert proposal.status == Status.IN_MODERATION

    lifecycle.approve(proposal, user=communicator_user)
    add_signatures(proposal, proposal.box.signature_threshold - 1)
    page = resident.get(proposal.get_url()).content.decode()
    data = {**sign_form_data(page, "sara.privat@example.org"), "keep_informed": "on"}
    assert resident.post(f"{proposal.get_url()}skriv-under/", data).status_code == 302
    resident.post("/mina-underskrifter/", {"email": "sara.privat@example.org"})
    assert path_of("/mina-underskrifter/")
    # Her confirmation reaches the threshold: the referral's e-mails.
    assert resident.post(path_of("/bekrafta-underskrift/")).status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == Status.REFERRED

    comment = {name: hidden(page, name) for name in COMMENT_FIELDS}
    comment.update(
        name="Bo", email="bo.privat@example.org", comment="Bra!", honeypot="", url=""
    )
    assert resident.post("/kommentarer/post/", comment).status_code == 302
    assert resident.post(path_of("/confirm/")).status_code in (200, 302)

    lifecycle.register_referral(proposal, committee=committee, case_number="TN 2026/7")
    proposal.refresh_from_db()
    lifecycle.flag_overdue(now=proposal.referred_at + timedelta(days=400))
    lifecycle.add_response(proposal, user=politician, text="Vi tittar på saken.")
    lifecycle.answer(
        proposal,
        outcome=DecisionOutcome.APPROVED,
        decided_on=timezone.localdate(),
        text="Lekplatsen byggs.",
    )
    other = proposal_factory("in_moderation", title="Något annat")
    lifecycle.reject(other, reason="duplicate", message="Finns redan.")
    assert resident.get(path_of("/avregistrera/")).status_code == 200

    subjects = {message.subject for message in mail.outbox}
    assert len(mail.outbox) >= 12, subjects
    for message in mail.outbox:
        alternatives = getattr(message, "alternatives", [])
        bodies = [message.body] + [body for body, _type in alternatives]
        links = [url for body in bodies for url in LINK.findall(body)]
        assert links, message.subject
        for url in links:
            assert url.startswith(SITE_URL + "/"), (message.subject, url)
    admin_links = [
        u for m in mail.outbox for u in LINK.findall(m.body) if "/admin/" in u
    ]
    assert admin_links, "communicators' e-mails link the admin"

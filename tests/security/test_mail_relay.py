"""The site is no mail relay: every form that sends mail, under a burst of 30 posts,
sends at most what its limits allow (per client address and per recipient), and no
mail to an address a stranger typed, or to staff, carries the stranger's name, text
or links."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from municipality.ratelimit import DEFAULT_RATE_LIMITS
from proposals import lifecycle
from proposals.models import Proposal, Signature
from tests.comment_helpers import existing_comment
from tests.proposals.helpers import link_containing, sign_data, submit_data
from tests.proposals.test_comments import post_comment

pytestmark = pytest.mark.django_db

BURST = 30
ATTACK = "Hej! Ditt BankID spärras, verifiera på https://bankid-sparr.example/x"
ATTACK_MARKS = ("BankID", "bankid-sparr.example", "spärras")
MODERATOR = "kommunikator@mittkoping.se"


def allowed(action):
    """The most attempts one address (or recipient) gets in a burst."""
    return min(hits for hits, _seconds in DEFAULT_RATE_LIMITS[action].values())


def assert_clean(messages):
    assert messages
    for message in messages:
        text = message.subject + message.body
        text += "".join(body for body, _type in getattr(message, "alternatives", []))
        for mark in ATTACK_MARKS:
            assert mark not in text, (mark, message.to, text)


def ip(n):
    return {"REMOTE_ADDR": f"198.51.100.{n + 1}"}


# Signing.


def sign(client, proposal, **data):
    return client.post(proposal.get_url() + "skriv-under/", sign_data(**data))


def test_a_burst_of_signatures_from_one_address_mails_at_most_its_limit(
    client, open_proposal
):
    statuses = [
        sign(client, open_proposal, email=f"offer{n}@example.org").status_code
        for n in range(BURST)
    ]
    assert statuses.count(302) == allowed("sign")
    assert set(statuses[allowed("sign") :]) == {429}
    assert len(mail.outbox) == allowed("sign")
    assert Signature.objects.count() == allowed("sign")


def test_a_burst_of_signatures_to_one_recipient_mails_at_most_its_limit(
    client, proposal_factory
):
    proposals = [proposal_factory("open", title=f"Förslag {n}") for n in range(BURST)]
    for n, proposal in enumerate(proposals):
        client.post(
            proposal.get_url() + "skriv-under/",
            sign_data(email="Offer@Example.org"),
            **ip(n),
        )
    assert len(mail.outbox) == allowed("mail-to")


def test_the_signature_mail_carries_nothing_the_signer_typed(client, open_proposal):
    assert sign(client, open_proposal, name=ATTACK).status_code == 302
    assert_clean(mail.outbox)
    assert "/bekrafta-underskrift/" in mail.outbox[0].body


# Submitting.


def test_a_burst_of_proposals_mails_at_most_the_limits(client, box, topic):
    for n in range(BURST):
        client.post(
            box.url + "lamna-forslag/",
            submit_data(topic, email=f"offer{n}@example.org", title=f"Rubrik {n}"),
        )
    assert len(mail.outbox) == allowed("submit")
    mail.outbox.clear()
    for n in range(BURST):
        client.post(
            box.url + "lamna-forslag/",
            submit_data(topic, email="offer@example.org", title=f"Rubrik {n}"),
            **ip(n),
        )
    assert len(mail.outbox) == allowed("mail-to")


def test_proposal_mails_carry_nothing_the_proposer_typed(
    client, box, topic, communicator_user
):
    data = submit_data(
        topic, title="Sök https://bankid-sparr.example/x", text=ATTACK * 2
    )
    data["author_name"] = ATTACK[:100]
    assert client.post(box.url + "lamna-forslag/", data).status_code == 302
    assert_clean(mail.outbox)
    # Confirmed, it goes to the communicators for review: still nothing typed.
    client.post(link_containing("/bekrafta-forslag/"))
    assert Proposal.objects.get().status == "in_moderation"
    to_staff = [m for m in mail.outbox if MODERATOR in m.to]
    assert to_staff
    assert_clean(mail.outbox)


# Comments.


def test_a_burst_of_comments_mails_at_most_the_limits(client, open_proposal):
    for n in range(BURST):
        post_comment(
            client,
            open_proposal,
            name="Bo",
            email=f"offer{n}@example.org",
            comment="Hej",
        )
    assert len(mail.outbox) == allowed("comment")
    mail.outbox.clear()
    html = client.get(open_proposal.get_url()).content.decode()
    for n in range(BURST):
        post_comment_from(client, open_proposal, html, ip(n), email="offer@example.org")
    assert len(mail.outbox) == allowed("mail-to")


def post_comment_from(client, proposal, html, extra, **data):
    from tests.proposals.test_comments import form_fields

    payload = {
        **form_fields(html),
        "honeypot": "",
        "url": "",
        "name": "Bo",
        "comment": "Hej",
        **data,
    }
    return client.post("/kommentarer/post/", payload, **extra)


def test_a_refused_comment_comes_back_as_typed(client, open_proposal, settings):
    settings.RATE_LIMITS = {"comment": {"burst": (1, 600)}}
    post_comment(client, open_proposal, name="Bo", email="a@example.org", comment="Ett")
    refused = post_comment(
        client, open_proposal, name="Bo", email="b@example.org", comment="Mitt andra"
    )
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Mitt andra" in html and "Vänta en stund" in html
    assert len(mail.outbox) == 1


def test_comment_mails_carry_nothing_the_commenter_typed(
    client, open_proposal, communicator_user
):
    follower = existing_comment(open_proposal, text="Jag följer")
    XtdComment.objects.filter(pk=follower.pk).update(followup=True)
    post_comment(
        client,
        open_proposal,
        name=ATTACK[:50],
        email="offer@example.org",
        comment=ATTACK,
    )
    [confirmation] = mail.outbox
    assert_clean([confirmation])
    link = re.search(r"https?://\S+/confirm/\S+", confirmation.body).group(0)
    client.post(urlsplit(link).path)
    assert XtdComment.objects.count() == 2
    # The moderators' notice and the follower's mail, neither with the text.
    assert len(mail.outbox) >= 3
    assert_clean(mail.outbox)


# Reports.


def test_thirty_reports_of_one_comment_mail_the_moderators_once(
    client, open_proposal, communicator_user
):
    comment = existing_comment(open_proposal, text=ATTACK)
    url = f"{open_proposal.get_url()}kommentarer/{comment.pk}/anmal/"
    for n in range(BURST):
        assert client.post(url, **ip(n)).status_code == 200
    reports = [m for m in mail.outbox if "har anmälts" in m.subject]
    assert len({tuple(m.to) for m in reports}) == len(reports)  # once per moderator
    assert MODERATOR in {address for m in reports for address in m.to}
    assert_clean(reports)
    # Every report was filed: the comment stands reported.
    assert CommentFlag.objects.filter(comment=comment).exists()


def test_a_burst_of_reports_from_one_address_is_limited(client, open_proposal):
    comments = [existing_comment(open_proposal, text=f"K {n}") for n in range(BURST)]
    statuses = [
        client.post(f"{open_proposal.get_url()}kommentarer/{c.pk}/anmal/").status_code
        for c in comments
    ]
    assert statuses.count(200) == allowed("report")
    assert set(statuses[allowed("report") :]) == {429}


# Removal requests ("Ta bort mina underskrifter").


def test_a_burst_of_removal_requests_mails_at_most_the_limits(client, open_proposal):
    for n in range(BURST):
        lifecycle.sign(open_proposal, name="A", email=f"offer{n}@example.org")
    lifecycle.sign(open_proposal, name="A", email="offer@example.org", notify=False)
    mail.outbox.clear()
    for n in range(BURST):
        client.post("/mina-underskrifter/", {"email": f"offer{n}@example.org"})
    assert len(mail.outbox) == allowed("remove")
    mail.outbox.clear()
    for n in range(BURST):
        client.post("/mina-underskrifter/", {"email": "offer@example.org"}, **ip(n))
    assert len(mail.outbox) == allowed("mail-to")


# The admin's password reset.


def test_a_burst_of_password_resets_mails_at_most_the_limits(
    client, communicator_user, settings
):
    url = f"/{settings.ADMIN_PATH}/password_reset/"
    statuses = [
        client.post(url, {"email": communicator_user.email}, **ip(n)).status_code
        for n in range(BURST)
    ]
    assert len(mail.outbox) == allowed("mail-to")
    assert statuses.count(429) == BURST - allowed("mail-to")
    mail.outbox.clear()
    for n in range(BURST):
        client.post(url, {"email": f"person{n}@example.org"})
    refused = client.post(url, {"email": communicator_user.email})
    assert refused.status_code == 429
    assert "Vänta en stund" in refused.content.decode()
    assert not mail.outbox


def test_flagged_signatures_mail_one_mailbox_once_a_day_whatever_the_spelling(
    client, open_proposal, settings
):
    settings.PROPOSALS_MIN_FILL_SECONDS = 3600  # every post is "too fast"
    spellings = ["snabb@example.org", "Snabb+1@example.org", "snabb+2@EXAMPLE.org"]
    for email in spellings:
        assert sign(client, open_proposal, email=email).status_code == 302
    assert Signature.objects.filter(flagged=True).count() == 3
    assert len(mail.outbox) == 1

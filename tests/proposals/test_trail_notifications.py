"""Who is e-mailed about the trail, in which language, and unsubscribing."""

import re
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone, translation

from proposals import lifecycle, notifications
from proposals.constants import DecisionOutcome, EntryKind, Status
from proposals.models import Proposal, Signature, StaffMailOptOut
from tests.proposals.factories import PROPOSER_EMAIL, add_signatures

pytestmark = pytest.mark.django_db

COMMUNICATOR_EMAIL = "kommunikator@mittkoping.se"


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def unsubscribe_path(message):
    url = re.search(r"https?://\S+/avregistrera/\S+", message.body).group(0)
    return urlsplit(url).path


@pytest.fixture
def informed(registered_proposal):
    """One signer who ticked "keep me informed" (in English), one who did not."""
    with translation.override("en"):
        yes = lifecycle.sign(
            registered_proposal,
            name="Informed",
            email="informed@example.org",
            keep_informed=True,
        )
    no = lifecycle.sign(registered_proposal, name="Quiet", email="quiet@example.org")
    lifecycle.confirm_signature(yes.pk)
    lifecycle.confirm_signature(no.pk)
    mail.outbox.clear()
    return yes


def test_language_is_stored_from_the_request(client, box, topic):
    from tests.proposals.helpers import submit_data

    client.post(f"/en{box.url}lamna-forslag/", submit_data(topic))
    assert Proposal.objects.get().language == "en"
    assert "Confirm" in mail.outbox[-1].subject or "confirm" in mail.outbox[-1].body


def test_response_and_decision_reach_proposer_and_informed_signers(
    informed, registered_proposal, politician
):
    lifecycle.add_response(registered_proposal, user=politician, text="Vi svarar.")
    assert recipients() == sorted([PROPOSER_EMAIL, "informed@example.org"])
    english = to("informed@example.org")[0]
    assert "Per Holm (Mittenpartiet)" in english.body
    assert "Hello" in english.body or "Hi" in english.body
    assert "/en/" in english.body
    swedish = to(PROPOSER_EMAIL)[0]
    assert "Hej" in swedish.body
    assert "/en/" not in swedish.body
    mail.outbox.clear()
    lifecycle.answer(registered_proposal, outcome=DecisionOutcome.APPROVED)
    assert recipients() == sorted([PROPOSER_EMAIL, "informed@example.org"])
    assert "Approved" in to("informed@example.org")[0].body
    assert "Bifall" in to(PROPOSER_EMAIL)[0].body


def test_status_updates_go_to_the_proposer_only(informed, registered_proposal):
    lifecycle.add_status_update(registered_proposal, text="Ärendet bereds.")
    assert recipients() == [PROPOSER_EMAIL]


def test_signers_who_did_not_opt_in_get_nothing(
    informed, registered_proposal, politician
):
    lifecycle.add_response(registered_proposal, user=politician, text="Svar")
    lifecycle.answer(registered_proposal, outcome=DecisionOutcome.REJECTED)
    assert "quiet@example.org" not in recipients()
    assert all(
        s.email not in recipients()
        for s in Signature.objects.filter(keep_informed=False)
    )


def test_referral_tells_informed_signers(proposal_factory, committee):
    proposal = proposal_factory(Status.OPEN, signatures=1)
    yes = lifecycle.sign(
        proposal, name="Ja", email="ja@example.org", keep_informed=True
    )
    lifecycle.confirm_signature(yes.pk)
    mail.outbox.clear()
    add_signatures(proposal, 1, prefix="extra")
    lifecycle.refer(proposal)
    assert "ja@example.org" in recipients()
    mail.outbox.clear()
    lifecycle.register_referral(proposal, committee=committee, case_number="TN 5")
    assert recipients() == sorted([PROPOSER_EMAIL, "ja@example.org"])
    assert "TN 5" in to("ja@example.org")[0].body


def test_proposer_told_of_rejection(proposal_factory):
    proposal = proposal_factory(Status.IN_MODERATION)
    mail.outbox.clear()
    lifecycle.reject(proposal, reason="other", message="Inte kommunens sak.")
    assert recipients() == [PROPOSER_EMAIL]
    assert "/avregistrera/" in mail.outbox[0].body


def test_communicators_told_of_new_threshold_and_overdue(
    proposal_factory, registered_proposal
):
    proposal = proposal_factory(Status.SUBMITTED)
    mail.outbox.clear()
    lifecycle.confirm_proposal(proposal.pk)
    assert recipients() == [COMMUNICATOR_EMAIL]  # the proposer saw the page
    assert "granska" in mail.outbox[0].subject

    lifecycle.approve(proposal)
    add_signatures(proposal, 3)
    mail.outbox.clear()
    lifecycle.refer(proposal)
    staff = to(COMMUNICATOR_EMAIL)
    assert len(staff) == 1
    assert "tröskeln" in staff[0].subject

    mail.outbox.clear()
    later = registered_proposal.referred_at + timedelta(days=61)
    lifecycle.flag_overdue(now=later)
    lifecycle.flag_overdue(now=later + timedelta(days=1))
    assert recipients() == [COMMUNICATOR_EMAIL]
    assert "Försenat" in mail.outbox[0].subject


def test_communicator_mail_in_their_admin_language(proposal_factory, communicator_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(communicator_user)
    profile.preferred_language = "en"
    profile.save()
    proposal = proposal_factory(Status.SUBMITTED)
    mail.outbox.clear()
    lifecycle.confirm_proposal(proposal.pk)
    assert "review" in to(COMMUNICATOR_EMAIL)[0].subject.lower()


def test_overdue_sweep_runs_in_the_cron_task(registered_proposal, monkeypatch):
    from proposals.tasks import close_expired_proposals

    Proposal.objects.filter(pk=registered_proposal.pk).update(
        referred_at=timezone.now() - timedelta(days=90)
    )
    mail.outbox.clear()
    close_expired_proposals.call()
    assert recipients() == [COMMUNICATOR_EMAIL]
    assert Proposal.objects.get(pk=registered_proposal.pk).overdue_notified_at


def test_unsubscribe_without_login(client, informed, registered_proposal, politician):
    lifecycle.add_response(registered_proposal, user=politician, text="Svar")
    signer_link = unsubscribe_path(to("informed@example.org")[0])
    proposer_link = unsubscribe_path(to(PROPOSER_EMAIL)[0])
    assert signer_link != proposer_link
    # Mail programs show the same link as an unsubscribe button.
    header = to("informed@example.org")[0].extra_headers["List-Unsubscribe"]
    assert urlsplit(header.strip("<>")).path == signer_link

    page = client.get(signer_link)
    assert page.status_code == 200
    assert Signature.objects.get(pk=informed.pk).keep_informed  # GET changes nothing
    assert client.post(signer_link).status_code == 200
    assert not Signature.objects.get(pk=informed.pk).keep_informed
    assert client.post(proposer_link).status_code == 200
    assert not Proposal.objects.get(pk=registered_proposal.pk).notify_proposer

    mail.outbox.clear()
    lifecycle.answer(registered_proposal, outcome=DecisionOutcome.APPROVED)
    assert mail.outbox == []


def test_staff_unsubscribe(client, proposal_factory, communicator_user):
    proposal = proposal_factory(Status.SUBMITTED)
    mail.outbox.clear()
    lifecycle.confirm_proposal(proposal.pk)
    link = unsubscribe_path(to(COMMUNICATOR_EMAIL)[0])
    client.logout()
    assert client.post(link).status_code == 200
    assert StaffMailOptOut.objects.filter(user=communicator_user).exists()
    other = proposal_factory(Status.SUBMITTED, title="Ännu ett")
    mail.outbox.clear()
    lifecycle.confirm_proposal(other.pk)
    assert COMMUNICATOR_EMAIL not in recipients()


@pytest.mark.parametrize("token", ["x", "abc" * 30, "%00"])
def test_bad_unsubscribe_links_are_clear_4xx(client, box, token):
    response = client.post(f"{box.url}avregistrera/{token}/")
    assert response.status_code in (400, 404)


def test_other_tokens_do_not_unsubscribe(client, box, registered_proposal):
    from proposals import tokens

    token = tokens.make_token(tokens.PROPOSAL_MANAGE, registered_proposal.pk)
    assert client.post(f"{box.url}avregistrera/{token}/").status_code == 404
    assert Proposal.objects.get(pk=registered_proposal.pk).notify_proposer


def test_mails_are_queued_through_the_tasks_api(registered_proposal, monkeypatch):
    sent = []
    monkeypatch.setattr(
        notifications,
        "send_mail",
        SimpleNamespace(enqueue=lambda *args, **kwargs: sent.append((args, kwargs))),
    )
    entry = lifecycle.add_status_update(registered_proposal, text="Via kön")
    # Only the entry's id and the proposer's language: the worker renders.
    assert sent == [(("trail_entry", "sv"), {"entry": entry.pk})]


def test_signer_language_is_stored_and_used(client, open_proposal):
    from tests.proposals.helpers import sign_data

    url = f"/en{open_proposal.get_url()}skriv-under/"
    response = client.post(url, sign_data(email="english.signer@example.org"))
    assert response.status_code == 302
    signature = Signature.objects.get(email="english.signer@example.org")
    assert signature.language == "en"
    confirmation = to("english.signer@example.org")[-1]
    assert "/en/" in confirmation.body


def test_public_trail_in_english(client, registered_proposal):
    html = client.get(f"/en{registered_proposal.get_url()}").content.decode()
    assert "The municipality received the proposal." in html
    assert "Latest feedback" in html
    assert 'From: <span lang="sv">Mittköpings kommun</span>' in html


def test_communicators_mail_links_the_proposals_admin_screen(
    client, proposal_factory, communicator_user
):
    """ "Hantera förslaget i administrationen" with the admin screen for that very
    proposal, which a communicator can open."""
    proposal = proposal_factory(Status.SUBMITTED)
    mail.outbox.clear()
    lifecycle.confirm_proposal(proposal.pk)
    [message] = to(COMMUNICATOR_EMAIL)
    url = re.search(r"http://testserver(/admin/\S+)", message.body)
    assert url, message.body
    assert f"/{proposal.pk}/" in url.group(1)
    client.force_login(communicator_user)
    screen = client.get(url.group(1))
    assert screen.status_code == 200
    assert proposal.title in screen.content.decode()


@pytest.mark.parametrize("ending", ["withdrawn", "closed"])
def test_informed_signers_hear_when_a_proposal_ends_without_a_decision(
    open_proposal, ending
):
    """Withdrawn by its proposer, or closed without enough support: those who
    asked to be kept informed are told, the others are not."""
    kept = lifecycle.sign(
        open_proposal, name="Ida", email="ida@example.org", keep_informed=True
    )
    quiet = lifecycle.sign(open_proposal, name="Bo", email="bo@example.org")
    lifecycle.confirm_signature(kept.pk)
    lifecycle.confirm_signature(quiet.pk)
    mail.outbox.clear()
    if ending == "withdrawn":
        lifecycle.withdraw_proposal(open_proposal)
    else:
        deadline = open_proposal.signing_deadline
        lifecycle.enforce_deadline(open_proposal, now=deadline + timedelta(days=1))
    [told] = to("ida@example.org")
    assert open_proposal.title in told.body
    assert to("bo@example.org") == []


def test_the_referral_is_one_step_with_one_entry_and_one_email(
    proposal_factory, committee
):
    """Reaching the threshold refers the proposal: the proposer gets one e-mail,
    not one for the threshold and one for the referral; registering the referral
    fills in that entry instead of writing a second "Lämnat till nämnd"."""
    proposal = proposal_factory(Status.OPEN)
    add_signatures(proposal, proposal.threshold - 1)
    last = lifecycle.sign(proposal, name="Sist", email="sist@example.org")
    mail.outbox.clear()
    lifecycle.confirm_signature(last.pk)
    proposal.refresh_from_db()
    assert proposal.status == Status.REFERRED
    assert len(to(PROPOSER_EMAIL)) == 1
    lifecycle.register_referral(proposal, committee=committee, case_number="TN 9")
    [referral] = proposal.trail.filter(kind=EntryKind.REFERRED)
    assert (referral.committee, referral.case_number) == (committee, "TN 9")
    assert referral.public


def test_referred_and_registered_at_once_is_one_email(proposal_factory, committee):
    proposal = proposal_factory(Status.OPEN)
    add_signatures(proposal, proposal.threshold)
    mail.outbox.clear()
    lifecycle.refer(proposal, committee=committee, case_number="TN 10")
    [told] = to(PROPOSER_EMAIL)
    assert "TN 10" in told.body
    assert proposal.trail.filter(kind=EntryKind.REFERRED).count() == 1
    assert to(COMMUNICATOR_EMAIL) == []  # a communicator did it

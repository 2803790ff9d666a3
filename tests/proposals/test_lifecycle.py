"""Every transition of DESIGN.md's lifecycle, and every forbidden one."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from proposals import lifecycle
from proposals.constants import DecisionOutcome, EntryKind, RejectionReason, Status
from proposals.lifecycle.base import lock
from proposals.lifecycle.states import move
from proposals.models import Proposal, Signature
from tests.municipality.factories import make_area
from tests.proposals.factories import PROPOSER_EMAIL, add_signatures, make_committee

pytestmark = pytest.mark.django_db

ALL_STATUSES = list(Status)
ALLOWED = {
    (Status.SUBMITTED, Status.IN_MODERATION),
    (Status.IN_MODERATION, Status.OPEN),
    (Status.IN_MODERATION, Status.REJECTED),
    (Status.IN_MODERATION, Status.WITHDRAWN),
    (Status.OPEN, Status.REFERRED),
    (Status.OPEN, Status.CLOSED_UNSUPPORTED),
    (Status.OPEN, Status.WITHDRAWN),
    (Status.REFERRED, Status.ANSWERED),
}


def test_transition_table_is_exactly_the_design():
    pairs = {
        (source, target)
        for source, targets in lifecycle.ALLOWED_TRANSITIONS.items()
        for target in targets
    }
    assert pairs == ALLOWED


def test_submitted_then_confirmed_goes_to_moderation(proposal_factory):
    proposal = proposal_factory(Status.SUBMITTED)
    assert proposal.status == Status.SUBMITTED
    assert proposal.confirmed_at is None
    proposal, moved = lifecycle.confirm_proposal(proposal.pk)
    assert moved
    assert proposal.status == Status.IN_MODERATION
    assert proposal.confirmed_at is not None


def test_confirming_twice_is_harmless(proposal_factory):
    proposal = proposal_factory(Status.SUBMITTED)
    lifecycle.confirm_proposal(proposal.pk)
    confirmed_at = Proposal.objects.get(pk=proposal.pk).confirmed_at
    again, moved = lifecycle.confirm_proposal(proposal.pk)
    assert not moved
    assert again.status == Status.IN_MODERATION
    assert again.confirmed_at == confirmed_at


def test_approve_opens_signing_with_the_box_terms(box, proposal_factory):
    box.signature_threshold = 7
    box.signing_days = 30
    box.signing_continues_after_referral = False
    box.save()
    proposal = proposal_factory(Status.IN_MODERATION)
    before = timezone.now()
    lifecycle.approve(proposal)
    proposal.refresh_from_db()
    assert proposal.status == Status.OPEN
    assert proposal.threshold == 7
    assert proposal.signing_continues_after_referral is False
    assert proposal.opened_at >= before
    assert proposal.signing_deadline == proposal.opened_at + timedelta(days=30)
    assert proposal.trail.get(kind=EntryKind.PUBLISHED).status == Status.OPEN
    assert proposal.signing_open
    assert proposal.days_left == 30


def test_reject_records_reason_and_mails_the_proposer(proposal_factory):
    proposal = proposal_factory(Status.IN_MODERATION)
    mail.outbox.clear()
    lifecycle.reject(
        proposal,
        reason=RejectionReason.COMMERCIAL,
        message="Förslaget gör reklam för ett företag.",
    )
    proposal.refresh_from_db()
    assert proposal.status == Status.REJECTED
    assert proposal.rejection_reason == RejectionReason.COMMERCIAL
    # A rejection is not public: only the proposer sees it on their private page.
    rejected = proposal.trail.get(kind=EntryKind.REJECTED)
    assert not rejected.public
    assert not proposal.trail.filter(public=True).exclude(kind=EntryKind.RECEIVED)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [PROPOSER_EMAIL]
    assert "Reklam eller kommersiellt innehåll" in message.body
    assert "Förslaget gör reklam för ett företag." in message.body


@pytest.mark.parametrize(
    ("reason", "message"),
    [("", "Ett meddelande"), ("not_a_reason", "Ett meddelande"), ("other", "  ")],
)
def test_reject_needs_a_known_reason_and_a_message(proposal_factory, reason, message):
    proposal = proposal_factory(Status.IN_MODERATION)
    with pytest.raises(ValueError):
        lifecycle.reject(proposal, reason=reason, message=message)
    assert Proposal.objects.get(pk=proposal.pk).status == Status.IN_MODERATION


def test_reaching_the_threshold_refers_the_proposal(proposal_factory):
    proposal = proposal_factory(Status.OPEN, signatures=2)  # threshold is 3
    signature = lifecycle.sign(
        proposal, name="Tredje", email="tredje@example.org", show_name=True
    )
    assert lifecycle.confirm_signature(signature.pk) == lifecycle.CONFIRMED
    proposal.refresh_from_db()
    assert proposal.signature_count == 3
    assert proposal.status == Status.REFERRED
    assert proposal.referred_at is not None
    assert [e.kind for e in proposal.trail.all()] == [
        EntryKind.RECEIVED,
        EntryKind.PUBLISHED,
        EntryKind.MILESTONE_HALF,
        EntryKind.MILESTONE_THRESHOLD,
        EntryKind.REFERRED,
    ]


def test_refer_by_hand_needs_the_threshold(proposal_factory):
    proposal = proposal_factory(Status.OPEN, signatures=1)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.refer(proposal)
    add_signatures(proposal, 2, prefix="more")
    proposal.status = Status.OPEN
    lifecycle.refer(proposal, case_number="KS 2026/12", committee=make_committee())
    proposal.refresh_from_db()
    assert proposal.status == Status.REFERRED
    assert proposal.case_number == "KS 2026/12"


@pytest.mark.parametrize("continues", [True, False])
def test_signing_after_referral_is_configurable(box, proposal_factory, continues):
    box.signing_continues_after_referral = continues
    box.save()
    proposal = proposal_factory(Status.REFERRED)
    assert proposal.signing_open is continues
    if continues:
        signature = lifecycle.sign(proposal, name="Sen", email="sen@example.org")
        assert lifecycle.confirm_signature(signature.pk) == lifecycle.CONFIRMED
        proposal.refresh_from_db()
        assert proposal.signature_count == 4
        assert proposal.status == Status.REFERRED
    else:
        with pytest.raises(lifecycle.SigningClosed):
            lifecycle.sign(proposal, name="Sen", email="sen@example.org")


def test_answer_records_the_outcome(proposal_factory):
    proposal = proposal_factory(Status.REFERRED)
    lifecycle.answer(
        proposal,
        outcome=DecisionOutcome.PARTLY_APPROVED,
        decision_url="https://www.mittkoping.se/beslut/1",
        text="Kommunen bygger fler cykelställ under våren.",
    )
    proposal.refresh_from_db()
    assert proposal.status == Status.ANSWERED
    assert proposal.answered_at is not None
    assert proposal.trail.last().message.startswith("Kommunen bygger")


def test_answer_needs_a_known_outcome(proposal_factory):
    proposal = proposal_factory(Status.REFERRED)
    with pytest.raises(ValueError):
        lifecycle.answer(proposal, outcome="maybe")


@pytest.mark.parametrize("status", [Status.IN_MODERATION, Status.OPEN])
def test_proposer_may_withdraw_while_moderated_or_open(proposal_factory, status):
    proposal = proposal_factory(status)
    lifecycle.withdraw_proposal(proposal)
    proposal.refresh_from_db()
    assert proposal.status == Status.WITHDRAWN
    assert proposal.withdrawn_at is not None
    # Withdrawing a published proposal is a public event; an unpublished one is not.
    assert proposal.trail.filter(status=Status.WITHDRAWN, public=True).exists() is (
        status == Status.OPEN
    )


def _reach(proposal_factory, status):
    return proposal_factory(status)


FORBIDDEN = [
    (source, target)
    for source in ALL_STATUSES
    for target in ALL_STATUSES
    if (source, target) not in ALLOWED
]


@pytest.mark.parametrize(("source", "target"), FORBIDDEN)
def test_forbidden_transitions_raise(proposal_factory, source, target):
    proposal = proposal_factory(source)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        move(lock(proposal), target)
    assert Proposal.objects.get(pk=proposal.pk).status == source


@pytest.mark.parametrize(
    "status",
    [
        Status.SUBMITTED,
        Status.REJECTED,
        Status.REFERRED,
        Status.CLOSED_UNSUPPORTED,
        Status.ANSWERED,
        Status.WITHDRAWN,
    ],
)
def test_public_actions_refuse_wrong_states(proposal_factory, status):
    proposal = proposal_factory(status)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.approve(proposal)
    with pytest.raises((lifecycle.TransitionNotAllowed, ValueError)):
        lifecycle.reject(proposal, reason="other", message="Nej")
    if status != Status.REFERRED:
        with pytest.raises(lifecycle.TransitionNotAllowed):
            lifecycle.answer(proposal, outcome=DecisionOutcome.APPROVED)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.withdraw_proposal(proposal)
    assert Proposal.objects.get(pk=proposal.pk).status == status


def _expire(proposal):
    Proposal.objects.filter(pk=proposal.pk).update(
        signing_deadline=timezone.now() - timedelta(minutes=1)
    )


def test_deadline_closes_unsupported_proposal_by_command(proposal_factory):
    from django.core.management import call_command

    proposal = proposal_factory(Status.OPEN, signatures=1)
    still_open = proposal_factory(Status.OPEN, title="Ännu öppet förslag")
    _expire(proposal)
    call_command("close_expired_proposals", stdout=__import__("io").StringIO())
    proposal.refresh_from_db()
    still_open.refresh_from_db()
    assert proposal.status == Status.CLOSED_UNSUPPORTED
    assert proposal.closed_at == proposal.signing_deadline
    assert proposal.trail.filter(status=Status.CLOSED_UNSUPPORTED).count() == 1
    assert still_open.status == Status.OPEN


def test_deadline_is_enforced_lazily_when_the_proposal_is_viewed(
    client, box, proposal_factory
):
    proposal = proposal_factory(Status.OPEN, signatures=1)
    _expire(proposal)
    assert Proposal.objects.get(pk=proposal.pk).status == Status.OPEN  # no cron ran
    response = client.get(proposal.get_url())
    assert response.status_code == 200
    assert "Avslutat utan tillräckligt stöd" in response.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).status == Status.CLOSED_UNSUPPORTED


def test_deadline_is_enforced_lazily_on_the_listing(client, box, proposal_factory):
    proposal = proposal_factory(Status.OPEN)
    _expire(proposal)
    client.get(box.url)
    assert Proposal.objects.get(pk=proposal.pk).status == Status.CLOSED_UNSUPPORTED


def test_deadline_check_on_an_open_proposal_costs_no_query(
    proposal_factory, django_assert_num_queries
):
    proposal = proposal_factory(Status.OPEN)
    with django_assert_num_queries(0):  # not even a transaction or savepoint
        assert lifecycle.enforce_deadline(proposal) is False
    _expire(proposal)
    with django_assert_num_queries(0):  # the instance in hand is still open
        assert lifecycle.enforce_deadline(proposal) is False
    proposal.refresh_from_db()
    assert lifecycle.enforce_deadline(proposal) is True
    assert proposal.status == Status.CLOSED_UNSUPPORTED


def test_confirm_signature_takes_the_instance_already_read(
    proposal_factory, django_assert_max_num_queries
):
    proposal = proposal_factory(Status.OPEN)
    by_id = lifecycle.sign(proposal, name="Id", email="id@example.org")
    by_instance = lifecycle.sign(proposal, name="Instans", email="inst@example.org")
    assert lifecycle.confirm_signature(by_id.pk) == lifecycle.CONFIRMED
    signature = Signature.objects.select_related("proposal").get(pk=by_instance.pk)
    with django_assert_max_num_queries(30) as counted:
        assert lifecycle.confirm_signature(signature) == lifecycle.CONFIRMED
    # Straight to the lock: no second read of the signature, no savepoint for
    # the deadline check of an open proposal.
    first, second = (query["sql"] for query in counted.captured_queries[:2])
    assert first.startswith(("SAVEPOINT", "BEGIN"))
    assert second.startswith('SELECT "proposals_proposal"')
    assert Proposal.objects.get(pk=proposal.pk).signature_count == 2


def test_signing_refused_after_the_deadline_even_without_cron(proposal_factory):
    proposal = proposal_factory(Status.OPEN)
    _expire(proposal)
    proposal.refresh_from_db()
    with pytest.raises(lifecycle.SigningClosed):
        lifecycle.sign(proposal, name="Sen", email="sen@example.org")
    assert Proposal.objects.get(pk=proposal.pk).status == Status.CLOSED_UNSUPPORTED


def test_referral_tells_the_proposer_and_signers_who_asked(proposal_factory):
    proposal = proposal_factory(Status.OPEN, signatures=1)
    informed = lifecycle.sign(
        proposal, name="Vill veta", email="vill.veta@example.org", keep_informed=True
    )
    lifecycle.confirm_signature(informed.pk)
    quiet = lifecycle.sign(proposal, name="Tyst", email="tyst@example.org")
    mail.outbox.clear()
    lifecycle.confirm_signature(quiet.pk)
    referral = [m for m in mail.outbox if "lämnats till kommunen" in m.body]
    recipients = sorted(address for m in referral for address in m.to)
    assert recipients == sorted([PROPOSER_EMAIL, "vill.veta@example.org"])
    assert "tyst@example.org" not in {a for m in mail.outbox for a in m.to}
    signer_mail = next(m for m in referral if m.to == ["vill.veta@example.org"])
    assert "/mitt-forslag/" not in signer_mail.body  # the proposer's private link


def test_nothing_is_half_saved_when_an_action_fails(box, topic, monkeypatch):
    from proposals import notifications

    def broken(*args, **kwargs):
        raise RuntimeError("mail template broke")

    monkeypatch.setattr(notifications, "proposal_confirmation", broken)
    with pytest.raises(RuntimeError):
        lifecycle.submit_proposal(
            box,
            title="Halvsparat?",
            text="Det här förslaget ska inte finnas kvar efteråt.",
            topic=topic,
            area=make_area(),
            author_name="Test",
            author_email="test@example.org",
        )
    assert not Proposal.objects.filter(title="Halvsparat?").exists()


def test_cron_purges_unconfirmed_leftovers_after_the_link_expired(proposal_factory):
    from django.core.management import call_command

    from proposals.models import Signature

    old_submission = proposal_factory(Status.SUBMITTED, title="Aldrig bekräftat")
    fresh_submission = proposal_factory(Status.SUBMITTED, title="Nyss inskickat")
    proposal = proposal_factory(Status.OPEN, title="Öppet")
    old = lifecycle.sign(proposal, name="Gammal", email="gammal@example.org")
    fresh = lifecycle.sign(proposal, name="Ny", email="ny@example.org")
    confirmed = lifecycle.sign(proposal, name="Klar", email="klar@example.org")
    lifecycle.confirm_signature(confirmed.pk)
    eight_days_ago = timezone.now() - timedelta(days=8)
    Signature.objects.filter(pk__in=[old.pk, confirmed.pk]).update(
        created_at=eight_days_ago
    )
    Proposal.objects.filter(pk=old_submission.pk).update(created_at=eight_days_ago)
    call_command("close_expired_proposals", stdout=__import__("io").StringIO())
    assert set(Signature.objects.values_list("pk", flat=True)) == {
        fresh.pk,
        confirmed.pk,
    }
    assert not Proposal.objects.filter(pk=old_submission.pk).exists()
    assert Proposal.objects.filter(pk=fresh_submission.pk).exists()

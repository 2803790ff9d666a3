"""The trail: an entry for every transition, ordering, authors, corrections and
the politicians' 24-hour window, overdue and days since feedback."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ReferenceIndex

from proposals import lifecycle
from proposals.constants import DecisionOutcome, EntryKind, Status
from proposals.models import FeedbackEntry, FeedbackEntryVersion, Proposal
from tests.proposals.factories import add_signatures

pytestmark = pytest.mark.django_db


def kinds(proposal):
    return [(e.kind, e.public) for e in proposal.trail.all()]


def test_every_transition_writes_its_entry(proposal_factory, committee, politician):
    proposal = proposal_factory(Status.SUBMITTED)
    assert kinds(proposal) == []
    lifecycle.confirm_proposal(proposal.pk)
    assert kinds(proposal) == [(EntryKind.RECEIVED, True)]
    lifecycle.approve(proposal)
    assert kinds(proposal)[-1] == (EntryKind.PUBLISHED, True)
    add_signatures(proposal, 3)
    lifecycle.refer(proposal)
    assert kinds(proposal)[-3:] == [
        (EntryKind.MILESTONE_HALF, True),
        (EntryKind.MILESTONE_THRESHOLD, True),
        (EntryKind.REFERRED, True),
    ]
    lifecycle.register_referral(proposal, committee=committee, case_number="TN 1")
    referral = proposal.trail.last()
    assert (referral.kind, referral.case_number, referral.committee) == (
        EntryKind.REFERRED,
        "TN 1",
        committee,
    )
    assert referral.handling_days == committee.expected_handling_days
    lifecycle.add_status_update(proposal, text="Ärendet bereds.")
    assert kinds(proposal)[-1] == (EntryKind.STATUS_UPDATE, True)
    lifecycle.add_response(proposal, user=politician, text="Vi tittar på det.")
    assert kinds(proposal)[-1] == (EntryKind.RESPONSE, True)
    lifecycle.answer(
        proposal,
        outcome=DecisionOutcome.APPROVED,
        decision_url="https://www.mittkoping.se/protokoll/1",
        text="Bifall.",
    )
    decision = proposal.trail.last()
    assert decision.kind == EntryKind.DECISION
    assert decision.outcome == DecisionOutcome.APPROVED
    assert decision.decided_on == timezone.localdate()
    assert decision.minutes_url.endswith("/protokoll/1")
    lifecycle.add_implementation_update(proposal, text="Arbetet har börjat.")
    assert kinds(proposal)[-1] == (EntryKind.IMPLEMENTATION, True)


@pytest.mark.parametrize(
    ("status", "kind", "public"),
    [
        (Status.REJECTED, EntryKind.REJECTED, False),
        (Status.CLOSED_UNSUPPORTED, EntryKind.CLOSED, True),
        (Status.WITHDRAWN, EntryKind.WITHDRAWN, True),
    ],
)
def test_other_endings_write_their_entry(proposal_factory, status, kind, public):
    proposal = proposal_factory(status)
    last = proposal.trail.last()
    assert (last.kind, last.public, last.status) == (kind, public, status)


def test_milestones_are_written_once_as_signatures_pass_them(proposal_factory, box):
    box.signature_threshold = 4
    box.save()
    proposal = proposal_factory(Status.OPEN)
    for i in range(2):
        signature = lifecycle.sign(proposal, name=f"S{i}", email=f"s{i}@example.org")
        lifecycle.confirm_signature(signature.pk)
    assert proposal.trail.filter(kind=EntryKind.MILESTONE_HALF).count() == 1
    # Withdrawing and signing again does not write the milestone again.
    first = proposal.signatures.first()
    lifecycle.withdraw_signature(first.pk)
    again = lifecycle.sign(proposal, name="Igen", email="igen@example.org")
    lifecycle.confirm_signature(again.pk)
    assert proposal.trail.filter(kind=EntryKind.MILESTONE_HALF).count() == 1
    assert not proposal.trail.filter(kind=EntryKind.MILESTONE_THRESHOLD).exists()


def test_trail_is_oldest_first(registered_proposal):
    proposal = registered_proposal
    earlier = timezone.now() - timedelta(days=400)
    FeedbackEntry.objects.filter(pk=proposal.trail.last().pk).update(created_at=earlier)
    dates = [e.created_at for e in proposal.trail.all()]
    assert dates == sorted(dates)
    assert proposal.trail.first().created_at == earlier


def test_author_display(registered_proposal, politician):
    response = lifecycle.add_response(
        registered_proposal, user=politician, text="Svar."
    )
    assert response.byline("Mittköpings kommun") == (
        "Per Holm (Mittenpartiet), ordförande i tekniska nämnden"
    )
    referral = registered_proposal.trail.get(
        kind=EntryKind.REFERRED, case_number="TN 2026/42"
    )
    assert referral.author.username == "kommunikator"
    assert referral.byline("Mittköpings kommun") == "Mittköpings kommun"
    # The byline is kept as it was when the response was given.
    politician.politician_profile.party = "Annat parti"
    politician.politician_profile.save()
    response.refresh_from_db()
    assert "Mittenpartiet" in response.signed_by


def test_referral_needs_committee_and_case_number(proposal_factory, committee):
    proposal = proposal_factory(Status.REFERRED)
    with pytest.raises(ValidationError):
        lifecycle.register_referral(proposal, committee=committee, case_number="  ")
    with pytest.raises(ValidationError):
        lifecycle.register_referral(proposal, committee=None, case_number="KS 1")
    assert Proposal.objects.get(pk=proposal.pk).case_number == ""
    assert proposal.awaiting_registration
    open_one = proposal_factory(Status.OPEN)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.register_referral(open_one, committee=committee, case_number="KS 2")


def test_no_decision_before_referral_or_in_the_future(
    proposal_factory, registered_proposal
):
    open_one = proposal_factory(Status.OPEN)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.answer(open_one, outcome=DecisionOutcome.APPROVED)
    with pytest.raises(ValidationError):
        lifecycle.answer(
            registered_proposal,
            outcome=DecisionOutcome.APPROVED,
            decided_on=timezone.localdate() + timedelta(days=1),
        )
    with pytest.raises(ValidationError):
        lifecycle.answer(
            registered_proposal,
            outcome=DecisionOutcome.APPROVED,
            decided_on=timezone.localdate() - timedelta(days=30),
        )
    assert Proposal.objects.get(pk=registered_proposal.pk).status == Status.REFERRED
    assert not registered_proposal.trail.filter(kind=EntryKind.DECISION).exists()


def test_updates_need_text_and_a_fitting_state(proposal_factory, registered_proposal):
    with pytest.raises(ValidationError):
        lifecycle.add_status_update(registered_proposal, text="   ")
    moderated = proposal_factory(Status.IN_MODERATION)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.add_status_update(moderated, text="Hemligt")
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.add_implementation_update(registered_proposal, text="För tidigt")
    rejected = proposal_factory(Status.ANSWERED)
    rejected.outcome = DecisionOutcome.REJECTED
    Proposal.objects.filter(pk=rejected.pk).update(outcome=DecisionOutcome.REJECTED)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.add_implementation_update(rejected, text="Inget att genomföra")


def test_response_only_on_the_politicians_committees(proposal_factory, politician):
    from tests.proposals.factories import make_committee

    elsewhere = proposal_factory(Status.REFERRED)
    lifecycle.register_referral(
        elsewhere,
        committee=make_committee("Kommunstyrelsen", "kommunstyrelsen"),
        case_number="KS 9",
    )
    with pytest.raises(lifecycle.NotPermitted):
        lifecycle.add_response(elsewhere, user=politician, text="Inte min nämnd")
    assert not elsewhere.trail.filter(kind=EntryKind.RESPONSE).exists()


def test_response_editable_by_its_author_for_24_hours(
    registered_proposal, politician, communicator_user
):
    entry = lifecycle.add_response(registered_proposal, user=politician, text="Första")
    assert lifecycle.can_edit_response(entry, politician)
    assert not lifecycle.can_edit_response(entry, communicator_user)
    lifecycle.edit_response(entry, user=politician, text="Rättat")
    entry.refresh_from_db()
    assert entry.text == "Rättat"
    assert entry.edited_at is not None
    assert entry.versions.get().text == "Första"

    later = entry.created_at + timedelta(hours=24, minutes=1)
    assert not lifecycle.can_edit_response(entry, politician, now=later)
    with pytest.raises(lifecycle.NotPermitted):
        lifecycle.edit_response(entry, user=politician, text="För sent", now=later)
    just_in_time = entry.created_at + timedelta(hours=23, minutes=59)
    assert lifecycle.can_edit_response(entry, politician, now=just_in_time)
    # Nobody else changes a politician's response, not even a communicator.
    with pytest.raises(lifecycle.NotPermitted):
        lifecycle.correct_entry(entry, user=communicator_user, text="X", note="Y")
    entry.refresh_from_db()
    assert entry.text == "Rättat"


def test_communicator_correction_keeps_the_original(
    registered_proposal, communicator_user
):
    entry = lifecycle.add_status_update(registered_proposal, text="Mötet är 3 maj.")
    with pytest.raises(ValidationError):
        lifecycle.correct_entry(entry, user=communicator_user, text="Ny", note=" ")
    lifecycle.correct_entry(
        entry, user=communicator_user, text="Mötet är 4 maj.", note="Fel datum"
    )
    entry.refresh_from_db()
    assert entry.text == "Mötet är 4 maj."
    assert entry.edited_at is not None
    version = FeedbackEntryVersion.objects.get(entry=entry)
    assert (version.text, version.note, version.replaced_by) == (
        "Mötet är 3 maj.",
        "Fel datum",
        communicator_user,
    )


def test_overdue_after_the_expected_handling_time(registered_proposal):
    proposal = registered_proposal
    assert proposal.handling_days == 60
    assert proposal.handling_deadline == proposal.referred_at + timedelta(days=60)
    assert not proposal.is_overdue()
    # Counted in whole dates, as the answer clock on the page counts them.
    due = timezone.localtime(proposal.referred_at).replace(hour=23, minute=59)
    assert not proposal.is_overdue(due + timedelta(days=60))
    assert proposal.is_overdue(due + timedelta(days=60, minutes=1))
    lifecycle.answer(proposal, outcome=DecisionOutcome.ANSWERED)
    proposal.refresh_from_db()
    assert not proposal.is_overdue(proposal.referred_at + timedelta(days=365))


def test_awaiting_registration_runs_on_the_box_answer_time(proposal_factory):
    # No handling time registered yet: the box's promised answer time applies.
    proposal = proposal_factory(Status.REFERRED)
    assert proposal.awaiting_registration
    months = proposal.box.answer_months
    assert not proposal.is_overdue(proposal.referred_at + timedelta(days=28 * months))
    assert proposal.is_overdue(proposal.referred_at + timedelta(days=32 * months))


def test_days_since_last_public_feedback(registered_proposal):
    proposal = registered_proposal
    last = proposal.trail.filter(public=True).last().created_at
    assert proposal.last_feedback_at == last
    assert proposal.days_since_feedback() == 0
    assert proposal.days_since_feedback(last + timedelta(days=5, hours=3)) == 5
    lifecycle.add_status_update(proposal, text="Nytt")
    proposal.refresh_from_db()
    assert proposal.last_feedback_at > last


def test_private_entries_do_not_count_as_feedback(proposal_factory):
    proposal = proposal_factory(Status.REJECTED)
    received = proposal.trail.get(kind=EntryKind.RECEIVED).created_at
    assert proposal.last_feedback_at == received


def test_flag_overdue_once_per_proposal(registered_proposal):
    later = registered_proposal.referred_at + timedelta(days=61)
    assert lifecycle.flag_overdue(now=later) == [registered_proposal.pk]
    assert lifecycle.flag_overdue(now=later + timedelta(days=1)) == []
    assert Proposal.objects.get(pk=registered_proposal.pk).overdue_notified_at == later


def test_trail_records_stay_out_of_the_reference_index(proposal_factory):
    """Entries are records, not content: saving them adds nothing to Wagtail's
    reference index (the admin's "usage" lists)."""
    proposal = proposal_factory(Status.OPEN)
    lifecycle.add_status_update(proposal, text="Vi har börjat titta på saken.")
    entry_type = ContentType.objects.get_for_model(FeedbackEntry)
    assert FeedbackEntry.objects.filter(proposal=proposal).count() == 3
    assert not ReferenceIndex.objects.filter(base_content_type=entry_type).exists()

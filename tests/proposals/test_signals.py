"""What the lifecycle announces (proposals/signals.py), and that its actions take the
acting user as an argument and check it."""

import pytest
from django.contrib.auth.models import User
from django.core import mail

from proposals import lifecycle, signals
from proposals.constants import EntryKind, RejectionReason, Status
from proposals.models import Proposal
from tests.proposals.factories import add_signatures


@pytest.fixture
def received():
    """Every signal the suggestion box sends, as (signal name, arguments); a test
    clears it once it has built what it starts from."""
    calls = []
    names = {
        "proposal_transitioned": signals.proposal_transitioned,
        "trail_entry_saved": signals.trail_entry_saved,
        "public_signature_removed": signals.public_signature_removed,
        "signature_cleared": signals.signature_cleared,
        "proposal_overdue": signals.proposal_overdue,
    }
    receivers = {}
    for name, signal in names.items():

        def receiver(sender, name=name, **kwargs):
            kwargs.pop("signal")
            calls.append((name, kwargs))

        receivers[name] = receiver
        signal.connect(receiver, dispatch_uid=f"test-{name}")
    yield calls
    for name, signal in names.items():
        signal.disconnect(dispatch_uid=f"test-{name}")


def test_approval_announces_the_transition_with_the_user(
    proposal_factory, communicator_user, received
):
    proposal = proposal_factory(Status.IN_MODERATION)
    received.clear()
    lifecycle.ApproveProposal(proposal, user=communicator_user).execute()
    [(name, arguments)] = received
    assert name == "proposal_transitioned"
    assert arguments["proposal"].pk == proposal.pk
    assert arguments["old_status"] == Status.IN_MODERATION
    assert arguments["new_status"] == Status.OPEN
    assert arguments["user"] == communicator_user
    assert arguments["entry"].kind == EntryKind.PUBLISHED
    assert arguments["by_signature"] is False


def test_a_plain_confirmation_announces_nothing(proposal_factory, received):
    proposal = proposal_factory(Status.OPEN)
    Proposal.objects.filter(pk=proposal.pk).update(threshold=100)
    signature = lifecycle.sign(proposal, name="Eva", email="eva@example.org")
    received.clear()
    assert lifecycle.confirm_signature(signature.pk) == lifecycle.CONFIRMED
    assert received == []


def test_a_referral_set_off_by_a_signature_is_announced_as_such(
    proposal_factory, received
):
    proposal = proposal_factory(Status.OPEN)
    add_signatures(proposal, proposal.threshold - 1)
    signature = lifecycle.sign(proposal, name="Sista", email="sista@example.org")
    received.clear()
    lifecycle.confirm_signature(signature.pk)
    # The milestones the bulk-added signatures never wrote, then the referral.
    names = [name for name, _arguments in received]
    assert names == ["trail_entry_saved", "trail_entry_saved", "proposal_transitioned"]
    assert all(arguments["by_signature"] for _name, arguments in received)
    assert [arguments["entry"].kind for _name, arguments in received[:2]] == [
        EntryKind.MILESTONE_HALF,
        EntryKind.MILESTONE_THRESHOLD,
    ]
    assert received[2][1]["new_status"] == Status.REFERRED
    assert received[2][1]["user"] is None


def test_withdrawing_a_shown_name_is_announced(proposal_factory, received):
    proposal = proposal_factory(Status.OPEN)
    Proposal.objects.filter(pk=proposal.pk).update(threshold=100)
    shown = lifecycle.sign(proposal, name="Eva", email="eva@example.org")
    hidden = lifecycle.sign(
        proposal, name="Dold", email="dold@example.org", show_name=False
    )
    for signature in (shown, hidden):
        lifecycle.confirm_signature(signature.pk)
    received.clear()
    lifecycle.withdraw_signature(hidden.pk)
    assert received == []
    lifecycle.withdraw_signature(shown.pk)
    assert received == [("public_signature_removed", {"proposal_id": proposal.pk})]


def test_a_status_update_is_announced_with_its_author(
    proposal_factory, communicator_user, received
):
    proposal = proposal_factory(Status.OPEN)
    received.clear()
    entry = lifecycle.add_status_update(
        proposal, text="Vi tittar på platsen.", user=communicator_user
    )
    assert received == [
        (
            "trail_entry_saved",
            {
                "entry": entry,
                "user": communicator_user,
                "created": True,
                "by_signature": False,
                "notify": True,
                "registered": False,
            },
        )
    ]
    assert entry.author == communicator_user


def test_notify_false_sends_no_mail_but_still_records(proposal_factory):
    proposal = proposal_factory(Status.IN_MODERATION)
    mail.outbox.clear()
    lifecycle.approve(proposal, notify=False)
    assert mail.outbox == []
    assert Proposal.objects.get(pk=proposal.pk).status == Status.OPEN


def test_check_refuses_a_user_without_the_permission(proposal_factory, politician):
    """A politician may respond, but not moderate."""
    proposal = proposal_factory(Status.IN_MODERATION)
    action = lifecycle.ApproveProposal(proposal, user=politician)
    with pytest.raises(lifecycle.NotPermitted):
        action.check()
    with pytest.raises(lifecycle.NotPermitted):
        action.execute()
    assert Proposal.objects.get(pk=proposal.pk).status == Status.IN_MODERATION


def test_check_says_whether_the_step_is_allowed_now(
    proposal_factory, communicator_user
):
    proposal = proposal_factory(Status.OPEN)
    lifecycle.WithdrawProposal(proposal, user=communicator_user).check()
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.RejectProposal(
            proposal,
            reason=RejectionReason.OFFENSIVE,
            message="Nej.",
            user=communicator_user,
        ).check()


def test_a_correction_needs_the_permission(proposal_factory, politician):
    proposal = proposal_factory(Status.OPEN)
    entry = proposal.trail.get(kind=EntryKind.PUBLISHED)
    with pytest.raises(lifecycle.NotPermitted):
        lifecycle.correct_entry(entry, user=politician, text="Ny text", note="Fel")


def test_anyone_without_a_grant_may_not_respond(proposal_factory):
    proposal = proposal_factory(Status.REFERRED)
    someone = User.objects.create_user("nagon", "nagon@example.org")
    for user in (None, someone):
        with pytest.raises(lifecycle.NotPermitted):
            lifecycle.AddResponse(proposal, user=user, text="Svar").check()

"""The proposer's and the moderators' steps, each an action (check, execute).

submitted ─(proposer confirms e-mail)─▶ in_moderation ─▶ open | rejected
in_moderation | open ─(proposer withdraws)─▶ withdrawn

The handbook's "Förslagslåda" (Kungsbacka, p. 17) is the model: proposals are put
on the web and others support them by signing; referral.py has what follows."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from proposals import notifications
from proposals.constants import RejectionReason, Status
from proposals.lifecycle.base import (
    ProposalAction,
    current_language,
    lock,
)
from proposals.lifecycle.states import check_transition, move
from proposals.models import Proposal


@transaction.atomic
def submit_proposal(box, *, ip_address=None, notify=True, **data):
    """Store a new proposal; it waits for the proposer to confirm their e-mail,
    whose link this queues in the same transaction (the step's own purpose, so not
    a receiver's)."""
    data.setdefault("language", current_language())
    proposal = Proposal.objects.create(box=box, ip_address=ip_address, **data)
    if notify:
        notifications.proposal_confirmation(proposal)
    return proposal


@transaction.atomic
def confirm_proposal(proposal_id, *, notify=True):
    """The proposer clicked the e-mail link: the proposal goes to moderation.

    Clicking again changes nothing; returns (proposal, whether this click moved it)."""
    proposal = lock(proposal_id)
    if proposal.status != Status.SUBMITTED:
        return proposal, False
    move(proposal, Status.IN_MODERATION, notify=notify)
    return proposal, True


class TransitionAction(ProposalAction):
    """A step to `target`: allowed only from the statuses ALLOWED_TRANSITIONS names."""

    target = None

    def check_state(self, proposal):
        check_transition(proposal, self.target)

    def move(self, locked, **kwargs):
        return move(locked, self.target, **self.announced, **kwargs)

    def perform(self, locked):
        self.move(locked)
        return locked


class WithdrawProposal(TransitionAction):
    """The proposer takes the proposal back while it is moderated or open."""

    target = Status.WITHDRAWN


class ApproveProposal(TransitionAction):
    """Publish and open signing with the box's current threshold and period.

    The terms are copied onto the proposal so later edits to the box (or reverting
    its page revisions) never change the rules for a proposal already open."""

    target = Status.OPEN

    def __init__(self, proposal, *, user=None, notify=True, now=None):
        super().__init__(proposal, user=user, notify=notify)
        self.now = now

    def perform(self, locked):
        now = self.now or timezone.now()
        box = locked.box
        self.move(
            locked,
            now=now,
            threshold=box.signature_threshold,
            signing_deadline=now + timedelta(days=box.signing_days),
            signing_continues_after_referral=box.signing_continues_after_referral,
            signature_method=locked.signature_method or box.signature_method,
        )
        return locked


class RejectProposal(TransitionAction):
    """Refuse publication; the proposer gets the reason and the message, nobody else."""

    target = Status.REJECTED

    def __init__(self, proposal, *, reason, message, user=None, notify=True):
        super().__init__(proposal, user=user, notify=notify)
        self.reason = reason
        self.message = message

    def check_state(self, proposal):
        if self.reason not in RejectionReason.values:
            raise ValueError(f"unknown rejection reason {self.reason!r}")
        if not self.message.strip():
            raise ValueError("a rejection needs a message to the proposer")
        super().check_state(proposal)

    def perform(self, locked):
        self.move(
            locked,
            rejection_reason=self.reason,
            rejection_message=self.message,
            entry={"text": self.message},
        )
        return locked


# The same steps as calls, for code that needs no check() of its own.


def withdraw_proposal(proposal, *, user=None, notify=True):
    return WithdrawProposal(proposal, user=user, notify=notify).execute()


def approve(proposal, *, user=None, notify=True, now=None):
    return ApproveProposal(proposal, user=user, notify=notify, now=now).execute()


def reject(proposal, *, reason, message, user=None, notify=True):
    return RejectProposal(
        proposal, reason=reason, message=message, user=user, notify=notify
    ).execute()

"""The proposer's and the moderators' steps, each an action (check, execute).

submitted ─(proposer confirms e-mail)─▶ in_moderation ─▶ open | rejected
open ─(threshold reached)─▶ referred ─▶ answered
in_moderation | open ─(proposer withdraws)─▶ withdrawn

The handbook's "Förslagslåda" (Kungsbacka, p. 17) is the model: proposals are put
on the web, others support them by signing, and the municipality answers."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals import notifications
from proposals.constants import DecisionOutcome, EntryKind, RejectionReason, Status
from proposals.lifecycle.base import (
    ProposalAction,
    TransitionNotAllowed,
    current_language,
    lock,
)
from proposals.lifecycle.counting import refer_locked
from proposals.lifecycle.states import check_transition, move
from proposals.lifecycle.trail import add_entry
from proposals.models import Proposal


@transaction.atomic
def submit_proposal(box, *, ip_address=None, request=None, notify=True, **data):
    """Store a new proposal; it waits for the proposer to confirm their e-mail,
    whose link this sends (the step's own purpose, so not a receiver's)."""
    data.setdefault("language", current_language())
    proposal = Proposal.objects.create(box=box, ip_address=ip_address, **data)
    if notify:
        notifications.proposal_confirmation(proposal, request=request)
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


class RegisterReferral(ProposalAction):
    """A communicator records which committee handles a referred proposal, its case
    number (diarienummer) and how long handling is expected to take."""

    def __init__(
        self,
        proposal,
        *,
        committee,
        case_number,
        handling_days=None,
        user=None,
        notify=True,
    ):
        super().__init__(proposal, user=user, notify=notify)
        self.committee = committee
        self.case_number = (case_number or "").strip()
        self.handling_days = handling_days

    def check_state(self, proposal):
        if proposal.status != Status.REFERRED:
            raise TransitionNotAllowed(f"{proposal.status} cannot be registered")
        self.check_registration(proposal)

    def check_registration(self, proposal):
        if self.committee is None:
            raise ValidationError(_("Välj den nämnd som ska behandla förslaget."))
        if not self.case_number:
            raise ValidationError(_("Ange diarienumret."))
        if proposal.case_number:
            raise TransitionNotAllowed("the referral is already registered")

    def perform(self, locked):
        handling_days = self.handling_days or self.committee.expected_handling_days
        locked.committee = self.committee
        locked.case_number = self.case_number
        locked.handling_days = handling_days
        locked.save(update_fields=["committee", "case_number", "handling_days"])
        return add_entry(
            locked,
            EntryKind.REFERRED,
            status=Status.REFERRED,
            committee=self.committee,
            case_number=self.case_number,
            handling_days=handling_days,
            author=self.user,
            **self.announced,
        )


class ReferProposal(ProposalAction):
    """Hand an open proposal that reached its threshold to the municipality; with
    committee and case number it is registered at once."""

    def __init__(self, proposal, *, user=None, notify=True, **registration):
        super().__init__(proposal, user=user, notify=notify)
        self.registration = (
            RegisterReferral(proposal, user=user, notify=notify, **registration)
            if registration
            else None
        )

    def check_state(self, proposal):
        if proposal.threshold is None or proposal.signature_count < proposal.threshold:
            raise TransitionNotAllowed("the threshold has not been reached")
        check_transition(proposal, Status.REFERRED)

    def perform(self, locked):
        refer_locked(locked, **self.announced)
        if self.registration is not None:
            self.registration.check_registration(locked)
            self.registration.perform(locked)
        return locked


class AnswerProposal(TransitionAction):
    """Record the decision on a referred proposal: outcome, date, minutes, summary.

    There is no decision before referral, and none dated in the future or before
    the proposal reached the municipality."""

    target = Status.ANSWERED

    def __init__(
        self,
        proposal,
        *,
        outcome,
        decision_url="",
        text="",
        case_number="",
        decided_on=None,
        user=None,
        notify=True,
    ):
        super().__init__(proposal, user=user, notify=notify)
        self.outcome = outcome
        self.decision_url = decision_url
        self.text = (text or "").strip()
        self.case_number = (case_number or "").strip()
        self.decided_on = decided_on or timezone.localdate()

    def check_state(self, proposal):
        if self.outcome not in DecisionOutcome.values:
            raise ValueError(f"unknown outcome {self.outcome!r}")
        if proposal.status != Status.REFERRED:
            raise TransitionNotAllowed(f"{proposal.status} has not been referred")
        if self.decided_on > timezone.localdate():
            raise ValidationError(_("Beslutsdatumet kan inte ligga i framtiden."))
        referred_on = proposal.referred_at and timezone.localdate(proposal.referred_at)
        if referred_on and self.decided_on < referred_on:
            raise ValidationError(
                _(
                    "Beslutet kan inte vara fattat innan förslaget "
                    "lämnades till kommunen."
                )
            )

    def perform(self, locked):
        case_number = self.case_number or locked.case_number
        self.move(
            locked,
            outcome=self.outcome,
            decision_url=self.decision_url,
            decided_on=self.decided_on,
            case_number=case_number,
            entry={
                "text": self.text,
                "outcome": self.outcome,
                "decided_on": self.decided_on,
                "minutes_url": self.decision_url,
                "case_number": case_number,
                "committee": locked.committee,
                "author": self.user,
            },
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


def refer(proposal, *, user=None, notify=True, **registration):
    return ReferProposal(proposal, user=user, notify=notify, **registration).execute()


def register_referral(proposal, *, user=None, notify=True, **registration):
    return RegisterReferral(
        proposal, user=user, notify=notify, **registration
    ).execute()


def answer(proposal, *, user=None, notify=True, **decision):
    return AnswerProposal(proposal, user=user, notify=notify, **decision).execute()

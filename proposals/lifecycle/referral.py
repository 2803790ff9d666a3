"""The municipality's handling of a proposal that reached its threshold, each an
action (check, execute): referral, registration with a case number, the decision.

open ─(threshold reached)─▶ referred ─▶ answered"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.constants import DecisionOutcome, EntryKind, Status
from proposals.lifecycle import announce
from proposals.lifecycle.base import ProposalAction, TransitionNotAllowed
from proposals.lifecycle.counting import refer_locked
from proposals.lifecycle.states import check_transition
from proposals.lifecycle.trail import add_entry
from proposals.lifecycle.transitions import TransitionAction


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
        registration = {
            "committee": self.committee,
            "case_number": self.case_number,
            "handling_days": handling_days,
        }
        # The referral is one public step: its entry gets the committee and case
        # number (no second "Lämnat till nämnd"); the e-mail then tells those
        # particulars. Only a referral without an entry of its own gets one.
        referral = (
            locked.trail.filter(kind=EntryKind.REFERRED, committee__isnull=True)
            .order_by("-created_at", "-pk")
            .first()
        )
        if referral is None:
            return add_entry(
                locked,
                EntryKind.REFERRED,
                status=Status.REFERRED,
                author=self.user,
                **registration,
                **self.announced,
            )
        for name, value in {**registration, "author": self.user}.items():
            setattr(referral, name, value)
        referral.save(update_fields=[*registration, "author"])
        announce.entry_saved(
            referral, user=self.user, notify=self.notify, created=False, registered=True
        )
        return referral


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
        # Referred and registered in one go: one e-mail, the registration's
        # (it carries the committee and case number).
        announced = {**self.announced, "notify": self.notify and not self.registration}
        refer_locked(locked, **announced)
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


def refer(proposal, *, user=None, notify=True, **registration):
    return ReferProposal(proposal, user=user, notify=notify, **registration).execute()


def register_referral(proposal, *, user=None, notify=True, **registration):
    return RegisterReferral(
        proposal, user=user, notify=notify, **registration
    ).execute()


def answer(proposal, *, user=None, notify=True, **decision):
    return AnswerProposal(proposal, user=user, notify=notify, **decision).execute()

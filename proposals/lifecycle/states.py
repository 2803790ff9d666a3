"""Which status may follow which, and the one function that changes a status.

Every public status change leaves a dated entry in the trail (DESIGN.md
invariant 4); only the rejection, and withdrawing what was never published,
stay private."""

from django.utils import timezone

from proposals.constants import EntryKind, Status
from proposals.lifecycle import announce
from proposals.lifecycle.base import TransitionNotAllowed
from proposals.lifecycle.trail import write_entry

ALLOWED_TRANSITIONS = {
    Status.SUBMITTED: {Status.IN_MODERATION},
    Status.IN_MODERATION: {Status.OPEN, Status.REJECTED, Status.WITHDRAWN},
    Status.OPEN: {Status.REFERRED, Status.CLOSED_UNSUPPORTED, Status.WITHDRAWN},
    Status.REFERRED: {Status.ANSWERED},
}
TRANSITION_KINDS = {
    Status.IN_MODERATION: EntryKind.RECEIVED,
    Status.OPEN: EntryKind.PUBLISHED,
    Status.REJECTED: EntryKind.REJECTED,
    Status.REFERRED: EntryKind.REFERRED,
    Status.CLOSED_UNSUPPORTED: EntryKind.CLOSED,
    Status.ANSWERED: EntryKind.DECISION,
    Status.WITHDRAWN: EntryKind.WITHDRAWN,
}
DATE_FIELDS = {
    Status.IN_MODERATION: "confirmed_at",
    Status.OPEN: "opened_at",
    Status.REJECTED: "rejected_at",
    Status.REFERRED: "referred_at",
    Status.CLOSED_UNSUPPORTED: "closed_at",
    Status.ANSWERED: "answered_at",
    Status.WITHDRAWN: "withdrawn_at",
}


def can_transition(proposal, target):
    return target in ALLOWED_TRANSITIONS.get(proposal.status, set())


def check_transition(proposal, target):
    if not can_transition(proposal, target):
        raise TransitionNotAllowed(f"{proposal.status} → {target}")


def move(
    proposal,
    target,
    *,
    user=None,
    notify=True,
    by_signature=False,
    now=None,
    entry=None,
    **fields,
):
    """Change status on a locked proposal, stamp its date, write the trail and
    announce it (proposal_transitioned)."""
    check_transition(proposal, target)
    now = now or timezone.now()
    old_status = proposal.status
    was_public = proposal.is_public
    proposal.status = target
    setattr(proposal, DATE_FIELDS[target], now)
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal.save()
    public = target != Status.REJECTED and (target != Status.WITHDRAWN or was_public)
    written = write_entry(
        proposal,
        TRANSITION_KINDS[target],
        now=now,
        public=public,
        status=target,
        **(entry or {}),
    )
    announce.transitioned(
        proposal,
        old_status,
        written,
        user=user,
        notify=notify,
        by_signature=by_signature,
    )
    return written

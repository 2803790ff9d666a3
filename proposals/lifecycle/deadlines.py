"""Deadlines: closing signing when its period ends, and flagging overdue answers.

Run by the cron task (proposals/tasks.py) and lazily whenever a proposal is
shown, so a missed cron run never shows a wrong state. The system acts: no user."""

from django.db import transaction
from django.utils import timezone

from proposals.constants import Status
from proposals.lifecycle import announce
from proposals.lifecycle.base import lock, sync
from proposals.lifecycle.counting import refer_locked
from proposals.lifecycle.states import move
from proposals.models import Proposal


def enforce_deadline(proposal, *, now=None, notify=True):
    """Close an open proposal (or the one with this id) whose signing period has
    ended: referred if it reached its threshold, else closed. Returns whether
    anything changed."""
    now = now or timezone.now()
    if not isinstance(proposal, int) and (
        proposal.status != Status.OPEN
        or proposal.signing_deadline is None
        or proposal.signing_deadline > now
    ):
        return False  # the common case costs no lock, transaction or query
    return _close_if_expired(proposal, now, notify)


@transaction.atomic
def _close_if_expired(proposal, now, notify):
    locked = lock(proposal)
    if (
        locked.status != Status.OPEN
        or locked.signing_deadline is None
        or locked.signing_deadline > now
    ):
        sync(proposal, locked)
        return False
    if locked.threshold is not None and locked.signature_count >= locked.threshold:
        refer_locked(locked, notify=notify, now=locked.signing_deadline)
    else:
        move(
            locked,
            Status.CLOSED_UNSUPPORTED,
            notify=notify,
            now=locked.signing_deadline,
        )
    sync(proposal, locked)
    return True


def close_expired(*, now=None, queryset=None):
    """Enforce every passed deadline; returns the ids of the proposals closed."""
    now = now or timezone.now()
    queryset = Proposal.objects.all() if queryset is None else queryset
    expired = queryset.filter(status=Status.OPEN, signing_deadline__lte=now)
    return [pk for pk in expired.values_list("pk", flat=True) if enforce_deadline(pk)]


def flag_overdue(*, now=None):
    """Tell the communicators, once per proposal, that a committee's expected
    handling time has passed without a decision (announced: proposal_overdue)."""
    now = now or timezone.now()
    flagged = []
    candidates = Proposal.objects.filter(
        status=Status.REFERRED,
        overdue_notified_at__isnull=True,
        handling_days__isnull=False,
    )
    for proposal in candidates:
        if not proposal.is_overdue(now):
            continue
        with transaction.atomic():
            locked = lock(proposal)
            if locked.overdue_notified_at is not None or not locked.is_overdue(now):
                continue
            locked.overdue_notified_at = now
            locked.save(update_fields=["overdue_notified_at"])
            announce.proposal_overdue(locked)
            flagged.append(locked.pk)
    return flagged

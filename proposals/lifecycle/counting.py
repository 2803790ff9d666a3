"""Signature counts and what they set off: the half-way and threshold entries, the
referral, and keeping the stored count true (reconciliation, purging leftovers)."""

import math

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from proposals.constants import EntryKind, Status
from proposals.lifecycle.base import lock
from proposals.lifecycle.states import move
from proposals.lifecycle.trail import add_entry
from proposals.models import Proposal, Signature
from proposals.tokens import CONFIRMATION_MAX_AGE


def milestones(locked, previous=0, now=None, *, by_signature=False, notify=True):
    """Half-way and threshold entries, each once, when the count passes them.

    Only looks at the trail when a line was crossed, so signing stays cheap."""
    threshold = locked.threshold
    count = locked.signature_count
    if not threshold:
        return
    half = math.ceil(threshold / 2)
    lines = []
    if threshold > 1 and previous < half <= count:
        lines.append(EntryKind.MILESTONE_HALF)
    if previous < threshold <= count:
        lines.append(EntryKind.MILESTONE_THRESHOLD)
    if not lines:
        return
    written = set(locked.trail.filter(kind__in=lines).values_list("kind", flat=True))
    for kind in lines:
        if kind not in written:
            add_entry(locked, kind, now=now, by_signature=by_signature, notify=notify)


def refer_locked(locked, *, user=None, notify=True, by_signature=False, now=None):
    """Threshold reached: the proposal goes to the municipality, awaiting a case
    number until a communicator registers it."""
    # One step, one e-mail: the lines passed on the way are told with the referral.
    milestones(locked, now=now, by_signature=by_signature, notify=False)
    move(
        locked,
        Status.REFERRED,
        user=user,
        notify=notify,
        by_signature=by_signature,
        now=now,
    )


def sets_off(previous, count, threshold):
    """Whether counted() has anything to do when an open proposal's count rises
    from `previous` to `count`: it is at the threshold or passes the half-way mark."""
    if not threshold:
        return False
    return count >= threshold or previous < math.ceil(threshold / 2) <= count


def counted(locked, previous):
    """What a count rising on an open proposal sets off: the referral at the
    threshold, or the half-way entry. Announced with by_signature, so caches
    treat it as they treat the count itself."""
    if locked.signature_count >= (locked.threshold or 0) > 0:
        refer_locked(locked, by_signature=True)
    else:
        milestones(locked, previous, by_signature=True)


def add_to_count(locked, delta):
    previous = locked.signature_count
    Proposal.objects.filter(pk=locked.pk).update(
        signature_count=F("signature_count") + delta
    )
    # The row is locked (read with lock() in this transaction), so nobody else has
    # changed the count since: no need to read it back.
    locked.signature_count = previous + delta
    if delta > 0 and locked.status == Status.OPEN:
        counted(locked, previous)


def purge_unconfirmed(*, now=None):
    """Delete what was never confirmed once its link has expired: nobody can
    confirm it any more, so keeping the e-mail address would serve no purpose."""
    cutoff = (now or timezone.now()) - CONFIRMATION_MAX_AGE
    signatures, _ = Signature.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    proposals, _ = Proposal.objects.filter(
        status=Status.SUBMITTED, created_at__lt=cutoff
    ).delete()
    return signatures, proposals


def counted_signatures():
    return Q(signatures__confirmed_at__isnull=False, signatures__flagged=False)


def reconcile_counts(*, fix=True):
    """Find proposals whose stored count differs from their counted rows.

    Returns [(proposal, stored, actual)]; with fix, stores the actual numbers."""
    drifted = (
        Proposal.objects.annotate(
            actual=Count("signatures", filter=counted_signatures())
        )
        .exclude(actual=F("signature_count"))
        .order_by("pk")
    )
    report = [(p, p.signature_count, p.actual) for p in drifted]
    if fix:
        for proposal, _stored, _actual in report:
            with transaction.atomic():
                locked = lock(proposal)
                actual = locked.signatures.filter(
                    confirmed_at__isnull=False, flagged=False
                ).count()
                Proposal.objects.filter(pk=locked.pk).update(signature_count=actual)
    return report

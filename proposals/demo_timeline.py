"""The demo's timeline: the lifecycle dates what it does now, but the demo's
proposals were published months ago. What followed each publication is spread
over the time since, in a believable order."""

from datetime import timedelta

from django.utils import timezone

from proposals.constants import EntryKind
from proposals.models import FeedbackEntry, Proposal, Signature

# Trail entries the lifecycle writes with the time they happen (today, in the demo).
LATER_KINDS = [
    EntryKind.MILESTONE_HALF,
    EntryKind.MILESTONE_THRESHOLD,
    EntryKind.REFERRED,
    EntryKind.STATUS_UPDATE,
    EntryKind.RESPONSE,
    EntryKind.DECISION,
    EntryKind.IMPLEMENTATION,
    EntryKind.PLAN_MILESTONE,
    EntryKind.MILESTONE_DONE,
    EntryKind.CLOSED,
    EntryKind.WITHDRAWN,
]


def spread_over_time(proposal):
    """The demo builds in one moment what took months: spread what followed the
    publication over the time since, in order, on weekdays in office hours, so
    the trail, the deadlines and the front page tell a believable story. Entries
    made in one step (the threshold and the referral) keep one date."""
    entries = list(proposal.trail.filter(kind__in=LATER_KINDS).order_by("pk"))
    if not entries or proposal.opened_at is None:
        return
    opened = proposal.opened_at
    last = min(timezone.now() - timedelta(days=2), proposal.signing_deadline)
    when = _dates(entries, opened, last, proposal.handling_days or 60)
    for entry, moment in zip(entries, when, strict=True):
        if entry.kind == EntryKind.CLOSED:
            moment = proposal.signing_deadline  # closed when signing ended
        entry.created_at = moment
        if entry.decided_on:
            entry.decided_on = timezone.localdate(entry.created_at)
    FeedbackEntry.objects.bulk_update(entries, ["created_at", "decided_on"])
    dates = {}
    for entry in entries:  # the first of each kind: referred when it went on
        dates.setdefault(entry.kind, entry.created_at)
    fields = {
        "referred_at": dates.get(EntryKind.REFERRED),
        "answered_at": dates.get(EntryKind.DECISION),
        "closed_at": dates.get(EntryKind.CLOSED),
        "withdrawn_at": dates.get(EntryKind.WITHDRAWN),
        "last_feedback_at": max(entry.created_at for entry in entries),
    }
    if EntryKind.DECISION in dates:
        fields["decided_on"] = timezone.localdate(dates[EntryKind.DECISION])
    Proposal.objects.filter(pk=proposal.pk).update(
        **{name: value for name, value in fields.items() if value is not None}
    )
    reached = dates.get(EntryKind.MILESTONE_THRESHOLD, last)
    _spread_signatures(proposal, opened, reached)


def _dates(entries, opened, last, handling_days):
    """[date in the story] per entry (in the order written): up to the referral in
    the first third of the time since publication, what follows within the
    committee's handling time. The threshold and the referral it set off share a
    moment; every other entry is a step of its own."""
    steps = []
    for entry in entries:
        joined = steps and entry.kind == EntryKind.REFERRED
        if joined and steps[-1][-1].kind == EntryKind.MILESTONE_THRESHOLD:
            steps[-1].append(entry)
        else:
            steps.append([entry])
    kinds = [[entry.kind for entry in step] for step in steps]
    cut = next(
        (number + 1 for number, step in enumerate(kinds) if EntryKind.REFERRED in step),
        len(steps),
    )
    referral_end = opened + (last - opened) * (0.35 if cut < len(steps) else 1)
    moments = _evenly(cut, opened, referral_end)
    end = min(last, referral_end + timedelta(days=handling_days * 0.85))
    moments += _evenly(len(steps) - cut, referral_end, end)
    return [
        moment for step, moment in zip(steps, moments, strict=True) for _entry in step
    ]


def _evenly(count, start, end):
    step = (end - start) / count if count else timedelta(0)
    return [office_hours(start + step * (number + 1)) for number in range(count)]


def _spread_signatures(proposal, first, last):
    signatures = list(proposal.signatures.order_by("-confirmed_at", "-pk"))
    count = len(signatures)
    for number, signature in enumerate(signatures):
        signature.confirmed_at = last - (last - first) * number / max(count, 1)
        signature.created_at = signature.confirmed_at - timedelta(minutes=5)
    Signature.objects.bulk_update(
        signatures, ["confirmed_at", "created_at"], batch_size=500
    )


def office_hours(moment):
    local = timezone.localtime(moment)
    while local.weekday() >= 5:
        local -= timedelta(days=1)
    return local.replace(hour=9 + local.day % 7, minute=(local.day * 7) % 60)

"""Answer clocks: by which date a referred proposal is to be answered, and how
many days are left or overdue.

The clock starts on the day the proposal reached the municipality and runs for
the committee's expected handling time (recorded on the proposal when the
referral is registered) or, without one, for the suggestion box's
`answer_months`. Everything is counted in whole Europe/Stockholm dates, so a
change to or from summer time never moves a date."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from proposals.constants import Status


def add_months(day, months):
    """The same day `months` later; the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def referred_on(proposal):
    return timezone.localdate(proposal.referred_at) if proposal.referred_at else None


def answer_due(proposal):
    """The date the answer is promised by, or None before referral."""
    start = referred_on(proposal)
    if start is None:
        return None
    if proposal.handling_days:
        return start + timedelta(days=proposal.handling_days)
    return add_months(start, proposal.box.answer_months)


@dataclass(frozen=True)
class Clock:
    due: date
    today: date
    answered_on: date | None = None

    @property
    def answered(self):
        return self.answered_on is not None

    @property
    def days_left(self):
        """Days until the date (0 on the day itself), while unanswered."""
        return max(0, (self.due - self.today).days)

    @property
    def days_overdue(self):
        """Days past the date: until the answer, or up to today."""
        end = self.answered_on or self.today
        return max(0, (end - self.due).days)

    @property
    def overdue(self):
        return self.days_overdue > 0

    @property
    def on_time(self):
        return self.answered and not self.overdue


def clock(proposal, *, today=None):
    """The proposal's answer clock, or None when it has none (not referred)."""
    if proposal.status not in (Status.REFERRED, Status.ANSWERED):
        return None
    due = answer_due(proposal)
    if due is None:
        return None
    answered_on = proposal.decided_on if proposal.status == Status.ANSWERED else None
    return Clock(due=due, today=today or timezone.localdate(), answered_on=answered_on)


def overdue_proposals(queryset, *, today=None):
    """The referred, unanswered proposals past their date, oldest date first; each
    gets `.answer_clock`. The queryset should select the box and committee."""
    today = today or timezone.localdate()
    overdue = []
    for proposal in queryset.filter(status=Status.REFERRED):
        proposal.answer_clock = clock(proposal, today=today)
        if proposal.answer_clock and proposal.answer_clock.overdue:
            overdue.append(proposal)
    overdue.sort(key=lambda proposal: (proposal.answer_clock.due, proposal.pk))
    return overdue


def due_soon(queryset, *, within_days, today=None):
    """Referred proposals not yet reminded whose date is within `within_days`."""
    today = today or timezone.localdate()
    candidates = queryset.filter(
        status=Status.REFERRED, answer_reminded_at__isnull=True
    )
    return [
        proposal
        for proposal in candidates
        if (due := answer_due(proposal)) is not None
        and today <= due <= today + timedelta(days=within_days)
    ]


def on_time_shares(answered, *, today=None):
    """{(committee name, year): (on time, answered)} for answered proposals, by the
    year of the decision."""
    shares = {}
    for proposal in answered:
        answer = clock(proposal, today=today)
        if answer is None or proposal.decided_on is None:
            continue
        name = proposal.committee.name if proposal.committee_id else ""
        key = (name, proposal.decided_on.year)
        on_time, total = shares.get(key, (0, 0))
        shares[key] = (on_time + answer.on_time, total + 1)
    return shares

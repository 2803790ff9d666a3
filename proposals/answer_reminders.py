"""Reminders before an answer date: communicators and the committee's
politicians hear of a referred proposal, communicators of a dialogue's promise,
once per item, `DELAKTIG_ANSWER_REMINDER_DAYS` (default 14) before the date.
Run daily by `manage.py remind_answer_dates`."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from dialogues import promises
from dialogues.models import DialoguePromise
from proposals import answer_clock, notifications
from proposals.models import Proposal, SuggestionBoxPage


def reminder_days():
    return getattr(settings, "DELAKTIG_ANSWER_REMINDER_DAYS", 14)


def _committee_politicians(committee):
    if committee is None:
        return []
    return list(
        get_user_model()
        .objects.filter(
            politician_profile__committees=committee,
            is_active=True,
            proposal_mail_opt_out__isnull=True,
        )
        .exclude(email="")
        .select_related("wagtail_userprofile")
    )


def remind_proposals(*, today, within_days):
    reminded = []
    due = answer_clock.due_soon(
        Proposal.objects.select_related("box", "committee"),
        within_days=within_days,
        today=today,
    )
    for proposal in due:
        with transaction.atomic():
            claimed = Proposal.objects.filter(
                pk=proposal.pk, answer_reminded_at__isnull=True
            ).update(answer_reminded_at=timezone.now())
            if not claimed:
                continue  # another run reminded of it first
            users = [
                *notifications.communicators(),
                *_committee_politicians(proposal.committee),
            ]
            notifications.to_staff("answer_reminder", users, proposal=proposal.pk)
        reminded.append(proposal.pk)
    return reminded


def remind_promises(*, today, within_days):
    box = SuggestionBoxPage.objects.live().first()
    reminded = []
    if box is None:
        return reminded  # the e-mails' links and unsubscribe go through the box
    for promise in promises.due_soon(within_days=within_days, on=today):
        with transaction.atomic():
            claimed = DialoguePromise.objects.filter(
                pk=promise.pk, reminded_at__isnull=True
            ).update(reminded_at=timezone.now())
            if not claimed:
                continue
            notifications.to_staff(
                "answer_reminder", notifications.communicators(), promise=promise.pk
            )
        reminded.append(promise.pk)
    return reminded


def remind(*, today=None, within_days=None):
    """Send what is due; returns (proposal ids, promise ids) reminded of."""
    today = today or timezone.localdate()
    within_days = reminder_days() if within_days is None else within_days
    return (
        remind_proposals(today=today, within_days=within_days),
        remind_promises(today=today, within_days=within_days),
    )

"""The rules of a dialogue's promise: its state, setting it, changing it with a
public reason, and a communicator's assessment where the record cannot decide.

State, in Europe/Stockholm dates:
- the record decides when it can: the feedback published (its date) or the
  decision recorded (its date) on or before the promised date → kept, after it →
  kept late;
- before the date, with nothing in the record → pending;
- after the date, with nothing in the record → what a communicator assessed
  (kept, kept late or not kept, always with a public explanation), else overdue.

Each step is one action and leaves one entry in Wagtail's history on the
dialogue page (registered in dialogues/wagtail_hooks.py)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .models import DialoguePromise, PromiseBasis, PromiseChange, PromiseState

PROMISE_SET = "delaktig.promise.set"
PROMISE_CHANGED = "delaktig.promise.changed"
PROMISE_ASSESSED = "delaktig.promise.assessed"

LOG_ACTIONS = [
    (PROMISE_SET, _("Löfte lämnat"), _("Ett löfte till invånarna lämnades")),
    (
        PROMISE_CHANGED,
        _("Löfte ändrat"),
        _("Löftet ändrades, med en offentlig anledning"),
    ),
    (PROMISE_ASSESSED, _("Löfte bedömt"), _("Kommunen bedömde om löftet hölls")),
]
MAX_TEXT = 1000
# States in which the promise is past its date without being kept on time.
LATE_STATES = {PromiseState.OVERDUE, PromiseState.NOT_KEPT}


def today():
    """Today in the site's time zone (Europe/Stockholm): promises are dates."""
    return timezone.localdate()


def kept_on(promise, dialogue=None):
    """The date the record shows the promise was kept, or None."""
    dialogue = dialogue or promise.dialogue
    if promise.basis == PromiseBasis.FEEDBACK and dialogue.feedback:
        return dialogue.feedback_date
    if promise.basis == PromiseBasis.DECISION and dialogue.decision:
        return dialogue.decision_date
    return None


def state(promise, *, on=None, dialogue=None):
    """The promise's state on the given date (today by default)."""
    on = on or today()
    done = kept_on(promise, dialogue)
    if done is not None:
        return PromiseState.KEPT if done <= promise.due_date else PromiseState.KEPT_LATE
    if on <= promise.due_date:
        return PromiseState.PENDING
    return promise.assessed_state or PromiseState.OVERDUE


def decided_by_record(promise, dialogue=None):
    return kept_on(promise, dialogue) is not None


def days_late(promise, *, on=None):
    """Whole days past the promised date (0 when not late)."""
    on = on or today()
    done = kept_on(promise) or on
    return max(0, (done - promise.due_date).days)


def is_published(dialogue):
    """After the dialogue was first published, its promise is public."""
    return dialogue.first_published_at is not None


def _clean_text(text, message):
    text = (text or "").strip()
    if not text:
        raise ValidationError(message)
    if len(text) > MAX_TEXT:
        raise ValidationError(_("Texten får vara högst 1000 tecken."))
    return text


def _check_permission(user, codename):
    if user is not None and not user.has_perm(f"dialogues.{codename}"):
        raise PermissionDenied


@transaction.atomic
def set_promise(dialogue, *, text, due_date, basis=PromiseBasis.FEEDBACK, user=None):
    """Make the dialogue's promise (one per dialogue)."""
    _check_permission(user, "add_dialoguepromise")
    text = _clean_text(text, _("Skriv vad kommunen lovar."))
    if due_date is None:
        raise ValidationError(_("Ange datumet då löftet ska vara uppfyllt."))
    if DialoguePromise.objects.filter(dialogue=dialogue).exists():
        raise ValidationError(_("Dialogen har redan ett löfte. Ändra det i stället."))
    promise = DialoguePromise.objects.create(
        dialogue=dialogue, text=text, due_date=due_date, basis=basis
    )
    log(dialogue, PROMISE_SET, user=user)
    return promise


@transaction.atomic
def change_promise(promise, *, text, due_date, reason="", basis=None, user=None):
    """Change the wording or date. Once the dialogue is published the earlier
    version and a public reason are kept (never a quiet edit)."""
    _check_permission(user, "change_dialoguepromise")
    promise = DialoguePromise.objects.select_for_update().get(pk=promise.pk)
    text = _clean_text(text, _("Skriv vad kommunen lovar."))
    if due_date is None:
        raise ValidationError(_("Ange datumet då löftet ska vara uppfyllt."))
    changed = text != promise.text or due_date != promise.due_date
    basis_changed = basis is not None and basis != promise.basis
    if not (changed or basis_changed):
        return promise
    public = is_published(promise.dialogue)
    reason = (reason or "").strip()
    if public and not reason:
        raise ValidationError(
            _("Ange varför löftet ändras. Anledningen visas för alla.")
        )
    if public:
        PromiseChange.objects.create(
            promise=promise,
            old_text=promise.text,
            old_due_date=promise.due_date,
            reason=reason[:300],
            changed_by=user,
        )
    promise.text = text
    promise.due_date = due_date
    if basis is not None:
        promise.basis = basis
    promise.save()
    log(promise.dialogue, PROMISE_CHANGED, user=user)
    return promise


@transaction.atomic
def assess_promise(promise, *, outcome, explanation, user=None, on=None):
    """Record whether a promise the record cannot decide was kept, with a
    required public explanation. Only after its date."""
    _check_permission(user, "assess_promise")
    promise = DialoguePromise.objects.select_for_update().get(pk=promise.pk)
    on = on or today()
    if outcome not in {
        PromiseState.KEPT,
        PromiseState.KEPT_LATE,
        PromiseState.NOT_KEPT,
    }:
        raise ValidationError(_("Välj om löftet hölls."))
    if decided_by_record(promise):
        raise ValidationError(
            _("Dialogens återkoppling eller beslut visar redan om löftet hölls.")
        )
    if on <= promise.due_date:
        raise ValidationError(_("Löftet kan bedömas först efter sitt datum."))
    explanation = _clean_text(
        explanation, _("Förklara bedömningen. Förklaringen visas för alla.")
    )
    promise.assessed_state = outcome
    promise.explanation = explanation
    promise.assessed_on = on
    promise.save()
    log(promise.dialogue, PROMISE_ASSESSED, user=user)
    return promise


def annotate(promise, *, on=None):
    """Set the attributes the templates read: state, its label, days late."""
    promise.state = state(promise, on=on)
    promise.state_label = PromiseState(promise.state).label
    promise.days_late = days_late(promise, on=on)
    promise.is_late = promise.state in LATE_STATES
    return promise


def overdue_promises(*, on=None):
    """Published dialogues' promises past their date and not kept: overdue (not
    yet assessed) or assessed as not kept. A fixed number of queries."""
    on = on or today()
    candidates = (
        DialoguePromise.objects.filter(
            due_date__lt=on,
            dialogue__live=True,
            dialogue__first_published_at__isnull=False,
        )
        .select_related("dialogue", "dialogue__committee")
        .order_by("due_date", "pk")
    )
    return [
        annotate(promise, on=on)
        for promise in candidates
        if state(promise, on=on) in LATE_STATES
    ]


def due_soon(*, within_days, on=None):
    """Promises not yet kept whose date is within `within_days`, not yet reminded."""
    on = on or today()
    candidates = DialoguePromise.objects.filter(
        reminded_at__isnull=True,
        due_date__gte=on,
        due_date__lte=on + timedelta(days=within_days),
        dialogue__live=True,
    ).select_related("dialogue")
    return [p for p in candidates if not decided_by_record(p)]

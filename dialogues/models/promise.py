"""What the municipality promises residents when a dialogue opens, and the
public record of every change to that promise (SKR: promise, then report back).

Lifecycle data, not page content: publishing or reverting a revision of the
dialogue never changes it (DESIGN.md invariant 3). Only dialogues/promises.py
writes these rows."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PromiseBasis(models.TextChoices):
    """What in the dialogue's record shows that the promise was kept."""

    FEEDBACK = "feedback", _("Återkopplingen publiceras")
    DECISION = "decision", _("Beslutet registreras")
    ASSESSED = "assessed", _("Kommunikatören bedömer")


class PromiseState(models.TextChoices):
    PENDING = "pending", _("Löftet gäller")
    KEPT = "kept", _("Löftet hölls")
    KEPT_LATE = "kept_late", _("Löftet hölls för sent")
    NOT_KEPT = "not_kept", _("Löftet hölls inte")
    OVERDUE = "overdue", _("Datumet har passerat")


# The outcomes a communicator may record when the record cannot tell.
ASSESSED_STATES = [
    (PromiseState.KEPT, PromiseState.KEPT.label),
    (PromiseState.KEPT_LATE, PromiseState.KEPT_LATE.label),
    (PromiseState.NOT_KEPT, PromiseState.NOT_KEPT.label),
]


class DialoguePromise(models.Model):
    """One promise per dialogue, with the date it is to be kept by."""

    wagtail_reference_index_ignore = True

    dialogue = models.OneToOneField(
        "dialogues.DialoguePage",
        verbose_name=_("dialog"),
        on_delete=models.CASCADE,
        related_name="promise",
    )
    text = models.TextField(
        _("löftet"),
        max_length=1000,
        help_text=_(
            "Till exempel: Vi återkopplar resultatet senast 15 mars och redovisar "
            "hur förslagen påverkade beslutet."
        ),
    )
    due_date = models.DateField(_("senast"))
    basis = models.CharField(
        _("hålls när"),
        max_length=20,
        choices=PromiseBasis.choices,
        default=PromiseBasis.FEEDBACK,
    )
    assessed_state = models.CharField(
        _("bedömning"),
        max_length=20,
        choices=ASSESSED_STATES,
        blank=True,
    )
    explanation = models.TextField(_("förklaring (visas för alla)"), blank=True)
    assessed_on = models.DateField(_("bedömt"), null=True, blank=True)
    created_at = models.DateTimeField(_("skapat"), default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("löfte")
        verbose_name_plural = _("löften")
        permissions = [("assess_promise", _("Kan bedöma om ett löfte hölls"))]

    def __str__(self):
        return f"{self.dialogue.title}: {self.text[:60]}"


class PromiseChange(models.Model):
    """An earlier wording or date of a promise and why it was changed. Append-only:
    shown publicly on the dialogue with its date and reason."""

    wagtail_reference_index_ignore = True

    promise = models.ForeignKey(
        DialoguePromise,
        verbose_name=_("löfte"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    changed_at = models.DateTimeField(_("ändrat"), default=timezone.now)
    old_text = models.TextField(_("tidigare lydelse"))
    old_due_date = models.DateField(_("tidigare datum"))
    reason = models.CharField(_("anledning"), max_length=300)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ändrat av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("ändring av löfte")
        verbose_name_plural = _("ändringar av löften")

    def __str__(self):
        return f"{self.promise} ({self.changed_at:%Y-%m-%d})"

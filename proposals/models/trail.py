"""The public trail (återkoppling) of a proposal and the history of corrections."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from proposals.constants import ANSWER_KINDS, DecisionOutcome, EntryKind, Status

KIND_MESSAGES = {
    EntryKind.RECEIVED: _("Kommunen tog emot förslaget."),
    EntryKind.PUBLISHED: _("Förslaget publicerades och är öppet för underskrifter."),
    EntryKind.REJECTED: _("Förslaget publicerades inte."),
    EntryKind.MILESTONE_HALF: _(
        "Förslaget har fått hälften av underskrifterna som behövs."
    ),
    EntryKind.MILESTONE_THRESHOLD: _("Förslaget nådde tröskeln för underskrifter."),
    EntryKind.REFERRED: _("Förslaget har lämnats till kommunen."),
    EntryKind.DECISION: _("Kommunen har besvarat förslaget."),
    EntryKind.CLOSED: _(
        "Tiden för underskrifter gick ut innan förslaget nådde tröskeln."
    ),
    EntryKind.WITHDRAWN: _("Förslagsställaren har återkallat förslaget."),
    EntryKind.TEXT_CHANGED: _("Kommunen har ändrat förslagets text."),
}


class FeedbackEntry(models.Model):
    """A dated entry in a proposal's trail: what the municipality did and who did it.

    Only proposals.lifecycle creates or changes entries."""

    # A record of what happened, not content: Wagtail's reference index (the
    # admin's "usage") has nothing to gain from it, and each save would cost a task.
    wagtail_reference_index_ignore = True

    proposal = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("förslag"),
        on_delete=models.CASCADE,
        related_name="trail",
    )
    created_at = models.DateTimeField(_("datum"), default=timezone.now)
    kind = models.CharField(
        _("typ"),
        max_length=30,
        choices=EntryKind.choices,
        default=EntryKind.STATUS_UPDATE,
    )
    status = models.CharField(
        _("ny status"), max_length=20, choices=Status.choices, blank=True
    )
    public = models.BooleanField(_("offentlig"), default=True)
    text = models.TextField(_("text"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skriven av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A politician's name, party and role as they were when the response was given.
    signed_by = models.CharField(_("undertecknad av"), max_length=300, blank=True)
    committee = models.ForeignKey(
        "municipality.Committee",
        verbose_name=_("nämnd"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    case_number = models.CharField(_("diarienummer"), max_length=40, blank=True)
    handling_days = models.PositiveIntegerField(
        _("förväntad handläggningstid (dagar)"), null=True, blank=True
    )
    outcome = models.CharField(
        _("beslut"), max_length=20, choices=DecisionOutcome.choices, blank=True
    )
    decided_on = models.DateField(_("beslutsdatum"), null=True, blank=True)
    minutes_url = models.URLField(_("länk till protokollet"), blank=True)
    edited_at = models.DateTimeField(_("ändrad"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # The front page's latest answers (proposals/home.py), newest first.
            models.Index(
                fields=["-created_at", "-id"],
                condition=models.Q(public=True, kind__in=ANSWER_KINDS),
                name="entry_latest_answers",
            ),
        ]
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")
        permissions = [("respond_to_proposal", _("Kan svara på förslag som politiker"))]

    def __str__(self):
        return f"{self.proposal}: {self.message[:40]}"

    @property
    def message(self):
        """The entry's own text, or the standard sentence for its kind."""
        if self.text:
            return self.text
        return KIND_MESSAGES.get(self.kind, "")

    def facts(self):
        """The referral's or decision's particulars as (label, value) pairs."""
        pairs = [
            (_("Nämnd"), self.committee.name if self.committee_id else ""),
            (_("Diarienummer"), self.case_number),
            (
                _("Förväntad handläggningstid"),
                ngettext("%(days)s dag", "%(days)s dagar", self.handling_days or 0)
                % {"days": self.handling_days}
                if self.handling_days
                else "",
            ),
            (_("Beslut"), self.get_outcome_display() if self.outcome else ""),
            (
                _("Beslutsdatum"),
                date_format(self.decided_on) if self.decided_on else "",
            ),
        ]
        return [(label, value) for label, value in pairs if value]

    def byline(self, municipality_name):
        """Who stands behind the entry: the politician, or the municipality."""
        return self.signed_by or municipality_name


class FeedbackEntryVersion(models.Model):
    """An earlier wording of a corrected trail entry, kept for the record."""

    # A record of what happened, not content: Wagtail's reference index (the
    # admin's "usage") has nothing to gain from it, and each save would cost a task.
    wagtail_reference_index_ignore = True

    entry = models.ForeignKey(
        FeedbackEntry,
        verbose_name=_("händelse"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    text = models.TextField(_("tidigare text"), blank=True)
    fields = models.JSONField(_("tidigare uppgifter"), default=dict)
    replaced_at = models.DateTimeField(_("ersatt"), default=timezone.now)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ändrad av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("anledning"), max_length=200, blank=True)

    class Meta:
        ordering = ["-replaced_at"]
        verbose_name = _("tidigare version av händelse")
        verbose_name_plural = _("tidigare versioner av händelser")

    def __str__(self):
        return f"{self.entry} ({self.replaced_at:%Y-%m-%d %H:%M})"

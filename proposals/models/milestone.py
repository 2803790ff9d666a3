"""Implementation milestones (delmål) after a decision, on a proposal or on a
dialogue: what is planned, by when, and when it was done.

Lifecycle data: only proposals/milestones.py writes these rows, each step one
action with one entry in Wagtail's history."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Milestone(models.Model):
    wagtail_reference_index_ignore = True

    proposal = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("förslag"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    dialogue = models.ForeignKey(
        "dialogues.DialoguePage",
        verbose_name=_("dialog"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    title = models.CharField(_("delmål"), max_length=200)
    note = models.TextField(
        _("kommentar (visas för alla)"), max_length=2000, blank=True
    )
    planned_on = models.DateField(_("planerat klart"))
    done_on = models.DateField(_("klart"), null=True, blank=True)
    created_at = models.DateTimeField(_("skapat"), default=timezone.now)

    class Meta:
        ordering = ["planned_on", "pk"]
        verbose_name = _("delmål")
        verbose_name_plural = _("delmål")
        constraints = [
            models.CheckConstraint(
                condition=Q(proposal__isnull=False, dialogue__isnull=True)
                | Q(proposal__isnull=True, dialogue__isnull=False),
                name="milestone_one_subject",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def subject(self):
        return self.proposal if self.proposal_id else self.dialogue

    @property
    def is_done(self):
        return self.done_on is not None

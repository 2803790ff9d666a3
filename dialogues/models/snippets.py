"""Snippets editors pick from: target groups and the method bank."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from ..choices import Degree, InfluenceLevel
from ..ladder import step_for


class TargetGroup(models.Model):
    """A group the dialogue must reach, placed on the handbook's two dimensions:
    how affected and how active they are (Kungsbacka handbook p. 8)."""

    name = models.CharField(_("namn"), max_length=150, unique=True)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=150, unique=True)
    description = models.TextField(_("beskrivning"), blank=True)
    affected = models.CharField(
        _("berörd"), max_length=10, choices=Degree.choices, default=Degree.HIGH
    )
    active = models.CharField(
        _("aktiv"), max_length=10, choices=Degree.choices, default=Degree.LOW
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("affected"), FieldPanel("active")],
            heading=_("Målgruppsanalys"),
        ),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")

    def __str__(self):
        return self.name

    @property
    def analysis(self):
        """The handbook's advice for this quadrant."""
        quadrant = (self.affected, self.active)
        return {
            (Degree.HIGH, Degree.HIGH): _(
                "Mycket berörda och mycket aktiva: deltar ofta, lätta att nå."
            ),
            (Degree.HIGH, Degree.LOW): _(
                "Mycket berörda men lite aktiva: viktigast att nå, deltar inte "
                "automatiskt."
            ),
            (Degree.LOW, Degree.HIGH): _(
                "Mycket aktiva men lite berörda: deltar ofta, en utmaning att använda "
                "dem på rätt sätt."
            ),
            (Degree.LOW, Degree.LOW): _(
                "Lite berörda och lite aktiva: inte lika viktiga att nå."
            ),
        }[quadrant]


class DialogueMethod(models.Model):
    """A method in the method bank (e.g. kafédialog), with the ladder steps it fits."""

    name = models.CharField(_("namn"), max_length=150, unique=True)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=150, unique=True)
    summary = models.TextField(
        _("kort beskrivning för invånare"),
        help_text=_("Visas på dialogsidan under ”Så deltar du”."),
    )
    lowest_level = models.CharField(
        _("lägsta steg på trappan"),
        max_length=20,
        choices=InfluenceLevel.choices,
        default=InfluenceLevel.CONSULTATION,
    )
    highest_level = models.CharField(
        _("högsta steg på trappan"),
        max_length=20,
        choices=InfluenceLevel.choices,
        default=InfluenceLevel.CONSULTATION,
    )
    purpose = models.TextField(_("syfte"), blank=True)
    working_steps = models.TextField(
        _("arbetsgång"), blank=True, help_text=_("Ett steg per rad.")
    )
    pluses = models.TextField(_("plus"), blank=True)
    minuses = models.TextField(_("minus"), blank=True)
    source = models.CharField(_("källa"), max_length=255, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldRowPanel(
            [FieldPanel("lowest_level"), FieldPanel("highest_level")],
            heading=_("Steg på delaktighetstrappan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("purpose"),
                FieldPanel("working_steps"),
                FieldPanel("pluses"),
                FieldPanel("minuses"),
                FieldPanel("source"),
            ],
            heading=_("För dig som planerar"),
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("metod")
        verbose_name_plural = _("metoder")

    def __str__(self):
        return self.name

    @property
    def steps(self):
        """The working steps as a list, for display."""
        return [
            line.strip() for line in self.working_steps.splitlines() if line.strip()
        ]

    @property
    def levels_label(self):
        low, high = step_for(self.lowest_level), step_for(self.highest_level)
        if low == high:
            return str(low.label)
        return f"{low.label}–{high.label}"

    def clean(self):
        if InfluenceLevel.rank(self.highest_level) < InfluenceLevel.rank(
            self.lowest_level
        ):
            raise ValidationError(
                {
                    "highest_level": _(
                        "Det högsta steget kan inte vara lägre än det lägsta."
                    )
                }
            )

"""The suggestion box's word lists for the admissibility assistant: topics outside
the municipality's remit (the region's, the state's) and offensive words."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

WORDS_HELP = _(
    "Ett ord eller uttryck per rad (eller med komma emellan). Ett ord träffar också "
    "sina böjningar (sjukhus → sjukhuset). * i slutet träffar allt som börjar så "
    "(jävl*), * i början även sammansättningar (*polis → närpolisen)."
)


class AdmissibilityWordList(Orderable):
    """A topic and its words; a proposal using one gets the list's finding."""

    REGION = "region"
    STATE = "state"
    OFFENSIVE = "offensive"
    KINDS = [
        (REGION, _("Regionens ansvar")),
        (STATE, _("Statens ansvar")),
        (OFFENSIVE, _("Kränkande språk")),
    ]

    page = ParentalKey(
        "proposals.SuggestionBoxPage",
        on_delete=models.CASCADE,
        related_name="admissibility_lists",
    )
    kind = models.CharField(_("slag"), max_length=10, choices=KINDS)
    name = models.CharField(
        _("ämne"), max_length=80, help_text=_("Till exempel Vård eller Polisen.")
    )
    words = models.TextField(_("ord"), help_text=WORDS_HELP)

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("words")]

    class Meta(Orderable.Meta):
        verbose_name = _("ordlista för prövning")
        verbose_name_plural = _("ordlistor för prövning")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name}"

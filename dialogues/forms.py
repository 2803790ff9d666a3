"""Forms residents fill in: the listing filters (comments: comments.forms)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from municipality.models import Area
from municipality.widgets import ContentChoiceField

from .choices import InfluenceLevel, Status
from .models import DialogueMethod, TargetGroup

INVALID_CHOICE = _("Det valet finns inte. Välj ett alternativ i listan.")


def _choice(label, choices, empty):
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", empty), *choices],
        error_messages={"invalid_choice": INVALID_CHOICE},
    )


def _model_choice(label, queryset, empty):
    return ContentChoiceField(
        label=label,
        queryset=queryset,
        required=False,
        to_field_name="slug",
        empty_label=empty,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )


class DialogueFilterForm(forms.Form):
    """GET filters for the listing; the URL can be shared."""

    status = _choice(_("Status"), Status.choices, _("Alla"))
    niva = _choice(
        _("Nivå på delaktighetstrappan"), InfluenceLevel.choices, _("Alla nivåer")
    )
    metod = _model_choice(_("Metod"), DialogueMethod.objects.all(), _("Alla metoder"))
    omrade = _model_choice(_("Område"), Area.objects.all(), _("Alla områden"))
    malgrupp = _model_choice(
        _("Målgrupp"), TargetGroup.objects.all(), _("Alla målgrupper")
    )

    def __init__(self, data=None, **kwargs):
        if data is not None and not any(data.get(name) for name in self.base_fields):
            data = None
        super().__init__(data, **kwargs)

    def filter(self, queryset):
        """Apply every filter that was given and is valid."""
        if not self.is_bound:
            return queryset
        self.is_valid()
        data = self.cleaned_data
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("niva"):
            queryset = queryset.filter(influence_level=data["niva"])
        if data.get("metod"):
            queryset = queryset.filter(methods=data["metod"])
        if data.get("omrade"):
            queryset = queryset.filter(areas=data["omrade"])
        if data.get("malgrupp"):
            queryset = queryset.filter(target_groups=data["malgrupp"])
        return queryset

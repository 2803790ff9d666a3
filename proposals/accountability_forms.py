"""The GET filter of "Ni sa – vi gjorde": area, committee, year, outcome."""

from django import forms
from django.utils.translation import gettext_lazy as _

from municipality.models import Area, Committee
from municipality.widgets import ContentChoiceField
from proposals.accountability import OUTCOME_CHOICES, decision_years


class OutcomeFilterForm(forms.Form):
    omrade = ContentChoiceField(
        label=_("Område"),
        queryset=Area.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla områden"),
    )
    namnd = ContentChoiceField(
        label=_("Nämnd"),
        queryset=Committee.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla nämnder"),
    )
    ar = forms.TypedChoiceField(
        label=_("År för beslut"), coerce=int, required=False, empty_value=None
    )
    utfall = forms.ChoiceField(label=_("Utfall"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ar"].choices = [("", _("Alla år"))] + [
            (year, year) for year in decision_years()
        ]
        self.fields["utfall"].choices = [("", _("Alla utfall")), *OUTCOME_CHOICES]

    def filters(self):
        """The chosen filters by their names in accountability.outcomes()."""
        data = self.cleaned_data
        return {
            "area": data.get("omrade"),
            "committee": data.get("namnd"),
            "year": data.get("ar"),
            "outcome": data.get("utfall"),
        }

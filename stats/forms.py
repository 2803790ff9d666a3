"""The statistics page's year filter, sent with GET so the address can be shared."""

from django import forms
from django.utils.translation import gettext_lazy as _


class YearForm(forms.Form):
    ar = forms.TypedChoiceField(
        label=_("År"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": _("Det året finns inte. Välj ett år i listan.")
        },
    )

    def __init__(self, data=None, *, years=()):
        if data is not None and not data.get("ar"):
            data = None
        super().__init__(data)
        self.fields["ar"].choices = [
            ("", _("Alla år")),
            *((str(year), str(year)) for year in years),
        ]

    @property
    def year(self):
        """The chosen year, or None for all years (also when the input was bad)."""
        if not self.is_bound or not self.is_valid():
            return None
        return self.cleaned_data["ar"]

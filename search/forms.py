"""The search box and its filters, read from the query string."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dialogues.choices import Status as DialogueStatus

from .results import PUBLIC_PROPOSAL_STATUSES, Kind

MAX_QUERY_LENGTH = 200


def _status_choices():
    return [
        ("", _("Alla")),
        (
            _("Dialoger"),
            [(f"{Kind.DIALOGUE}-{s.value}", s.label) for s in DialogueStatus],
        ),
        (
            _("Förslag"),
            [(f"{Kind.PROPOSAL}-{s.value}", s.label) for s in PUBLIC_PROPOSAL_STATUSES],
        ),
    ]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Vad letar du efter?"), required=False)
    typ = forms.ChoiceField(
        label=_("Typ"),
        required=False,
        choices=[("", _("Alla typer")), *Kind.choices],
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[])

    def __init__(self, params, **kwargs):
        # NUL characters cannot be searched for or stored; drop them, as typed
        # text with them is otherwise fine.
        data = {
            name: params.get(name, "").replace("\x00", "") for name in self.base_fields
        }
        super().__init__(data, **kwargs)
        self.fields["status"].choices = _status_choices()

    def clean_q(self):
        query = self.cleaned_data["q"]
        if len(query) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                _("Sökfrågan är för lång. Använd högst %(max)s tecken."),
                params={"max": MAX_QUERY_LENGTH},
            )
        return query

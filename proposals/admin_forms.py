"""Admin forms: corrections, rejection, referral, decision and trail entries."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from dialogues import rules
from municipality.models import Committee
from proposals import lifecycle, signals
from proposals.constants import DecisionOutcome, RejectionReason
from proposals.lifecycle.trail import record_text_edit, text_edit_needs_reason
from proposals.models import Proposal, ProposalEdit

TRACKED_FIELDS = ["title", "text", "topic", "area", "author_name"]


class ProposalAdminForm(WagtailAdminModelForm):
    """Lets communicators correct spelling or remove personal data; every change is
    recorded with the before and after text, who made it and why."""

    edit_note = forms.CharField(
        label=_("Anledning till ändringen"),
        max_length=200,
        required=False,
        help_text=_("T.ex. rättat stavning, tagit bort personuppgifter om en granne."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "dialogue" in self.fields:
            self.fields["dialogue"].queryset = rules.dialogues_with_proposals()
        if "signature_method" in self.fields and not lifecycle.method_open_to_change(
            self.instance
        ):
            field = self.fields["signature_method"]
            field.disabled = True
            field.help_text = _("Fastställt när förslaget publicerades.")
        self._original = {
            name: str(getattr(self.instance, name, "") or "")
            for name in TRACKED_FIELDS
            if self.instance.pk
        }

    def changed_tracked_fields(self):
        """The tracked fields whose value differs from when the form was opened."""
        return [
            name
            for name in TRACKED_FIELDS
            if name in self._original
            and name in self.cleaned_data
            and self._original[name] != str(self.cleaned_data[name] or "")
        ]

    def clean(self):
        cleaned = super().clean()
        changed = self.changed_tracked_fields()
        needs_reason = self.instance.pk and text_edit_needs_reason(
            self.instance, changed
        )
        if needs_reason and not (cleaned.get("edit_note") or "").strip():
            self.add_error(
                "edit_note",
                _(
                    "Skriv varför texten ändras. Anledningen visas i förslagets "
                    "historik, och de som skrivit under och vill ha besked får "
                    "veta det."
                ),
            )
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        if commit:
            # Only the corrected text fields: status, counts and dates belong to
            # proposals.lifecycle and may have changed since the form was opened.
            edited = [
                name for name in (*TRACKED_FIELDS, "dialogue") if name in self.fields
            ]
            instance.save(update_fields=edited)
            field = self.fields.get("signature_method")
            if field is not None and not field.disabled:
                lifecycle.choose_signature_method(
                    instance, self.cleaned_data["signature_method"]
                )
            user = self.for_user
            transaction.on_commit(
                lambda: signals.proposal_edited.send(
                    sender=Proposal, proposal=instance, user=user
                )
            )
        changes = {
            name: {
                "before": self._original[name],
                "after": str(getattr(instance, name) or ""),
            }
            for name in self.changed_tracked_fields()
        }
        if changes and commit:
            note = self.cleaned_data.get("edit_note", "")
            ProposalEdit.objects.create(
                proposal=instance,
                editor=self.for_user,
                changes=changes,
                note=note,
            )
            record_text_edit(
                instance, user=self.for_user, note=note, changed_fields=list(changes)
            )
        return instance


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Skäl"), choices=RejectionReason.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Meddelande till förslagsställaren"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        help_text=_("Skickas med e-post. Visas inte på webbplatsen."),
    )


class ReferralForm(forms.Form):
    committee = forms.ModelChoiceField(
        label=_("Nämnd"), queryset=Committee.objects.all(), empty_label=None
    )
    case_number = forms.CharField(label=_("Diarienummer"), max_length=40)
    handling_days = forms.IntegerField(
        label=_("Förväntad handläggningstid (dagar)"),
        min_value=1,
        max_value=730,
        required=False,
        help_text=_("Lämna tomt för nämndens vanliga handläggningstid."),
    )


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Beslut"), choices=DecisionOutcome.choices, widget=forms.RadioSelect
    )
    decided_on = forms.DateField(
        label=_("Beslutsdatum"), widget=AdminDateInput, initial=timezone.localdate
    )
    case_number = forms.CharField(
        label=_("Diarienummer"), max_length=40, required=False
    )
    decision_url = forms.URLField(label=_("Länk till protokollet"), required=False)
    text = forms.CharField(
        label=_("Sammanfattning av beslutet"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        required=False,
        help_text=_(
            "Visas i förslagets historik och skickas till dem som vill ha besked."
        ),
    )


class EntryTextForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=4000,
        help_text=_("Visas i förslagets historik och skickas till förslagsställaren."),
    )


class CorrectionForm(EntryTextForm):
    note = forms.CharField(
        label=_("Anledning till ändringen"),
        max_length=200,
        help_text=_("Den tidigare texten sparas och händelsen märks som ändrad."),
    )


class ConfirmForm(forms.Form):
    """An empty form: the POST itself is the decision."""

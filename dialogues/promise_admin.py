"""The admin's screens for dialogues' promises: every save runs a step of
dialogues/promises.py as the logged-in user (one history entry each)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from municipality.admin_errors import RuleErrorsOnForm

from . import promises
from .models import DialoguePage, DialoguePromise, PromiseChange


class PromiseCreateForm(WagtailAdminModelForm):
    class Meta:
        model = DialoguePromise
        fields = ["dialogue", "text", "due_date", "basis"]
        widgets = {"dialogue": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dialogue"].queryset = DialoguePage.objects.filter(
            promise__isnull=True
        ).order_by("title")


class PromiseEditForm(WagtailAdminModelForm):
    reason = forms.CharField(
        label=_("Anledning till ändringen (visas för alla)"),
        required=False,
        max_length=300,
        help_text=_(
            "Krävs när en publicerad dialogs löfte ändras. Den tidigare lydelsen "
            "och anledningen visas på dialogen."
        ),
    )

    class Meta:
        model = DialoguePromise
        fields = ["text", "due_date", "basis", "assessed_state", "explanation"]


class PromiseCreateView(RuleErrorsOnForm, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return promises.set_promise(
            data["dialogue"],
            text=data["text"],
            due_date=data["due_date"],
            basis=data["basis"],
            user=self.request.user,
        )


class PromiseEditView(RuleErrorsOnForm, EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        stored = DialoguePromise.objects.get(pk=self.object.pk)
        promise = promises.change_promise(
            stored,
            text=data["text"],
            due_date=data["due_date"],
            basis=data["basis"],
            reason=data["reason"],
            user=self.request.user,
        )
        if data["assessed_state"] and (
            data["assessed_state"] != stored.assessed_state
            or data["explanation"].strip() != stored.explanation
        ):
            promise = promises.assess_promise(
                promise,
                outcome=data["assessed_state"],
                explanation=data["explanation"],
                user=self.request.user,
            )
        return promise


class PromiseViewSet(SnippetViewSet):
    model = DialoguePromise
    icon = "success"
    menu_label = _("Löften")
    add_view_class = PromiseCreateView
    edit_view_class = PromiseEditView
    list_display = ["dialogue", "due_date", "basis", "assessed_state"]
    ordering = ["due_date"]
    create_handler = ObjectList(
        [
            FieldPanel("dialogue"),
            FieldPanel("text"),
            FieldPanel("due_date"),
            FieldPanel("basis"),
        ],
        base_form_class=PromiseCreateForm,
    )
    edit_handler = ObjectList(
        [
            FieldPanel("text"),
            FieldPanel("due_date"),
            FieldPanel("basis"),
            FieldPanel("reason"),
            FieldPanel(
                "assessed_state",
                heading=_("Bedömning efter datumet"),
                help_text=_(
                    "Bara när dialogens återkoppling eller beslut inte visar om "
                    "löftet hölls."
                ),
            ),
            FieldPanel("explanation"),
        ],
        base_form_class=PromiseEditForm,
    )

    def get_queryset(self, request):
        return DialoguePromise.objects.select_related("dialogue")

    def get_add_view_kwargs(self, **kwargs):
        """Creating takes the dialogue; editing asks for a reason instead."""
        handler = self.create_handler.bind_to_model(self.model)
        return super().get_add_view_kwargs(
            panel=handler, form_class=handler.get_form_class(), **kwargs
        )


class PromiseChangeViewSet(SnippetViewSet):
    """The public record of changed promises (read only)."""

    model = PromiseChange
    icon = "history"
    menu_label = _("Ändrade löften")
    list_display = ["promise", "changed_at", "reason"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "promise",
        "old_text",
        "old_due_date",
        "reason",
        "changed_at",
    ]
    panels = [FieldPanel("reason")]

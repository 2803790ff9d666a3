"""The admin's screens for implementation milestones: every save runs
proposals/milestones.py as the logged-in user (one history entry each)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from dialogues.models import DialoguePage
from municipality.admin_errors import RuleErrorsOnForm
from proposals import lifecycle, milestones
from proposals.constants import Status
from proposals.models import Milestone, Proposal

FIELDS = ["title", "note", "planned_on", "done_on"]


class MilestoneCreateForm(WagtailAdminModelForm):
    class Meta:
        model = Milestone
        fields = ["proposal", "dialogue", *FIELDS]
        widgets = {"proposal": forms.Select, "dialogue": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = Proposal.objects.filter(
            status=Status.ANSWERED
        ).order_by("title")
        self.fields["dialogue"].queryset = DialoguePage.objects.filter(
            status__in=milestones.DECIDED_DIALOGUE_STATUSES
        ).order_by("title")
        self.fields["proposal"].help_text = _("Ett besvarat förslag, eller …")
        self.fields["dialogue"].help_text = _("… en dialog som har återkopplats.")

    def clean(self):
        data = super().clean()
        if bool(data.get("proposal")) == bool(data.get("dialogue")):
            raise ValidationError(_("Välj antingen ett förslag eller en dialog."))
        return data


class MilestoneEditForm(WagtailAdminModelForm):
    class Meta:
        model = Milestone
        fields = FIELDS


class SavesThroughLifecycle(RuleErrorsOnForm):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except lifecycle.TransitionNotAllowed:
            return self.refused(
                form, _("Delmål kan bara läggas till efter ett beslut.")
            )
        except lifecycle.NotPermitted as error:
            raise PermissionDenied from error


def _fields(data):
    return {name: data.get(name) for name in FIELDS}


class MilestoneCreateView(SavesThroughLifecycle, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return milestones.record(
            proposal=data.get("proposal"),
            dialogue=data.get("dialogue"),
            user=self.request.user,
            **_fields(data),
        )


class MilestoneEditView(SavesThroughLifecycle, EditView):
    def save_instance(self):
        stored = Milestone.objects.select_related("proposal", "dialogue").get(
            pk=self.object.pk
        )
        return milestones.record(
            proposal=stored.proposal,
            dialogue=stored.dialogue,
            milestone=stored,
            user=self.request.user,
            **_fields(self.form.cleaned_data),
        )


class MilestoneViewSet(SnippetViewSet):
    model = Milestone
    icon = "date"
    menu_label = _("Delmål")
    add_view_class = MilestoneCreateView
    edit_view_class = MilestoneEditView
    list_display = ["title", "proposal", "dialogue", "planned_on", "done_on"]
    ordering = ["-planned_on"]
    create_handler = ObjectList(
        [
            FieldPanel("proposal"),
            FieldPanel("dialogue"),
            *[FieldPanel(name) for name in FIELDS],
        ],
        base_form_class=MilestoneCreateForm,
    )
    edit_handler = ObjectList(
        [FieldPanel(name) for name in FIELDS], base_form_class=MilestoneEditForm
    )

    def get_queryset(self, request):
        return Milestone.objects.select_related("proposal", "dialogue")

    def get_add_view_kwargs(self, **kwargs):
        handler = self.create_handler.bind_to_model(self.model)
        return super().get_add_view_kwargs(
            panel=handler, form_class=handler.get_form_class(), **kwargs
        )

"""Admin viewsets: the moderation queue, proposals, signatures and topics."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from proposals import admin_views, lifecycle
from proposals.admin_forms import ProposalAdminForm
from proposals.admin_side_panel import ProposalEditView
from proposals.constants import EntryKind, Status
from proposals.milestone_admin import MilestoneViewSet
from proposals.models import (
    FeedbackEntry,
    FeedbackEntryVersion,
    PoliticianProfile,
    Proposal,
    ProposalEdit,
    Signature,
    Topic,
)


def _button(view, name, label, instance, icon, priority=1):
    namespace = view.index_url_name.rsplit(":", 1)[0]
    return MenuItem(
        label,
        url=reverse(f"{namespace}:{name}", args=[instance.pk]),
        icon_name=icon,
        priority=priority,
    )


class YesNoColumn(Column):
    """A true/false field as "Ja" or "Nej" in the admin's language (Wagtail's own
    boolean column reads "True"/"False" to screen readers)."""

    def get_value(self, instance):
        return _("Ja") if super().get_value(instance) else _("Nej")


class ProposalIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        """Only the lifecycle steps the proposal's status allows."""
        buttons = super().get_list_more_buttons(instance)
        if not self.user_has_permission("change"):
            return buttons
        if instance.status == Status.IN_MODERATION:
            buttons += [
                _button(self, "approve", _("Godkänn och publicera"), instance, "check"),
                _button(self, "reject", _("Avvisa"), instance, "cross", 2),
            ]
        if instance.status == Status.REFERRED:
            if not instance.case_number:
                buttons.append(
                    _button(self, "refer", _("Registrera remiss"), instance, "folder")
                )
            buttons.append(
                _button(self, "answer", _("Registrera beslut"), instance, "comment")
            )
        if instance.status in lifecycle.UPDATABLE_STATUSES:
            buttons.append(
                _button(self, "update", _("Skriv lägesrapport"), instance, "edit", 3)
            )
        if (
            instance.status == Status.ANSWERED
            and instance.outcome in lifecycle.IMPLEMENTED_OUTCOMES
        ):
            buttons.append(
                _button(
                    self, "implement", _("Rapportera genomförande"), instance, "cog", 3
                )
            )
        return buttons


class FeedbackEntryIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.kind != EntryKind.RESPONSE and self.request.user.has_perm(
            "proposals.change_feedbackentry"
        ):
            buttons.append(_button(self, "correct", _("Rätta"), instance, "edit", 1))
        return buttons


class SignatureIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.flagged and self.user_has_permission("change"):
            namespace = self.index_url_name.rsplit(":", 1)[0]
            buttons.append(
                MenuItem(
                    _("Godkänn flaggad underskrift"),
                    url=reverse(f"{namespace}:clear", args=[instance.pk]),
                    icon_name="check",
                    priority=1,
                )
            )
        return buttons


class SignatureEditView(EditView):
    """A corrected name or visibility reaches the public pages at once."""

    def save_instance(self):
        signature = super().save_instance()
        lifecycle.signature_name_edited(signature)
        return signature


class ClosedDeleteView(DeleteView):
    """Signatures leave only through the lifecycle, which keeps the count: the
    generic delete answers 404 for everyone (SignaturePolicy hides it too)."""

    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ActionViewSetMixin:
    """Adds lifecycle action views (admin_views) next to the generic ones."""

    actions = {}

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for name, view_class in self.actions.items():
            view = view_class.as_view(
                permission_policy=self.permission_policy,
                index_url_name=self.get_url_name("list"),
            )
            patterns.append(path(f"{name}/<int:pk>/", view, name=name))
        return patterns


class ProposalViewSet(ActionViewSetMixin, SnippetViewSet):
    model = Proposal
    icon = "doc-full"
    menu_label = _("Förslag")
    index_view_class = ProposalIndexView
    edit_view_class = ProposalEditView
    list_display = [
        "title",
        "status",
        "signature_count",
        "topic",
        "created_at",
        "proposer_identified",
    ]
    list_filter = ["status", "topic", "area"]
    search_fields = ["title", "text", "author_name"]
    search_backend_name = None
    ordering = ["-created_at"]
    actions = {
        "approve": admin_views.ApproveView,
        "reject": admin_views.RejectView,
        "answer": admin_views.AnswerView,
        "refer": admin_views.ReferralView,
        "update": admin_views.StatusUpdateView,
        "implement": admin_views.ImplementationView,
    }
    edit_handler = ObjectList(
        [*Proposal.panels, FieldPanel("signature_method"), FieldPanel("edit_note")],
        base_form_class=ProposalAdminForm,
    )


class SignatureViewSet(ActionViewSetMixin, SnippetViewSet):
    model = Signature
    icon = "user"
    menu_label = _("Underskrifter")
    index_view_class = SignatureIndexView
    edit_view_class = SignatureEditView
    delete_view_class = ClosedDeleteView
    list_display = [
        "name",
        "proposal",
        "confirmed_at",
        YesNoColumn("flagged", label=_("flaggad")),
        "created_at",
    ]
    list_filter = ["flagged", "proposal"]
    search_fields = ["name", "email"]
    search_backend_name = None
    ordering = ["-created_at"]
    actions = {"clear": admin_views.ClearSignatureView}
    panels = [FieldPanel("name"), FieldPanel("show_name")]


class ProposalEditViewSet(SnippetViewSet):
    """The record of communicators' corrections, with the text before and after."""

    model = ProposalEdit
    icon = "history"
    menu_label = _("Redigeringar")
    list_display = ["proposal", "editor", "edited_at", "note"]
    list_filter = ["editor"]
    ordering = ["-edited_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["proposal", "editor", "edited_at", "note", "changes"]
    panels = [FieldPanel("note")]


class FeedbackEntryViewSet(ActionViewSetMixin, SnippetViewSet):
    """Every trail entry; communicators correct them here, keeping the original."""

    model = FeedbackEntry
    icon = "list-ul"
    menu_label = _("Händelser")
    index_view_class = FeedbackEntryIndexView
    list_display = [
        "proposal",
        "kind",
        "created_at",
        "signed_by",
        YesNoColumn("public", label=_("offentlig")),
        "edited_at",
    ]
    list_filter = ["kind", "public"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "proposal",
        "kind",
        "created_at",
        "text",
        "signed_by",
        "committee",
        "case_number",
        "outcome",
        "decided_on",
        "minutes_url",
        "edited_at",
    ]
    actions = {"correct": admin_views.CorrectEntryView}
    panels = [FieldPanel("text")]

    def get_queryset(self, request):
        return FeedbackEntry.objects.select_related("proposal")


class FeedbackEntryVersionViewSet(SnippetViewSet):
    """Earlier wordings of corrected entries, for the record."""

    model = FeedbackEntryVersion
    icon = "history"
    menu_label = _("Ändrade händelser")
    list_display = ["entry", "replaced_by", "replaced_at", "note"]
    ordering = ["-replaced_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "entry",
        "text",
        "fields",
        "replaced_by",
        "replaced_at",
        "note",
    ]
    panels = [FieldPanel("note")]

    def get_queryset(self, request):
        return FeedbackEntryVersion.objects.select_related(
            "entry__proposal", "replaced_by"
        )


class PoliticianProfileViewSet(SnippetViewSet):
    model = PoliticianProfile
    icon = "user"
    menu_label = _("Politiker")
    list_display = ["name", "party", "role", "user"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Ämnen")


class ProposalsViewSetGroup(SnippetViewSetGroup):
    items = (
        ProposalViewSet,
        SignatureViewSet,
        FeedbackEntryViewSet,
        FeedbackEntryVersionViewSet,
        ProposalEditViewSet,
        MilestoneViewSet,
        PoliticianProfileViewSet,
        TopicViewSet,
    )
    menu_icon = "mail"
    menu_label = _("Förslagslådan")
    menu_name = "proposals"

    def get_submenu_items(self):
        """The moderation queue first: proposals waiting for a decision."""
        queue = self.registerables[0].get_menu_item(order=0)
        queue.label = _("Moderationskö")
        queue.name = "moderation-queue"
        queue.icon_name = "tasks"
        queue.url = f"{queue.url}?status={Status.IN_MODERATION}"
        return [queue, *super().get_submenu_items()]

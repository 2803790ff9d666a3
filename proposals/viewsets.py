"""Admin viewsets: the moderation queue, proposals, signatures and topics."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from proposals import admin_views
from proposals.admin_forms import ProposalAdminForm
from proposals.constants import Status
from proposals.models import Proposal, ProposalEdit, Signature, Topic


class ProposalIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == Status.IN_MODERATION and self.user_has_permission(
            "change"
        ):
            namespace = self.index_url_name.rsplit(":", 1)[0]
            buttons += [
                MenuItem(
                    _("Godkänn och publicera"),
                    url=reverse(f"{namespace}:approve", args=[instance.pk]),
                    icon_name="check",
                    priority=1,
                ),
                MenuItem(
                    _("Avvisa"),
                    url=reverse(f"{namespace}:reject", args=[instance.pk]),
                    icon_name="cross",
                    priority=2,
                ),
            ]
        if instance.status == Status.REFERRED and self.user_has_permission("change"):
            namespace = self.index_url_name.rsplit(":", 1)[0]
            buttons.append(
                MenuItem(
                    _("Registrera svar"),
                    url=reverse(f"{namespace}:answer", args=[instance.pk]),
                    icon_name="comment",
                    priority=1,
                )
            )
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
    list_display = ["title", "status", "signature_count", "topic", "created_at"]
    list_filter = ["status", "topic", "area"]
    search_fields = ["title", "text", "author_name"]
    search_backend_name = None
    ordering = ["-created_at"]
    actions = {
        "approve": admin_views.ApproveView,
        "reject": admin_views.RejectView,
        "answer": admin_views.AnswerView,
    }
    edit_handler = ObjectList(
        [*Proposal.panels, FieldPanel("edit_note")], base_form_class=ProposalAdminForm
    )


class SignatureViewSet(ActionViewSetMixin, SnippetViewSet):
    model = Signature
    icon = "user"
    menu_label = _("Underskrifter")
    index_view_class = SignatureIndexView
    list_display = ["name", "proposal", "confirmed_at", "flagged", "created_at"]
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


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Ämnen")


class ProposalsViewSetGroup(SnippetViewSetGroup):
    items = (ProposalViewSet, SignatureViewSet, ProposalEditViewSet, TopicViewSet)
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

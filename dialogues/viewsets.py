"""Admin viewsets: the snippets editors pick from and the comment moderation list."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import DialogueMethod, DialoguePage, TargetGroup


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "user"
    list_display = ["name", "affected", "active"]
    list_filter = ["affected", "active"]
    search_fields = ["name"]


class DialogueMethodViewSet(SnippetViewSet):
    model = DialogueMethod
    icon = "list-ul"
    list_display = ["name", "lowest_level", "highest_level"]
    list_filter = ["lowest_level", "highest_level"]
    search_fields = ["name", "summary"]


class DialogueSnippets(SnippetViewSetGroup):
    items = (DialogueMethodViewSet, TargetGroupViewSet)
    menu_label = _("Dialoger")
    menu_icon = "comment"
    menu_name = "dialogue-snippets"


class CommentIndexView(generic.IndexView):
    """Comments on one kind of object, newest first."""

    commented_model = None

    def get_base_queryset(self):
        content_type = ContentType.objects.get_for_model(self.commented_model)
        return (
            super()
            .get_base_queryset()
            .filter(content_type=content_type)
            .order_by("-submit_date")
        )


class CommentViewSet(ModelViewSet):
    """Residents' comments: publish, hide or remove them. Subclasses choose what
    the comments are on through their index view."""

    model = XtdComment
    icon = "comment"
    add_to_admin_menu = True
    list_display = ["comment", "user_name", "submit_date", "is_public", "is_removed"]
    list_filter = ["is_public", "is_removed"]
    form_fields = ["is_public", "is_removed"]
    inspect_view_enabled = True


class DialogueCommentIndexView(CommentIndexView):
    commented_model = DialoguePage


class DialogueCommentViewSet(CommentViewSet):
    """Comments on dialogue pages."""

    name = "dialogue_comments"
    url_prefix = "dialog-kommentarer"
    menu_label = _("Kommentarer på dialoger")
    index_view_class = DialogueCommentIndexView

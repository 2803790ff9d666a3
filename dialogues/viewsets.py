"""Admin viewsets: the snippets editors pick from."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from municipality.admin_panels import CountedUsageEditView

from .models import DialogueMethod, TargetGroup
from .promise_admin import PromiseChangeViewSet, PromiseViewSet


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    edit_view_class = CountedUsageEditView
    icon = "user"
    list_display = ["name", "affected", "active"]
    list_filter = ["affected", "active"]
    search_fields = ["name"]


class DialogueMethodViewSet(SnippetViewSet):
    model = DialogueMethod
    edit_view_class = CountedUsageEditView
    icon = "list-ul"
    list_display = ["name", "lowest_level", "highest_level"]
    list_filter = ["lowest_level", "highest_level"]
    search_fields = ["name", "summary"]


class DialogueSnippets(SnippetViewSetGroup):
    items = (
        DialogueMethodViewSet,
        TargetGroupViewSet,
        PromiseViewSet,
        PromiseChangeViewSet,
    )
    menu_label = _("Dialoger")
    menu_icon = "comment"
    menu_name = "dialogue-snippets"

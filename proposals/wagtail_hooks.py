"""Register the suggestion box's admin menu and the politicians' response area."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from proposals.politicians import ResponsesViewSet
from proposals.viewsets import ProposalsViewSetGroup

register_snippet(ProposalsViewSetGroup)


@hooks.register("register_admin_viewset")
def register_responses_viewset():
    return ResponsesViewSet()

"""Register the suggestion box's admin menu, the politicians' response area and
the lifecycle's audit actions."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.sections import HOOK as HOME_SECTION
from proposals import home, milestones
from proposals.audit import ACTIONS, formatter
from proposals.politicians import ResponsesViewSet
from proposals.viewsets import ProposalsViewSetGroup

register_snippet(ProposalsViewSetGroup)


@hooks.register("register_admin_viewset")
def register_responses_viewset():
    return ResponsesViewSet()


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    """The proposal lifecycle's entries in Wagtail's history."""
    for action, label, message in ACTIONS:
        actions.register_action(action)(formatter(action, label, message))
    for action, label, message in milestones.LOG_ACTIONS:
        actions.register_action(action, label, message)


hooks.register(HOME_SECTION, home.sections)

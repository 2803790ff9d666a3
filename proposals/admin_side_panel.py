"""The proposal edit screen's status panel: the lifecycle status, where
Wagtail would say "Live" of every model without drafts."""

from django.utils.translation import gettext as _
from wagtail.snippets.side_panels import SnippetStatusSidePanel

from municipality.admin_panels import OwnStatusPanelEditView

STATUS_TEMPLATE = "proposals/admin/status_side_panel.html"
WAGTAIL_STATUS = "wagtailadmin/shared/side_panels/includes/status/workflow.html"


class ProposalStatusSidePanel(SnippetStatusSidePanel):
    def get_status_templates(self, context):
        return [
            STATUS_TEMPLATE if template == WAGTAIL_STATUS else template
            for template in super().get_status_templates(context)
        ]

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        proposal = self.object
        public = proposal.is_public
        context.update(
            proposal_status=proposal.get_status_display(),
            proposal_visibility=(
                _("Syns för invånare") if public else _("Syns inte för invånare")
            ),
            proposal_url=proposal.get_url() if public else "",
        )
        return context


class ProposalEditView(OwnStatusPanelEditView):
    status_panel_class = ProposalStatusSidePanel

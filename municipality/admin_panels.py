"""Snippet edit screens with their own status panel, where Wagtail's says what
is not so of the model (every model without drafts is "Live"; usage counts
miss many-to-many references, wagtail/wagtail#9629)."""

from wagtail.snippets.side_panels import SnippetStatusSidePanel
from wagtail.snippets.views.snippets import EditView


class OwnStatusPanelEditView(EditView):
    """An edit view whose status panel is `status_panel_class`."""

    status_panel_class = SnippetStatusSidePanel

    def get_side_panels(self):
        panels = super().get_side_panels()
        for index, panel in enumerate(panels):
            if type(panel) is SnippetStatusSidePanel:
                panels[index] = self.status_panel_class(
                    panel.object,
                    self.request,
                    usage_url=panel.usage_url,
                    history_url=panel.history_url,
                    last_updated_info=panel.last_updated_info,
                )
        return panels


class CountedUsageSidePanel(SnippetStatusSidePanel):
    """ "Used N times" counting the pages that pick the object in a
    many-to-many field too (Wagtail's reference index does not)."""

    def get_usage_context(self):
        context = super().get_usage_context()
        picked = sum(
            getattr(self.object, relation.get_accessor_name()).count()
            for relation in self.object._meta.get_fields()
            if relation.many_to_many and relation.auto_created
        )
        if picked:
            context["usage_count"] += picked
            context["usage_url"] = ""  # Wagtail's usage list leaves these out
        return context


class CountedUsageEditView(OwnStatusPanelEditView):
    status_panel_class = CountedUsageSidePanel

"""An admin panel that warns when a chosen method does not fit the chosen level."""

from django.utils.html import format_html
from wagtail.admin.panels import HelpPanel

from . import rules


class MethodFitPanel(HelpPanel):
    """Shown in the 'Delta' tab when a method is outside the dialogue's ladder step.

    A warning, not an error: the handbook lets editors combine methods, but they
    should choose knowingly."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.warning = ""
            if self.instance is not None and self.instance.influence_level:
                self.warning = rules.method_warning(
                    self.instance.influence_level, self.instance.methods.all()
                )
            self.content = (
                format_html(
                    '<div class="help-block help-warning" role="status">'
                    "<p>{}</p></div>",
                    self.warning,
                )
                if self.warning
                else ""
            )

        def is_shown(self):
            return bool(self.warning)

"""Admin forms with the dialogue rules behind them."""

from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

from . import rules


class DialogueSurveyAdminForm(WagtailAdminFormPageForm):
    """Refuses a survey under a dialogue that does not use the web survey method."""

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        dialogue = parent.specific if parent is not None else None
        from .models import DialoguePage

        if not isinstance(dialogue, DialoguePage):
            dialogue = None
        for message in rules.survey_link_errors(dialogue):
            self.add_error(None, message)
        return cleaned_data

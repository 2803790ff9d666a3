"""A web survey (webbenkät) built with Wagtail's form builder, under its dialogue."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from home.localised import LocalisedPageMixin

from .. import rules
from ..admin_forms import DialogueSurveyAdminForm

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class SurveyField(AbstractFormField):
    """One question in a web survey."""

    page = ParentalKey(
        "dialogues.DialogueSurveyPage",
        on_delete=models.CASCADE,
        related_name="form_fields",
    )


class DialogueSurveyPage(LocalisedPageMixin, AbstractForm):
    """A web survey residents answer while its dialogue is open."""

    introduction = RichTextField(_("introduktion"), blank=True, features=TEXT_FEATURES)
    thank_you_text = RichTextField(_("tack-text"), blank=True, features=TEXT_FEATURES)

    content_panels = [
        *AbstractForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", heading=_("Frågor"), label=_("Fråga")),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["dialogues.DialoguePage"]
    subpage_types = []

    base_form_class = DialogueSurveyAdminForm

    def get_submissions_list_view_class(self):
        # Imported here: Wagtail's form views import the models being loaded.
        from ..survey_export import SurveySubmissionsView

        return SurveySubmissionsView

    @property
    def dialogue(self):
        parent = self.get_parent()
        return parent.specific if parent else None

    @property
    def is_open(self):
        return rules.survey_open(self.dialogue)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dialogue"] = self.dialogue
        context["survey_open"] = self.is_open
        return context

    def serve(self, request, *args, **kwargs):
        if not self.is_open:
            context = self.get_context(request)
            return TemplateResponse(
                request,
                self.get_template(request),
                context,
                status=403 if request.method == "POST" else 200,
            )
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("form")
        if request.method == "POST" and form is not None and form.errors:
            response.status_code = 400
        return response

    class Meta:
        verbose_name = _("webbenkät")
        verbose_name_plural = _("webbenkäter")

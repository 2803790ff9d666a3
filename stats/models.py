"""The public statistics page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.localised import LocalisedPageMixin
from home.models import FilterFormPageMixin
from municipality.language.indexed import SEARCH_TERMS, SwedishSearchTerms
from stats.sections import statistics_context

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class StatisticsPage(SwedishSearchTerms, LocalisedPageMixin, FilterFormPageMixin, Page):
    """Public statistics (Statistik): how many proposals came in and what
    happened to them, how fast, and the dialogues on each step of the ladder."""

    introduction = RichTextField(_("introduktion"), blank=True, features=TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    search_fields = [
        *Page.search_fields,
        index.SearchField(SEARCH_TERMS),
        index.SearchField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    filter_form_key = "year_form"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(statistics_context(request.GET))
        return context

    class Meta:
        verbose_name = _("statistiksida")
        verbose_name_plural = _("statistiksidor")

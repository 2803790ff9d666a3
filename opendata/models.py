"""The "Öppna data" page: what the open data holds, its licence and its addresses."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.localised import LocalisedPageMixin
from municipality.language.indexed import SEARCH_TERMS, SwedishSearchTerms

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class OpenDataPage(SwedishSearchTerms, LocalisedPageMixin, Page):
    """The municipality's page about its open data: an editable introduction, then
    the licence, addresses, fields and rules written from the API itself."""

    introduction = RichTextField(
        _("introduktion"), blank=True, features=RICH_TEXT_FEATURES
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    search_fields = [
        *Page.search_fields,
        index.SearchField(SEARCH_TERMS),
        index.SearchField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from .documentation import documentation

        context = super().get_context(request, *args, **kwargs)
        context["docs"] = documentation(request)
        return context

    class Meta:
        verbose_name = _("öppna data")
        verbose_name_plural = _("öppna data")

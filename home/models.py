"""Pages and settings shared by the whole site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class FilterFormPageMixin:
    """For a page filtered by a GET form: a bound, invalid form answers 400 (the page
    comes back with the form and its message, never a 500)."""

    filter_form_key = "filter_form"

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        form = response.context_data.get(self.filter_form_key)
        if form is not None and form.is_bound and not form.is_valid():
            response.status_code = 400
        return response


class HomePage(Page):
    """The municipality's front page for resident dialogue."""

    introduction = RichTextField(
        _("introduktion"), blank=True, features=RICH_TEXT_FEATURES
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")


class ContentBlock(blocks.StreamBlock):
    """Headings and text for ordinary information pages."""

    heading = blocks.CharBlock(
        label=_("Rubrik"), form_classname="title", template="blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        template = "blocks/content.html"


class StandardPage(Page):
    """An ordinary information page, such as the accessibility statement."""

    introduction = models.TextField(_("ingress"), blank=True)
    body = StreamField(ContentBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("informationssida")
        verbose_name_plural = _("informationssidor")

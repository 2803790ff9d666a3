"""Pages and settings shared by the whole site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.localised import LocalisedPageMixin, anchor
from home.sections import home_sections
from municipality.language.indexed import SEARCH_TERMS, SwedishSearchTerms

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


class FeaturedBlock(blocks.StructBlock):
    """A page the communicators put first on the front page, with a line on why."""

    page = blocks.PageChooserBlock(label=_("Sida"))
    text = blocks.TextBlock(
        label=_("Text"),
        required=False,
        max_length=300,
        help_text=_("Kort om varför det är aktuellt. Tomt: sidans egen ingress."),
    )

    class Meta:
        icon = "pick"
        label = _("Utvald sida")


class HomePage(SwedishSearchTerms, LocalisedPageMixin, Page):
    """The municipality's front page for resident dialogue: what is open to
    influence now, the suggestion box, the latest answers. Communicators choose
    what comes first (featured); the rest are automatic lists (home/sections.py)."""

    introduction = RichTextField(
        _("introduktion"), blank=True, features=RICH_TEXT_FEATURES
    )
    featured = StreamField(
        [("page", FeaturedBlock())],
        verbose_name=_("utvalt på startsidan"),
        blank=True,
        max_num=4,
        help_text=_(
            "Upp till fyra sidor som visas först, till exempel en dialog som just "
            "öppnat. Utan utvalda sidor visas bara de automatiska listorna."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("featured"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField(SEARCH_TERMS),
        index.SearchField("introduction"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_pages"] = self.featured_pages()
        context["sections"] = home_sections(request, anchor(self))
        return context

    def featured_pages(self):
        """The featured pages anyone may see, in the order chosen, with their text."""
        chosen = [
            (block.value["page"].pk, block.value["text"])
            for block in self.featured
            if block.value["page"]
        ]
        visible = (
            Page.objects.live()
            .public()
            .filter(pk__in=[pk for pk, _text in chosen])
            .specific()
        )
        pages = {page.pk: page for page in visible.specific()}
        return [{"page": pages[pk], "text": text} for pk, text in chosen if pk in pages]

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


class StandardPage(SwedishSearchTerms, LocalisedPageMixin, Page):
    """An ordinary information page, such as the accessibility statement."""

    introduction = models.TextField(_("ingress"), blank=True)
    body = StreamField(ContentBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    search_fields = [
        index.SearchField(SEARCH_TERMS),
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("informationssida")
        verbose_name_plural = _("informationssidor")

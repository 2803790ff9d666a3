"""Pages and settings shared by the whole site."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home import shared_cache

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class SharedViewRestrictionsMixin:
    """Before serving a page Wagtail reads the view restrictions of the page and its
    ancestors (two queries). Most pages have none: with the shared cache on, that is
    remembered (a restriction saved or deleted, or a page moved, empties it)."""

    def get_view_restrictions(self):
        if not shared_cache.enabled() or self.pk is None:
            return super().get_view_restrictions()
        # Wagtail's queryset is built from the ancestors (a query of its own), so
        # it is built only when the answer is not known.
        restricted = shared_cache.remember(
            None,
            f"restricted:{self.pk}",
            lambda: (
                super(SharedViewRestrictionsMixin, self)
                .get_view_restrictions()
                .exists()
            ),
        )
        if restricted:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


def _specific_child(page, slug):
    child = page.get_children().filter(slug=slug).first()
    return child.specific if child is not None else None


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


class HomePage(SharedViewRestrictionsMixin, Page):
    """The municipality's front page for resident dialogue."""

    def route(self, request, path_components):
        """Find the section (a child page) from the shared cache: every request for
        a page below the front page starts here (home/shared_cache.py)."""
        if not path_components or not shared_cache.enabled():
            return super().route(request, path_components)
        slug = path_components[0]
        child = shared_cache.remember(
            request,
            f"child:{self.pk}:{slug}",
            lambda: _specific_child(self, slug),
            keep_none=False,  # unknown addresses are not worth keeping
        )
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

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


class StandardPage(SharedViewRestrictionsMixin, Page):
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

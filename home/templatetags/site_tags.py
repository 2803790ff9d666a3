"""Tags for the site-wide layout: home link, main menu and language switcher."""

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse, translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

register = template.Library()

# The main menu, in order: the first live page of each type, then search.
MAIN_MENU = [
    ("dialogues.DialogueIndexPage", _("Dialoger")),
    ("proposals.SuggestionBoxPage", _("Förslagslådan")),
    ("stats.StatisticsPage", _("Statistik")),
]


# Pages the layout links to outside the main menu (the footer's).
LAYOUT_PAGES = ["opendata.OpenDataPage"]


def _layout_models():
    models = {}
    for model_label in [label for label, __ in MAIN_MENU] + LAYOUT_PAGES:
        try:
            models[model_label] = apps.get_model(model_label)
        except LookupError:
            continue
    return models


def layout_page(request, model_label):
    """The first live, public page of a type the layout links to, or None.

    All of them are looked up together once per request (two queries), however
    many links the menu and footer have."""
    pages = getattr(request, "_delaktig_layout_pages", None)
    if pages is None:
        models = _layout_models()
        by_type = {}
        candidates = (
            Page.objects.live().public().type(*models.values()).order_by("path")
        )
        for page in candidates:
            by_type.setdefault(page.content_type_id, page)
        pages = {}
        for label, model in models.items():
            content_type = ContentType.objects.get_for_model(model)
            pages[label] = by_type.get(content_type.pk)
        if request is not None:
            request._delaktig_layout_pages = pages
    return pages.get(model_label)


def _site(request):
    return Site.find_for_request(request) if request else None


@register.simple_tag(takes_context=True)
def home_url(context):
    site = _site(context.get("request"))
    if site is None:
        return "/"
    return site.root_page.get_url(request=context.get("request")) or "/"


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context.get("request")
    current_path = request.path if request else ""
    items = []
    for model_label, label in MAIN_MENU:
        page = layout_page(request, model_label)
        if page is None:
            continue
        url = page.get_url(request=request)
        items.append(
            {"label": label, "url": url, "active": current_path.startswith(url or "\0")}
        )
    search_url = reverse("search")
    items.append(
        {"label": _("Sök"), "url": search_url, "active": current_path == search_url}
    )
    return items


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to the same page in every language; plain links, no JavaScript needed."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]

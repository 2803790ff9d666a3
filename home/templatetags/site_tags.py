"""Tags for the site-wide layout: home link, main menu and language switcher."""

import functools

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from home.linked_pages import linked_url
from home.localised import page_url

register = template.Library()

# The main menu, in order: the first live public page of each type (one of
# home.linked_pages.LINKED_TYPES), then search.
MAIN_MENU = [
    ("dialogues.DialogueIndexPage", _("Dialoger")),
    ("proposals.SuggestionBoxPage", _("Förslagslådan")),
    ("stats.StatisticsPage", _("Statistik")),
]


def _site(request):
    return Site.find_for_request(request) if request else None


@register.simple_tag(takes_context=True)
def home_url(context):
    site = _site(context.get("request"))
    if site is None:
        return "/"
    return page_url(site.root_page.localized, context.get("request")) or "/"


@register.simple_tag(takes_context=True)
def site_logo(context, municipality):
    """The logo's <img> for the header (in the layout's shared header fragment)."""
    if not getattr(municipality, "logo_id", None):  # no settings without a site
        return ""
    rendition = municipality.logo.get_rendition("height-64")
    html = str(rendition.img_tag({"class": "site-brand__logo", "alt": ""}))
    return mark_safe(html)  # noqa: S308 (Wagtail's own escaped <img> tag)


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context.get("request")
    current_path = request.path if request else ""
    items = []
    for model_label, label in MAIN_MENU:
        url = linked_url(request, model_label)
        if not url:
            continue
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
    path, mark, query = (request.get_full_path() if request else "/").partition("?")
    current = get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": _translated(path, current, code) + mark + query,
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@functools.lru_cache(maxsize=1024)
def _translated(path, current, code):
    """translate_url (which resolves the path in the active language and reverses
    it) once per path and language pair: the URL configuration does not change
    while the process runs, and every rendered page shows these links. The query
    string is kept as it is, as translate_url keeps it."""
    return translate_url(path, code)

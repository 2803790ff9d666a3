"""Tags for the site-wide layout: home link, main menu and language switcher."""

from django import template
from django.conf import settings
from django.urls import reverse
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


def in_language(path, code):
    """`path` of a public page in language `code`. The public routes are the same
    words in every language and only the prefix differs (Swedish has none), so the
    prefix is swapped; Django's translate_url resolves the whole path to do that,
    about a sixth of a small page's time."""
    for other, _name in settings.LANGUAGES:
        prefix = f"/{other}/"
        if other != settings.LANGUAGE_CODE and path.startswith(prefix):
            path = path[len(prefix) - 1 :]
            break
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


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
            "url": in_language(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]

"""Pages on the English site: a page translated into English (Wagtail's
localisation, copied with simple_translation) is served in its place; any other
page is served under /en/ as it is, in Swedish (its content marked lang="sv").

Wagtail links a page in its own locale's language; here a Swedish page linked
on the English site keeps the visitor on it (/en/…), and an English page routes
the paths it has no child for through its Swedish original."""

import functools

from django.http import Http404
from wagtail.models import Locale

from municipality import content_language
from municipality.content_language import differs


def _prefixed(path):
    """The path under the active language's prefix, as i18n_patterns gives it
    (the default language has none)."""
    if path is None or not differs():
        return path
    prefix = f"/{content_language.active()}"
    if path == prefix or path.startswith(f"{prefix}/"):
        return path
    return f"{prefix}{path}"


class LocalisedPageMixin:
    """Mix into every page model, before Wagtail's classes."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)
        if not parts or parts[2] is None:
            return parts
        site_id, root_url, path = parts
        return site_id, root_url, _prefixed(path)

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            source = original(self) if path_components else None
            if source is None:
                raise
            return source.specific.route(request, path_components)


@functools.cache
def _default_locale_id():
    return Locale.get_default().pk


def original(page):
    """The page a translation translates (in the default locale), or None for
    a page in the default locale or one without it."""
    if page.locale_id == _default_locale_id():
        return None
    return page.get_translation_or_none(_default_locale_id())


@functools.cache
def locale_language(locale_id):
    """The language code of a Wagtail locale (a locale's code never changes)."""
    return Locale.objects.get(pk=locale_id).language_code


def page_url(page, request=None):
    """A page's address on the site in the active language, also for a plain
    Page instance (the mixin above serves the specific classes)."""
    if page is None:
        return ""
    return _prefixed(page.get_url(request=request)) or ""


def anchor(page):
    """Where a page's lists are taken from: for a translation, the Swedish
    original's place in the tree (the dialogues and the box live there)."""
    return original(page) or page

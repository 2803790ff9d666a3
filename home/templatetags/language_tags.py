"""Marking content whose language is not the page's (WCAG 3.1.2): the CMS's
texts and residents' words are Swedish on the English site."""

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html

from home.localised import locale_language, page_url
from municipality.content_language import differs

register = template.Library()


def _language_of(content):
    """A language code as it is, or the language of a page's locale; the site's
    content language (Swedish) for anything else."""
    if isinstance(content, str) and content:
        return content
    locale_id = getattr(content, "locale_id", None)
    if locale_id is not None:
        return locale_language(locale_id)
    return settings.LANGUAGE_CODE


@register.simple_tag
def content_lang(content=None):
    """' lang="sv"' (or the language of `content`: a language code or a page)
    for an element holding content in another language than the page's."""
    language = _language_of(content)
    return format_html(' lang="{}"', language) if differs(language) else ""


@register.filter
def in_lang(value, language=None):
    """The value in a <span lang> when its language is not the page's, for
    content inside a translated sentence ("Back to {{ title|in_lang }}")."""
    language = language or settings.LANGUAGE_CODE
    if value in (None, "") or not differs(language):
        return conditional_escape(value)
    return format_html('<span lang="{}">{}</span>', language, value)


@register.filter
def localised_url(page):
    """A page's address in the active language (for a plain Page, such as the
    settings' accessibility and privacy pages)."""
    return page_url(page)

"""Marking content whose language is not the page's (WCAG 3.1.2): the CMS's
texts and residents' words are Swedish on the English site."""

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language

register = template.Library()


def _differs(language):
    return (language or "")[:2] != (get_language() or settings.LANGUAGE_CODE)[:2]


@register.simple_tag
def content_lang(language=None):
    """' lang="sv"' (or the given language) for an element holding content in
    another language than the page's; nothing otherwise."""
    language = language or settings.LANGUAGE_CODE
    return format_html(' lang="{}"', language) if _differs(language) else ""


@register.filter
def in_lang(value, language=None):
    """The value in a <span lang> when its language is not the page's, for
    content inside a translated sentence ("Back to {{ title|in_lang }}")."""
    language = language or settings.LANGUAGE_CODE
    if value in (None, "") or not _differs(language):
        return conditional_escape(value)
    return format_html('<span lang="{}">{}</span>', language, value)

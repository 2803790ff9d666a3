"""The language the municipality's content is in (its pages, names and residents'
words: Swedish) against the language a page is being shown in."""

from django.conf import settings
from django.utils.translation import get_language


def active():
    """The two-letter code of the language the page is shown in."""
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def differs(language=None):
    """True when content in `language` (the site's content language if none) is
    not in the language the page is shown in."""
    return (language or settings.LANGUAGE_CODE)[:2] != active()

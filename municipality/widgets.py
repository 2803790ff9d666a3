"""Choices that are the municipality's own words (areas, topics, committees,
methods) marked as Swedish on the English site (WCAG 3.1.2)."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language


class ContentSelect(forms.Select):
    """A select whose options, but for the empty one, carry lang="sv" when the
    page is in another language."""

    def create_option(self, name, value, label, selected, index, **kwargs):
        option = super().create_option(name, value, label, selected, index, **kwargs)
        content = settings.LANGUAGE_CODE
        if value not in ("", None) and (get_language() or content)[:2] != content[:2]:
            option["attrs"]["lang"] = content
        return option


class ContentChoiceField(forms.ModelChoiceField):
    widget = ContentSelect

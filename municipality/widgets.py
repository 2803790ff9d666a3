"""Choices that are the municipality's own words (areas, topics, committees,
methods) marked as Swedish on the English site (WCAG 3.1.2)."""

from django import forms
from django.conf import settings

from municipality.content_language import differs


class ContentSelect(forms.Select):
    """A select whose options, but for the empty one, carry lang="sv" when the
    page is in another language."""

    def create_option(self, name, value, label, selected, index, **kwargs):
        option = super().create_option(name, value, label, selected, index, **kwargs)
        if value not in ("", None) and differs():
            option["attrs"]["lang"] = settings.LANGUAGE_CODE
        return option


class ContentChoiceField(forms.ModelChoiceField):
    widget = ContentSelect

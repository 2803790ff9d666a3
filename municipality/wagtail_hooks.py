"""Register the municipality's snippets under one admin menu."""

from wagtail.snippets.models import register_snippet

from municipality.viewsets import MunicipalitySnippets

register_snippet(MunicipalitySnippets)

"""Register the population figures as a snippet in the admin menu."""

from wagtail.snippets.models import register_snippet

from stats.viewsets import AreaPopulationViewSet

register_snippet(AreaPopulationViewSet)

"""The admin for the population figures the statistics page divides by."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from stats.models import AreaPopulation


class AreaPopulationViewSet(SnippetViewSet):
    model = AreaPopulation
    icon = "group"
    menu_label = _("Invånare per område")
    menu_name = "area-population"
    add_to_admin_menu = True
    menu_order = 800
    list_display = ["area", "population", "year"]
    ordering = ["area"]

"""The admin for the municipality's areas, committees and population figures."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from municipality.admin_panels import CountedUsageEditView
from municipality.models import Area, AreaPopulation, Committee


class AreaViewSet(SnippetViewSet):
    model = Area
    edit_view_class = CountedUsageEditView
    icon = "site"
    list_display = ["name", "slug", "whole_municipality"]
    search_fields = ["name"]


class CommitteeViewSet(SnippetViewSet):
    model = Committee
    icon = "group"
    list_display = ["name", "slug", "expected_handling_days"]
    search_fields = ["name"]


class AreaPopulationViewSet(SnippetViewSet):
    model = AreaPopulation
    icon = "group"
    menu_label = _("Invånare per område")
    menu_name = "area-population"
    list_display = ["area", "population", "year"]
    ordering = ["-area__whole_municipality", "area__name"]


class MunicipalitySnippets(SnippetViewSetGroup):
    items = (AreaViewSet, CommitteeViewSet, AreaPopulationViewSet)
    menu_label = _("Kommunen")
    menu_icon = "site"
    menu_name = "municipality"
    menu_order = 800

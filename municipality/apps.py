from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalityConfig(AppConfig):
    """The municipality itself: its areas, committees, settings and population.
    The bottom layer: it imports no other app of the project."""

    name = "municipality"
    verbose_name = _("Kommunen")

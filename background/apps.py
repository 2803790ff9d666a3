from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    """Work done away from requests: the task worker, mail sent once, and the
    registry of personal-data purges. The bottom layer: imports no other app."""

    name = "background"
    verbose_name = _("Bakgrundsarbete")

    def ready(self):
        from background import running

        running.connect()

"""Build the demo municipality Mittköping in code. Running it twice changes nothing."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from home import demo as home_demo


class Command(BaseCommand):
    help = "Create (once) the Mittköping demo content and demo users."

    def handle(self, *args, **options):
        if not settings.DELAKTIG_DEMO_ALLOWED:
            raise CommandError(
                "The demo creates users with published passwords; it is off in "
                "production. Set DELAKTIG_DEMO_ALLOWED=1 to run it anyway."
            )
        with transaction.atomic():
            site = home_demo.build(self.stdout)
            for app_config in apps.get_app_configs():
                if app_config.name == "home":
                    continue
                if module_has_submodule(app_config.module, "demo"):
                    import_module(f"{app_config.name}.demo").build(site, self.stdout)
        call_command("update_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS("Demo content for Mittköping is in place.")
        )

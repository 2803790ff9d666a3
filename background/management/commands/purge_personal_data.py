"""Remove personal data past the retention period (run daily from cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from background.retention import purge_all


class Command(BaseCommand):
    help = (
        "Remove e-mail and IP addresses and other personal data kept longer than "
        "DELAKTIG_RETENTION_MONTHS, in every table and file registered in "
        "background.retention. Safe to run any number of times."
    )

    def handle(self, *args, **options):
        run = purge_all()
        self.stdout.write(f"Retention {settings.DELAKTIG_RETENTION_MONTHS} months:")
        for name, counts in run.counts.items():
            done = ", ".join(f"{count} {what}" for what, count in counts.items())
            self.stdout.write(f"  {name}: {done or 'nothing'}")

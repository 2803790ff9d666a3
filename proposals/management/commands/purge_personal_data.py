"""Anonymise contact data past the retention period (run daily from cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from proposals.retention import purge_personal_data


class Command(BaseCommand):
    help = (
        "Remove e-mail and IP addresses from proposals that ended more than "
        "DELAKTIG_RETENTION_MONTHS ago. Safe to run any number of times."
    )

    def handle(self, *args, **options):
        report = purge_personal_data()
        self.stdout.write(
            f"Retention {settings.DELAKTIG_RETENTION_MONTHS} months: anonymised "
            f"{report.proposals} proposals, {report.signatures} signatures, "
            f"{report.comments} comments."
        )

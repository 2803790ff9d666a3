"""Report, and fix, drift between stored signature counts and the signature rows."""

from django.core.management.base import BaseCommand

from proposals import lifecycle


class Command(BaseCommand):
    help = (
        "Compare each proposal's stored count with its counted signatures and fix it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        report = lifecycle.reconcile_counts(fix=not dry_run)
        for proposal, stored, actual in report:
            self.stdout.write(
                f"#{proposal.pk} {proposal.title}: stored {stored}, counted {actual}"
            )
        verb = "found" if dry_run else "fixed"
        self.stdout.write(f"Drift {verb} in {len(report)} proposal(s).")

"""Cron entry point: remind communicators and committees of answer dates."""

from django.core.management.base import BaseCommand

from proposals.answer_reminders import remind


class Command(BaseCommand):
    help = (
        "Remind communicators and the committee's politicians, once per item, "
        "before a proposal's answer date or a dialogue's promise (run daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days ahead to remind (default DELAKTIG_ANSWER_REMINDER_DAYS, 14).",
        )

    def handle(self, *args, days=None, **options):
        proposals, dialogue_promises = remind(within_days=days)
        self.stdout.write(
            f"Reminders sent: {len(proposals)} proposals, "
            f"{len(dialogue_promises)} promises"
        )

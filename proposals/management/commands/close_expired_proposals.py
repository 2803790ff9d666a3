"""Cron entry point: close or refer every proposal whose signing period has ended."""

from django.core.management.base import BaseCommand

from proposals.tasks import close_expired_proposals


class Command(BaseCommand):
    help = "Enforce passed signing deadlines (run from cron, e.g. every 10 minutes)."

    def handle(self, *args, **options):
        closed = close_expired_proposals.call()
        self.stdout.write(f"Proposals past their deadline handled: {len(closed)}")

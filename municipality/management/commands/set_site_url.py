"""Write the site's public address to the site records every absolute link is
built from (run once after deploying, and whenever the address changes)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from municipality import site_address


class Command(BaseCommand):
    help = "Point the default site at DELAKTIG_SITE_URL (or the address given)."

    def add_arguments(self, parser):
        parser.add_argument(
            "url", nargs="?", help="e.g. https://delaktig.mittkoping.se"
        )

    def handle(self, *args, url=None, **options):
        url = (url or settings.DELAKTIG_SITE_URL).rstrip("/")
        problem = site_address.problem(url)
        if problem:
            raise CommandError(problem)
        site = site_address.apply(url=url)
        if site is None:
            raise CommandError(
                "There is no default site yet: run load_demo or create one."
            )
        if url != settings.DELAKTIG_SITE_URL:
            self.stderr.write(
                f"Set DELAKTIG_SITE_URL={url} too: the admin's links in e-mails use it."
            )
        self.stdout.write(f"The site's address is {site.root_url}")

"""Check a proposal's public signature log: recompute its hash chain and count
from the download alone (a file, its address, or a proposal id here)."""

import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from proposals import signature_log
from proposals.models import Proposal, SignatureLogEntry

TIMEOUT_SECONDS = 30


def _read(source):
    """The log's text and, for a proposal of this site, its published count and head."""
    if source.isdigit():
        proposal = Proposal.objects.public().filter(pk=int(source)).first()
        if proposal is None:
            raise CommandError(f"No public proposal {source}.")
        head = signature_log.head(proposal.pk)[1]
        return signature_log.csv_text(proposal.pk), proposal.signature_count, head
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (http(s) only)
            return response.read().decode("utf-8-sig"), None, None
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"No such file: {source}")
    return path.read_text(encoding="utf-8-sig"), None, None


class Command(BaseCommand):
    help = (
        "Verify a signature log (CSV file, its URL, or a proposal id): every row's "
        "hash, the chain, and the count. Exits non-zero on any change, deletion, "
        "insertion or reordering. --count and --head compare with the count and "
        "chain head a proposal page showed (the head must be in the log, with that "
        "count there), which also catches rows cut off at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source", nargs="?", help="file, http(s) URL or proposal id"
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="check every proposal's log in this database (after a signing run)",
        )
        parser.add_argument("--count", type=int, help="the count the proposal shows")
        parser.add_argument("--head", help="the chain head the proposal page shows")

    def handle(self, source=None, count=None, head=None, **options):
        if options["all"]:
            return self.check_all()
        if not source:
            raise CommandError("Give a file, a URL or a proposal id, or --all.")
        text, published_count, published_head = _read(source)
        count = published_count if count is None else count
        head = published_head if head is None else head
        try:
            result = signature_log.verify(text)
        except signature_log.ChainError as error:
            raise CommandError(f"The log does not verify: {error}") from error
        counted = result.count
        if head:
            head = head.strip().lower()
            if head not in result.counts:
                raise CommandError(f"The chain head {head} is not in this log.")
            counted = result.counts[head]
        if count is not None and counted != count:
            raise CommandError(
                f"The log counts {counted} signatures, the proposal shows {count}."
            )
        self.stdout.write(
            f"OK: proposal {result.proposal or '-'}, {result.entries} entries, "
            f"{result.count} signatures counted ({result.by_eid} with "
            f"e-legitimation), chain head {result.head}"
        )
        if head and head != result.head:
            later = result.entries - list(result.counts).index(head) - 1
            self.stdout.write(
                f"The shown head is {later} entries before the end of the log, "
                f"with {counted} signatures counted there."
            )

    def check_all(self):
        """Every chain must verify; a count that differs is reported, since rows
        written in bulk without the log (the bench's, the tests') never entered it."""
        broken, differing, checked = [], [], 0
        logged = SignatureLogEntry.objects.values_list("proposal_id", flat=True)
        proposals = Proposal.objects.filter(pk__in=logged.distinct()).order_by("pk")
        for pk, stored in proposals.values_list("pk", "signature_count").iterator():
            checked += 1
            try:
                result = signature_log.verify(signature_log.csv_text(pk))
            except signature_log.ChainError as error:
                broken.append(f"proposal {pk}: {error}")
                continue
            if result.count != stored:
                differing.append(f"proposal {pk}: log {result.count}, count {stored}")
        for line in differing:
            self.stdout.write(f"count differs (signatures not logged?): {line}")
        self.stdout.write(
            f"{checked} logs checked, {len(broken)} broken, "
            f"{len(differing)} with another count than the proposal's"
        )
        if broken:
            raise CommandError("Broken logs:\n" + "\n".join(broken))

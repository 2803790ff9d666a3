"""Benchmark data: many dialogues, proposals in every state and confirmed signatures.

Builds on the Mittköping demo (loaded first if missing) and writes in bulk: COPY on
PostgreSQL, bulk_create in batches elsewhere. Keeps the invariants the site relies on:
each proposal's stored signature_count equals its counted signature rows, one
confirmed signature per normalised e-mail and proposal, and a trail entry for every
public state a proposal went through. Never for a production database."""

import io
import itertools
import random
import time
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from dialogues.choices import InfluenceLevel
from dialogues.choices import Status as DialogueStatus
from dialogues.models import DialogueIndexPage, DialoguePage
from municipality.models import Area, Committee
from proposals import lifecycle, signature_log
from proposals.constants import DecisionOutcome, EntryKind, Status
from proposals.models import (
    FeedbackEntry,
    Proposal,
    Signature,
    SignatureLogEntry,
    SuggestionBoxPage,
    Topic,
)

BATCH = 5_000
EMAIL_DOMAIN = "bench.example.org"
# Share of proposals in each state (public ones dominate, as on a real site).
STATE_SHARES = [
    (Status.OPEN, 0.45),
    (Status.REFERRED, 0.12),
    (Status.ANSWERED, 0.18),
    (Status.CLOSED_UNSUPPORTED, 0.15),
    (Status.WITHDRAWN, 0.03),
    (Status.SUBMITTED, 0.03),
    (Status.IN_MODERATION, 0.02),
    (Status.REJECTED, 0.02),
]
COUNTED_STATES = {
    Status.OPEN,
    Status.REFERRED,
    Status.ANSWERED,
    Status.CLOSED_UNSUPPORTED,
    Status.WITHDRAWN,
}
# Swedish words so that the `swedish` text-search configuration has real stems.
WORDS = [
    "cykelbana",
    "skola",
    "lekplats",
    "gatubelysning",
    "badplats",
    "bibliotek",
    "parkering",
    "busslinje",
    "trygghet",
    "grönområde",
    "fotbollsplan",
    "skatepark",
    "återvinning",
    "hundrastgård",
    "park",
    "övergångsställe",
    "förskola",
    "simhall",
    "kollektivtrafik",
    "äldreboende",
    "laddstolpar",
    "bänkar",
    "träd",
    "blommor",
    "snöröjning",
    "vägar",
    "ungdomsgård",
    "konstgräs",
    "utegym",
]
VERBS = ["Bygg", "Förbättra", "Rusta upp", "Inför", "Satsa på", "Bevara", "Utöka"]
PLACES = ["i centrum", "vid ån", "i Norra", "i Södra", "längs kusten", "vid skolan"]


def _title(rng, i):
    return f"{rng.choice(VERBS)} {rng.choice(WORDS)} {rng.choice(PLACES)} ({i})"


def _text(rng):
    words = rng.choices(WORDS, k=40)
    return (
        f"Jag föreslår att kommunen satsar på {words[0]} och {words[1]}. "
        + " ".join(words[2:])
        + "."
    )


# Signatures a signing bench can add to one open proposal without referring it
# (a five-minute run on one proposal confirms about 30,000).
HEADROOM = 50_000


class Command(BaseCommand):
    help = (
        "Create benchmark data in bulk: dialogues, proposals in every state and "
        "confirmed signatures. Refuses production settings unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dialogues", type=int, default=100)
        parser.add_argument("--proposals", type=int, default=1_000)
        parser.add_argument("--signatures", type=int, default=10_000)
        parser.add_argument(
            "--trail",
            type=int,
            default=200,
            help="extra status updates on the most signed proposal (a long trail)",
        )
        parser.add_argument("--seed", type=int, default=8)
        parser.add_argument(
            "--headroom",
            type=int,
            default=HEADROOM,
            help="signatures every open proposal can take before its threshold",
        )
        parser.add_argument(
            "--open-past-threshold",
            action="store_true",
            help="leave open proposals past their threshold (a signature refers them)",
        )
        parser.add_argument(
            "--no-index", action="store_true", help="skip the search index"
        )
        parser.add_argument(
            "--force", action="store_true", help="run even with production settings"
        )

    def handle(self, *args, **options):
        module = getattr(settings, "SETTINGS_MODULE", "") or ""
        if module.endswith(".production") and not options["force"]:
            raise CommandError(
                "Refusing to write benchmark data with production settings "
                "(use --force on a throw-away database)."
            )
        started = time.monotonic()
        self.rng = random.Random(options["seed"])  # noqa: S311 (test data)
        self.now = timezone.now()
        box = SuggestionBoxPage.objects.live().first()
        if box is None:
            call_command("load_demo", stdout=io.StringIO())
            box = SuggestionBoxPage.objects.live().first()
        self.box = box
        self._dialogues(options["dialogues"])
        self.headroom = None if options["open_past_threshold"] else options["headroom"]
        proposals = self._proposals(options["proposals"], options["signatures"])
        self._trails(proposals, options["trail"])
        self._signatures(proposals)
        if not options["no_index"]:
            self._index(proposals)
        if connection.vendor == "postgresql":
            # Fresh statistics and visibility map, as autovacuum would leave them.
            # VACUUM cannot run inside a transaction (as in tests): ANALYZE then.
            vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            with connection.cursor() as cursor:
                cursor.execute(vacuum)
        drift = lifecycle.reconcile_counts(fix=False)
        if drift:
            raise CommandError(f"{len(drift)} proposals have a wrong count")
        self.stdout.write(
            f"Created {options['dialogues']} dialogues, {len(proposals)} proposals "
            f"and {sum(p.signature_count for p in proposals)} signatures in "
            f"{time.monotonic() - started:.1f} s; counts verified."
        )

    # Dialogues ---------------------------------------------------------------

    def _dialogues(self, count):
        index = DialogueIndexPage.objects.live().first()
        if index is None or count <= 0:
            return
        start = DialoguePage.objects.count()
        levels = list(InfluenceLevel.values)
        # Later statuses require a written result and feedback; keep to these two.
        statuses = [DialogueStatus.PLANNED, DialogueStatus.OPEN]
        today = self.now.date()
        committee = Committee.objects.first()
        for i in range(start, start + count):
            page = DialoguePage(
                title=f"Testdialog {i}: {self.rng.choice(WORDS)}",
                slug=f"testdialog-{i}",
                question=f"Hur vill du att {self.rng.choice(WORDS)} ska utvecklas?",
                introduction=_text(self.rng)[:300],
                influence_level=levels[i % len(levels)],
                status=statuses[i % len(statuses)],
                open_to_influence="<p>Var och hur det ska byggas.</p>",
                fixed_frame="<p>Budgeten är beslutad.</p>",
                committee=committee,
                start_date=today - timedelta(days=i % 300),
                end_date=today + timedelta(days=30 - i % 60),
            )
            index.add_child(instance=page)
        self.stdout.write(f"{count} dialogues")

    # Proposals ---------------------------------------------------------------

    def _state(self):
        roll = self.rng.random()
        for status, share in STATE_SHARES:
            roll -= share
            if roll < 0:
                return status
        return Status.OPEN

    def _proposals(self, count, signatures):
        """Proposals with their counts decided up front (a long-tailed spread, one
        very popular proposal first), so the signature rows can follow."""
        topics = list(Topic.objects.all())
        if not topics:
            topics = [Topic.objects.create(name="Övrigt", slug="ovrigt")]
        areas = list(Area.objects.all()) or [
            Area.objects.create(
                name="Hela kommunen", slug="hela-kommunen", whole_municipality=True
            )
        ]
        threshold = self.box.signature_threshold
        rows = []
        for i in range(count):
            status = Status.OPEN if i == 0 else self._state()
            created = self.now - timedelta(days=self.rng.randint(1, 700), minutes=i)
            proposal = Proposal(
                box=self.box,
                title=_title(self.rng, i),
                text=_text(self.rng),
                topic=topics[i % len(topics)],
                area=areas[i % len(areas)],
                author_name=f"Invånare {i}",
                author_email=f"forslag{i}@{EMAIL_DOMAIN}",
                status=status,
                threshold=threshold,
                created_at=created,
            )
            self._dates(proposal, created)
            rows.append(proposal)
        self._spread(rows, signatures)
        if self.headroom is not None:
            self._headroom(rows, self.headroom)
        for batch_start in range(0, len(rows), BATCH):
            Proposal.objects.bulk_create(rows[batch_start : batch_start + BATCH])
        if connection.vendor != "postgresql" or rows and rows[0].pk is None:
            # Backends without RETURNING: read the keys back in creation order.
            ids = list(
                Proposal.objects.filter(author_email__endswith=EMAIL_DOMAIN)
                .order_by("-pk")
                .values_list("pk", flat=True)[:count]
            )
            for proposal, pk in zip(rows, reversed(ids), strict=True):
                proposal.pk = proposal.id = pk
        self.stdout.write(f"{count} proposals")
        return rows

    def _dates(self, p, created):
        if p.status == Status.SUBMITTED:
            return
        p.confirmed_at = created + timedelta(minutes=10)
        if p.status == Status.IN_MODERATION:
            return
        if p.status == Status.REJECTED:
            p.rejected_at = created + timedelta(days=1)
            p.rejection_reason = "other"
            return
        p.opened_at = created + timedelta(days=1)
        days = self.box.signing_days or 90
        p.signing_deadline = p.opened_at + timedelta(days=days)
        if p.status == Status.OPEN and p.signing_deadline <= self.now:
            p.signing_deadline = self.now + timedelta(days=self.rng.randint(1, days))
        p.last_feedback_at = p.opened_at
        if p.status in (Status.REFERRED, Status.ANSWERED):
            p.referred_at = p.opened_at + timedelta(days=20)
            p.case_number = f"KS 2026/{p.title[-6:-1].strip('(')}"
            p.last_feedback_at = p.referred_at
        if p.status == Status.ANSWERED:
            p.answered_at = p.referred_at + timedelta(days=40)
            p.outcome = self.rng.choice(list(DecisionOutcome.values))
            p.decided_on = p.answered_at.date()
            p.last_feedback_at = p.answered_at
        if p.status == Status.CLOSED_UNSUPPORTED:
            p.closed_at = p.signing_deadline
            p.last_feedback_at = p.closed_at
        if p.status == Status.WITHDRAWN:
            p.withdrawn_at = p.opened_at + timedelta(days=3)
            p.last_feedback_at = p.withdrawn_at

    def _spread(self, rows, total):
        """Give the first proposal a tenth of all signatures, the rest a long tail."""
        counted = [p for p in rows if p.status in COUNTED_STATES]
        for p in rows:
            p.signature_count = 0
        if not counted or total <= 0:
            return
        popular = counted[0]
        popular.signature_count = total // 10
        rest = counted[1:] or [popular]
        weights = [1 / (1 + i % 500) for i in range(len(rest))]
        self.rng.shuffle(weights)
        left = total - popular.signature_count
        scale = left / sum(weights)
        assigned = 0
        for p, weight in zip(rest, weights, strict=True):
            p.signature_count += int(weight * scale)
            assigned += int(weight * scale)
        for i in range(left - assigned):
            rest[i % len(rest)].signature_count += 1
        # Referred and answered proposals passed their threshold.
        threshold = self.box.signature_threshold or 0
        for p in counted:
            if p.status in (Status.REFERRED, Status.ANSWERED):
                p.signature_count = max(p.signature_count, 0)
                p.threshold = min(threshold, p.signature_count) or None

    def _headroom(self, proposals, headroom):
        """Open proposals stay below their threshold with `headroom` signatures to
        spare, so a signing run counts signatures and sets off nothing: where the
        box's threshold is within reach, the proposal gets one above twice its reach
        (rounded to a thousand), so neither it nor its half-way mark can be passed."""
        for p in proposals:
            reach = p.signature_count + headroom
            if p.status == Status.OPEN and p.threshold and reach >= p.threshold / 2:
                p.threshold = (2 * reach // 1000 + 1) * 1000

    # Trail -------------------------------------------------------------------

    def _trails(self, proposals, extra):
        steps = [
            ("confirmed_at", EntryKind.RECEIVED, Status.IN_MODERATION, True),
            ("rejected_at", EntryKind.REJECTED, Status.REJECTED, False),
            ("opened_at", EntryKind.PUBLISHED, Status.OPEN, True),
            ("referred_at", EntryKind.REFERRED, Status.REFERRED, True),
            ("answered_at", EntryKind.DECISION, Status.ANSWERED, True),
            ("closed_at", EntryKind.CLOSED, Status.CLOSED_UNSUPPORTED, True),
            ("withdrawn_at", EntryKind.WITHDRAWN, Status.WITHDRAWN, True),
        ]
        entries = []
        for p in proposals:
            for field, kind, status, public in steps:
                when = getattr(p, field)
                if when is not None:
                    entries.append(
                        FeedbackEntry(
                            proposal_id=p.pk,
                            kind=kind,
                            status=status,
                            created_at=when,
                            public=public,
                        )
                    )
        popular = proposals[0] if proposals else None
        for i in range(extra if popular else 0):
            entries.append(
                FeedbackEntry(
                    proposal_id=popular.pk,
                    kind=EntryKind.STATUS_UPDATE,
                    created_at=popular.opened_at + timedelta(hours=i + 1),
                    text=f"Lägesrapport {i + 1}: arbetet med {_text(self.rng)[:200]}",
                )
            )
        for start in range(0, len(entries), BATCH):
            FeedbackEntry.objects.bulk_create(entries[start : start + BATCH])
        self.stdout.write(f"{len(entries)} trail entries")

    # Signatures --------------------------------------------------------------

    def _signature_rows(self, proposals):
        """(proposal id, name, e-mail, confirmed at) for every counted signature;
        the e-mail holds a global serial number, so it is unique per proposal."""
        serial = Signature.objects.count()
        for p in proposals:
            base = p.opened_at or self.now
            for _i in range(p.signature_count):
                serial += 1
                email = f"signer{serial}@{EMAIL_DOMAIN}"
                yield p.pk, f"Namn {serial}", email, base + timedelta(seconds=serial)

    def _signatures(self, proposals):
        total = sum(p.signature_count for p in proposals)
        rows = self._signature_rows(proposals)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                self._copy_signatures(rows)
            else:
                self._bulk_signatures(rows)
            self._signature_log()
        self.stdout.write(f"{total} signatures")

    def _signature_log(self):
        """The public log of every counted signature on proposals without one
        (the generator's), as the site would have written it, so that
        `verify_signature_log --all` holds on the bench data too."""
        logged = SignatureLogEntry.objects.values("proposal_id")
        signatures = (
            Signature.objects.filter(confirmed_at__isnull=False, flagged=False)
            .exclude(proposal_id__in=logged)
            .order_by("proposal_id", "confirmed_at", "pk")
            .values_list("pk", "proposal_id", "confirmed_at")
        )
        entries = signature_log.chained(signatures.iterator(chunk_size=10_000))
        fields = [
            "proposal_id",
            "seq",
            "event",
            "time",
            "receipt",
            "prev_hash",
            "hash",
            "signature_id",
        ]
        while batch := list(itertools.islice(entries, BATCH)):
            SignatureLogEntry.objects.bulk_create(
                [
                    SignatureLogEntry(**dict(zip(fields, row, strict=True)))
                    for row in batch
                ]
            )

    def _bulk_signatures(self, rows):
        batch = []
        for proposal_id, name, email, confirmed in rows:
            batch.append(
                Signature(
                    proposal_id=proposal_id,
                    name=name,
                    email=email,
                    email_normalised=email,
                    created_at=confirmed,
                    confirmed_at=confirmed,
                )
            )
            if len(batch) >= BATCH:
                Signature.objects.bulk_create(batch)
                batch = []
        Signature.objects.bulk_create(batch)

    def _copy_signatures(self, rows):
        columns = (
            "proposal_id, name, show_name, email, email_normalised, area_id, "
            "keep_informed, language, created_at, confirmed_at, flagged, method, "
            "identity_hash"
        )
        sql = f"COPY {Signature._meta.db_table} ({columns}) FROM STDIN"
        with connection.cursor() as cursor:
            while True:
                buffer = io.StringIO()
                written = 0
                for proposal_id, name, email, confirmed in rows:
                    stamp = confirmed.isoformat()
                    buffer.write(
                        f"{proposal_id}\t{name}\tt\t{email}\t{email}\t\\N\tf\tsv\t"
                        f"{stamp}\t{stamp}\tf\temail\t\n"
                    )
                    written += 1
                    if written >= 100_000:
                        break
                if not written:
                    break
                buffer.seek(0)
                cursor.cursor.copy_expert(sql, buffer)

    # Search ------------------------------------------------------------------

    def _index(self, proposals):
        backend = get_search_backend()
        public = set(Proposal.objects.public().values_list("pk", flat=True))
        indexed = [p for p in proposals if p.pk in public]
        for start in range(0, len(indexed), 1_000):
            backend.add_bulk(Proposal, indexed[start : start + 1_000])
        self.stdout.write(f"{len(indexed)} proposals indexed for search")

"""The verifiable signature log: one hash chain of counted-signature events per
proposal, published as CSV and checked by anyone from the download alone.

Each entry's hash is SHA-256 over "proposal|seq|event|time|receipt|method|prev_hash",
where method says how an added signature was confirmed ("email" or "eid"); an
entry without a method (written before the log recorded it, or a withdrawal or
anonymisation) hashes "proposal|seq|event|time|receipt|prev_hash" as before, so
every older chain still verifies. The first entry's prev_hash is GENESIS. The
receipt is the SHA-256 of a code that only the signer is given (receipt_code), so
a signer finds their own entry and nobody else learns who signed. The count is the
number of receipts added and not withdrawn; "anonymise" marks a signer's contact
data removed and leaves it as is.

Entries are appended only while the proposal's row is locked by the transaction
that changes its count, so concurrent signers queue and the chain never forks
(the unique (proposal, seq) constraint is the backstop)."""

import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import UTC

from django.db import connection
from django.utils import timezone
from django.utils.crypto import salted_hmac

from proposals.models import Signature
from proposals.models.signature_log import SignatureLogEntry

GENESIS = "0" * 64
COLUMNS = [
    "proposal",
    "seq",
    "event",
    "time",
    "receipt",
    "method",
    "prev_hash",
    "hash",
]
LEGACY_COLUMNS = [name for name in COLUMNS if name != "method"]
# How an added signature was confirmed; "" on older entries and other events.
METHODS = {"", "email", "eid"}
EVENTS = {
    SignatureLogEntry.ADD,
    SignatureLogEntry.WITHDRAW,
    SignatureLogEntry.ANONYMISE,
}
RECEIPT_SALT = "delaktig.signature-receipt"
_UNREAD = object()  # append() reads the chain's last entry itself

# The chain's last entry as "seq hash" (the (proposal, seq) index read backwards).
# It must be read by a statement that starts after the proposal's row lock was
# taken: on PostgreSQL such a statement sees what the transaction that held the
# lock before committed. The common-case confirmation reads it in the RETURNING
# of its second statement (fast_confirm.py), so signing adds only the INSERT.
LAST_ENTRY_SQL = (
    "SELECT CAST(seq AS VARCHAR(12)) || ' ' || hash FROM {log} "
    "WHERE proposal_id = %s ORDER BY seq DESC LIMIT 1"
)
INSERT_SQL = (
    "INSERT INTO {log} (proposal_id, seq, event, time, receipt, method, prev_hash, "
    "hash, signature_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


class ChainError(Exception):
    """The log does not verify: what is wrong, and on which row."""


def receipt_code(signature_id):
    """The signer's secret code: keyed on SECRET_KEY, so it can be shown again on
    the confirmation page and in the e-mail without being stored anywhere."""
    return salted_hmac(RECEIPT_SALT, str(signature_id), algorithm="sha256").hexdigest()[
        :32
    ]


def receipt_of(code):
    """What the public log shows for a code: its SHA-256."""
    return hashlib.sha256(code.strip().lower().encode()).hexdigest()


def entry_hash(proposal_id, seq, event, time, receipt, prev_hash, method=""):
    fields = [proposal_id, seq, event, time, receipt, *([method] if method else [])]
    text = "|".join(str(value) for value in [*fields, prev_hash])
    return hashlib.sha256(text.encode()).hexdigest()


def minute(now=None):
    return (now or timezone.now()).astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def _table():
    return connection.ops.quote_name(SignatureLogEntry._meta.db_table)


def last_entry_sql():
    """The subquery for a RETURNING clause; its one parameter is the proposal's id."""
    return f"({LAST_ENTRY_SQL.format(log=_table())})"


def append(
    proposal_id, event, receipt, signature_id=None, now=None, *, last=_UNREAD, method=""
):
    """Add one entry at the end of the proposal's chain. The caller holds the
    proposal's row lock in the current transaction; `last` is the chain's last
    entry ("seq hash", or None for an empty chain) if the caller read it already."""
    with connection.cursor() as cursor:
        if last is _UNREAD:
            cursor.execute(LAST_ENTRY_SQL.format(log=_table()), [proposal_id])
            found = cursor.fetchone()
            last = found[0] if found else None
        seq, prev = (1, GENESIS)
        if last:
            number, prev = last.split(" ")
            seq = int(number) + 1
        time = minute(now)
        digest = entry_hash(proposal_id, seq, event, time, receipt, prev, method)
        cursor.execute(
            INSERT_SQL.format(log=_table()),
            [
                proposal_id,
                seq,
                event,
                time,
                receipt,
                method,
                prev,
                digest,
                signature_id,
            ],
        )
    return seq, digest


def counted(proposal_id, signature_id, now=None, *, last=_UNREAD, method="email"):
    """A signature now counts: its receipt joins the log, with how it was confirmed."""
    receipt = receipt_of(receipt_code(signature_id))
    return append(
        proposal_id,
        SignatureLogEntry.ADD,
        receipt,
        signature_id,
        now,
        last=last,
        method=method,
    )


def withdrawn(proposal_id, signature_id, now=None):
    """A counted signature was taken back: its receipt leaves the count. One the
    log never counted (written in bulk without it) leaves the log as it is."""
    receipt = (
        SignatureLogEntry.objects.filter(
            proposal_id=proposal_id,
            signature_id=signature_id,
            event=SignatureLogEntry.ADD,
        )
        .values_list("receipt", flat=True)
        .last()
    )
    if receipt is None:
        return None
    return append(proposal_id, SignatureLogEntry.WITHDRAW, receipt, signature_id, now)


def anonymised(proposal_id, signature_ids, now=None):
    """Counted signatures' contact data was removed (retention): marked in the
    log, the count unchanged. The caller holds the proposal's row lock."""
    logged = dict(
        SignatureLogEntry.objects.filter(
            proposal_id=proposal_id,
            signature_id__in=signature_ids,
            event=SignatureLogEntry.ADD,
        ).values_list("signature_id", "receipt")
    )
    for signature_id in sorted(logged):
        append(
            proposal_id,
            SignatureLogEntry.ANONYMISE,
            logged[signature_id],
            signature_id,
            now,
        )
    return len(logged)


def backfill(proposal_id):
    """Log the counted signatures that have no entry yet (rows written before the
    log existed, or in bulk by the demo), in the order they were confirmed. The
    caller holds the proposal's row lock."""
    logged = SignatureLogEntry.objects.filter(proposal_id=proposal_id).values(
        "signature_id"
    )
    missing = (
        Signature.objects.filter(
            proposal_id=proposal_id, confirmed_at__isnull=False, flagged=False
        )
        .exclude(pk__in=logged)
        .order_by("confirmed_at", "pk")
        .values_list("pk", "confirmed_at", "method")
    )
    added = 0
    for signature_id, confirmed_at, method in missing:
        counted(proposal_id, signature_id, now=confirmed_at, method=method)
        added += 1
    return added


def chained(signatures):
    """Entries for logs that start empty, written in bulk (generated data): rows
    (proposal_id, seq, event, time, receipt, prev_hash, hash, signature_id) for
    (signature_id, proposal_id, confirmed_at) sorted by proposal, then time."""
    proposal, seq, prev = None, 0, GENESIS
    for signature_id, proposal_id, confirmed_at in signatures:
        if proposal_id != proposal:
            proposal, seq, prev = proposal_id, 0, GENESIS
        seq += 1
        time = minute(confirmed_at)
        receipt = receipt_of(receipt_code(signature_id))
        digest = entry_hash(
            proposal_id, seq, SignatureLogEntry.ADD, time, receipt, prev
        )
        yield (
            proposal_id,
            seq,
            SignatureLogEntry.ADD,
            time,
            receipt,
            prev,
            digest,
            signature_id,
        )
        prev = digest


def head(proposal_id):
    """The chain's last entry (seq, hash), or (0, GENESIS) for an empty log."""
    last = (
        SignatureLogEntry.objects.filter(proposal_id=proposal_id)
        .order_by("-seq")
        .values_list("seq", "hash")
        .first()
    )
    return last or (0, GENESIS)


def entries(proposal_id):
    return SignatureLogEntry.objects.filter(proposal_id=proposal_id).order_by("seq")


def csv_text(proposal_id):
    """The public download: only the published columns, in chain order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in entries(proposal_id).values_list(*COLUMNS[1:]).iterator():
        writer.writerow([proposal_id, *row])
    return buffer.getvalue()


@dataclass
class Verified:
    proposal: str
    entries: int
    count: int
    head: str
    # Of the counted signatures, how many were confirmed with e-legitimation.
    by_eid: int = 0
    # The count after each entry, by its hash: a head shown on a (cached) page a
    # little older than the download is found in it with the count it had then.
    counts: dict = field(default_factory=dict, repr=False)


def verify(text):
    """Recompute the chain and the count from a download; raise ChainError at the
    first row that does not follow (changed, deleted, inserted or reordered)."""
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    prev, live, proposal, counts, eid = GENESIS, set(), None, {}, set()
    # A download from before the method column has none: every row hashes as before.
    columns = COLUMNS if not rows or "method" in rows[0] else LEGACY_COLUMNS
    for number, row in enumerate(rows, start=1):
        line = number + 1  # the header is line 1
        if None in row or any(row.get(name) is None for name in columns):
            raise ChainError(f"row {line}: wrong number of columns")
        row.setdefault("method", "")
        if row["method"] not in METHODS:
            raise ChainError(f"row {line}: unknown method {row['method']!r}")
        proposal = proposal or row["proposal"]
        if row["proposal"] != proposal:
            raise ChainError(f"row {line}: another proposal ({row['proposal']})")
        if row["seq"] != str(number):
            raise ChainError(f"row {line}: seq {row['seq']}, expected {number}")
        if row["prev_hash"] != prev:
            raise ChainError(f"row {line}: prev_hash is not the hash of the row before")
        expected = entry_hash(
            *(row[name] for name in LEGACY_COLUMNS[:-1]), method=row["method"]
        )
        if row["hash"] != expected:
            raise ChainError(
                f"row {line}: the row was changed (its hash does not match)"
            )
        _count(row, live, line)
        if row["event"] == SignatureLogEntry.ADD and row["method"] == "eid":
            eid.add(row["receipt"])
        prev = row["hash"]
        counts[prev] = len(live)
    return Verified(
        proposal or "",
        len(rows),
        len(live),
        prev,
        by_eid=len(live & eid),
        counts=counts,
    )


def _count(row, live, line):
    event, receipt = row["event"], row["receipt"]
    if event not in EVENTS:
        raise ChainError(f"row {line}: unknown event {event!r}")
    if event == SignatureLogEntry.ADD:
        if receipt in live:
            raise ChainError(f"row {line}: the receipt is counted already")
        live.add(receipt)
    elif receipt not in live:
        raise ChainError(f"row {line}: the receipt is not counted")
    elif event == SignatureLogEntry.WITHDRAW:
        live.discard(receipt)

"""The signing hot path in plain SQL: reading the proposal a sign form was posted
to, and confirming a signature in the common case in two statements.

At the signing peak, building these statements through the ORM cost more than
running them; bench/README.md has the measurement and how to repeat it. Anything
out of the ordinary falls back to the full confirmation in signing.py."""

from django.db import IntegrityError, connection, transaction

from proposals import signature_log
from proposals.constants import Status
from proposals.lifecycle.base import lock
from proposals.lifecycle.counting import counted, sets_off
from proposals.models import Proposal, Signature

BIGGEST_ID = 2**63 - 1  # of a BigAutoField
# What signing reads of a proposal: sign(), enforce_deadline, signing_open,
# is_public and the confirmation e-mail.
SIGNING_FIELDS = (
    "id",
    "box_id",
    "title",
    "status",
    "opened_at",
    "signing_deadline",
    "signing_continues_after_referral",
    "threshold",
    "signature_count",
    "signature_method",
)


def proposal_to_sign(box, proposal_id):
    """The proposal in `box` a sign form was posted to, with what signing reads
    (the rest is read if asked for), or None if there is none anyone may see."""
    if not 0 < proposal_id <= BIGGEST_ID:
        return None  # the ORM's lookups know no such row; a plain statement fails
    columns = ", ".join(
        connection.ops.quote_name(Proposal._meta.get_field(name).column)
        for name in SIGNING_FIELDS
    )
    table = connection.ops.quote_name(Proposal._meta.db_table)
    found = list(
        Proposal.objects.raw(
            f"SELECT {columns} FROM {table} WHERE id = %s AND box_id = %s",  # noqa: S608 (our own names)
            [proposal_id, box.pk],
        )
    )
    if not found or not found[0].is_public:
        return None
    found[0].box = box
    return found[0]


class NotTheCommonCase(Exception):
    """Roll back the fast confirmation and take the full one."""


# The common case: an unconfirmed, unflagged signature on a proposal that takes
# signatures. The first statement counts it, locking the proposal row (as lock()
# does, so locks are always taken proposal first), the second confirms it; the
# unique constraint still stops a second confirmed signature of one person.
COUNT_SQL = """
UPDATE {proposal} SET signature_count = signature_count + 1
WHERE id = (
        SELECT proposal_id FROM {signature}
        WHERE id = %s AND confirmed_at IS NULL AND NOT flagged
    )
    AND signing_deadline > %s
    AND (status = %s OR (status = %s AND signing_continues_after_referral))
    {in_box}
RETURNING id, signature_count, threshold, status
"""
# It returns the signature log's last entry: read after the row lock was taken by
# the statement before, so the log gets only its INSERT (signature_log.py).
CONFIRM_SQL = """
UPDATE {signature} SET confirmed_at = %s
WHERE id = %s AND confirmed_at IS NULL AND NOT flagged
RETURNING {last_entry}
"""


def confirm_counted(signature_id, box_id, now):
    """Confirm and count in the common case: the proposal's id, or None when
    nothing was changed and the full confirmation must decide. Only a count that
    passes a line (sets_off) announces anything."""
    tables = {
        "proposal": connection.ops.quote_name(Proposal._meta.db_table),
        "signature": connection.ops.quote_name(Signature._meta.db_table),
    }
    when = connection.ops.adapt_datetimefield_value(now)
    count_params = [signature_id, when, Status.OPEN.value, Status.REFERRED.value]
    in_box = ""
    if box_id is not None:
        in_box = "AND box_id = %s"
        count_params.append(box_id)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(COUNT_SQL.format(in_box=in_box, **tables), count_params)
            row = cursor.fetchone()
            if row is None:
                return None
            proposal_id, count, threshold, status = row
            cursor.execute(
                CONFIRM_SQL.format(last_entry=signature_log.last_entry_sql(), **tables),
                [when, signature_id, proposal_id],
            )
            confirmed = cursor.fetchone()
            if confirmed is None:
                raise NotTheCommonCase
            signature_log.counted(proposal_id, signature_id, now, last=confirmed[0])
            if status == Status.OPEN and sets_off(count - 1, count, threshold):
                counted(lock(proposal_id, with_box=False), count - 1)
            return proposal_id
    except (NotTheCommonCase, IntegrityError):
        return None

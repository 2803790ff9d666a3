"""The proposal lifecycle and signature counting: the only code that changes them.

submitted ─(proposer confirms e-mail)─▶ in_moderation ─▶ open | rejected
open ─(threshold reached)─▶ referred ─▶ answered
open ─(deadline passed below threshold)─▶ closed_unsupported
in_moderation | open ─(proposer withdraws)─▶ withdrawn

The handbook's "Förslagslåda" (Kungsbacka, p. 17) is the model: proposals are put
on the web and others support them by signing, and feedback "bör vara integrerad i
det system man använder" – so every public step leaves a dated trail entry and the
proposer (and signers who asked) are told ("Återkoppla kontinuerligt", p. 19).

Views, admin views, commands and tasks call these functions; each runs in one
transaction and locks the proposal row, so concurrent requests queue up instead of
overwriting each other."""

import math
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from home import page_cache
from proposals import audit, notifications
from proposals.constants import (
    RESPONSE_EDIT_WINDOW_HOURS,
    DecisionOutcome,
    EntryKind,
    RejectionReason,
    Status,
)
from proposals.models import (
    FeedbackEntry,
    FeedbackEntryVersion,
    PoliticianProfile,
    Proposal,
    Signature,
)

ALLOWED_TRANSITIONS = {
    Status.SUBMITTED: {Status.IN_MODERATION},
    Status.IN_MODERATION: {Status.OPEN, Status.REJECTED, Status.WITHDRAWN},
    Status.OPEN: {Status.REFERRED, Status.CLOSED_UNSUPPORTED, Status.WITHDRAWN},
    Status.REFERRED: {Status.ANSWERED},
}
# Every status change leaves a dated entry of this kind in the trail; only the
# rejection (and withdrawing what was never published) stays private.
TRANSITION_KINDS = {
    Status.IN_MODERATION: EntryKind.RECEIVED,
    Status.OPEN: EntryKind.PUBLISHED,
    Status.REJECTED: EntryKind.REJECTED,
    Status.REFERRED: EntryKind.REFERRED,
    Status.CLOSED_UNSUPPORTED: EntryKind.CLOSED,
    Status.ANSWERED: EntryKind.DECISION,
    Status.WITHDRAWN: EntryKind.WITHDRAWN,
}
# Where the municipality may still report progress.
UPDATABLE_STATUSES = {Status.OPEN, Status.REFERRED, Status.ANSWERED}
RESPONDABLE_STATUSES = {Status.REFERRED, Status.ANSWERED}
IMPLEMENTED_OUTCOMES = {DecisionOutcome.APPROVED, DecisionOutcome.PARTLY_APPROVED}
MAX_TEXT = 4000
DATE_FIELDS = {
    Status.IN_MODERATION: "confirmed_at",
    Status.OPEN: "opened_at",
    Status.REJECTED: "rejected_at",
    Status.REFERRED: "referred_at",
    Status.CLOSED_UNSUPPORTED: "closed_at",
    Status.ANSWERED: "answered_at",
    Status.WITHDRAWN: "withdrawn_at",
}


class TransitionNotAllowed(Exception):
    """The proposal's status does not allow this change."""


class SigningClosed(Exception):
    """The proposal does not take signatures (any more)."""


class NotPermitted(Exception):
    """This user may not do this to this proposal or entry."""


# Results of confirming a signature.
CONFIRMED = "confirmed"
CONFIRMED_FLAGGED = "flagged"
ALREADY_CONFIRMED = "already_confirmed"
DUPLICATE = "duplicate"
CLOSED = "closed"


def can_transition(proposal, target):
    return target in ALLOWED_TRANSITIONS.get(proposal.status, set())


def _locked(proposal_or_id, *, with_box=True):
    """The proposal, its row locked until the transaction ends. Without the box
    for the confirmation, the hottest path: only a referral needs it, and then
    reads it."""
    pk = getattr(proposal_or_id, "pk", proposal_or_id)
    proposals = Proposal.objects.select_for_update(of=("self",))
    if with_box:
        proposals = proposals.select_related("box")
    return proposals.get(pk=pk)


def _sync(original, locked):
    """Let the caller's instance see what the locked copy now holds."""
    if original is not None and not isinstance(original, int):
        original.__dict__.update(
            {k: v for k, v in locked.__dict__.items() if not k.startswith("_")}
        )


def current_language():
    """The language of the request being served, stored for later e-mails."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    codes = {code for code, _name in settings.LANGUAGES}
    language = language.split("-")[0]
    return language if language in codes else settings.LANGUAGE_CODE


def _entry(proposal, kind, *, now=None, public=True, **fields):
    """Write a trail entry, keep "last feedback" current and tell whoever should know.

    The only place trail entries are created."""
    now = now or timezone.now()
    entry = FeedbackEntry.objects.create(
        proposal=proposal, kind=kind, created_at=now, public=public, **fields
    )
    if public and (
        proposal.last_feedback_at is None or proposal.last_feedback_at < now
    ):
        proposal.last_feedback_at = now
        Proposal.objects.filter(pk=proposal.pk).update(last_feedback_at=now)
    notifications.entry_added(entry)
    return entry


def _move(proposal, target, *, now=None, entry=None, **fields):
    """Change status on a locked proposal, stamp its date and write the trail."""
    if not can_transition(proposal, target):
        raise TransitionNotAllowed(f"{proposal.status} → {target}")
    now = now or timezone.now()
    was_public = proposal.is_public
    proposal.status = target
    setattr(proposal, DATE_FIELDS[target], now)
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal.save()
    public = target != Status.REJECTED and (target != Status.WITHDRAWN or was_public)
    audit.record_transition(proposal, target)
    return _entry(
        proposal,
        TRANSITION_KINDS[target],
        now=now,
        public=public,
        status=target,
        **(entry or {}),
    )


def _milestones(locked, previous=0, now=None):
    """Half-way and threshold entries, each once, when the count passes them.

    Only looks at the trail when a line was crossed, so signing stays cheap."""
    threshold = locked.threshold
    count = locked.signature_count
    if not threshold:
        return
    half = math.ceil(threshold / 2)
    lines = []
    if threshold > 1 and previous < half <= count:
        lines.append(EntryKind.MILESTONE_HALF)
    if previous < threshold <= count:
        lines.append(EntryKind.MILESTONE_THRESHOLD)
    if not lines:
        return
    written = set(locked.trail.filter(kind__in=lines).values_list("kind", flat=True))
    for kind in lines:
        if kind not in written:
            _entry(locked, kind, now=now)


# The proposer's steps ------------------------------------------------------------


@transaction.atomic
def submit_proposal(box, *, ip_address=None, request=None, **data):
    """Store a new proposal; it waits for the proposer to confirm their e-mail."""
    data.setdefault("language", current_language())
    proposal = Proposal.objects.create(box=box, ip_address=ip_address, **data)
    notifications.proposal_confirmation(proposal, request=request)
    return proposal


@transaction.atomic
def confirm_proposal(proposal_id):
    """The proposer clicked the e-mail link: the proposal goes to moderation.

    Clicking again changes nothing; returns whether this click moved it."""
    proposal = _locked(proposal_id)
    if proposal.status != Status.SUBMITTED:
        return proposal, False
    _move(proposal, Status.IN_MODERATION)
    return proposal, True


@transaction.atomic
def withdraw_proposal(proposal):
    """The proposer takes the proposal back while it is moderated or open."""
    locked = _locked(proposal)
    _move(locked, Status.WITHDRAWN)
    _sync(proposal, locked)
    return locked


# Moderation ----------------------------------------------------------------------


@transaction.atomic
def approve(proposal, *, now=None):
    """Publish and open signing with the box's current threshold and period.

    The terms are copied onto the proposal so later edits to the box (or reverting
    its page revisions) never change the rules for a proposal already open."""
    locked = _locked(proposal)
    now = now or timezone.now()
    box = locked.box
    _move(
        locked,
        Status.OPEN,
        now=now,
        threshold=box.signature_threshold,
        signing_deadline=now + timedelta(days=box.signing_days),
        signing_continues_after_referral=box.signing_continues_after_referral,
    )
    _sync(proposal, locked)
    return locked


@transaction.atomic
def reject(proposal, *, reason, message):
    """Refuse publication; the proposer gets the reason and the message, nobody else."""
    if reason not in RejectionReason.values:
        raise ValueError(f"unknown rejection reason {reason!r}")
    if not message.strip():
        raise ValueError("a rejection needs a message to the proposer")
    locked = _locked(proposal)
    _move(
        locked,
        Status.REJECTED,
        rejection_reason=reason,
        rejection_message=message,
        entry={"text": message},
    )
    notifications.proposal_rejected(locked)
    _sync(proposal, locked)
    return locked


def _refer(locked, *, now=None):
    """Threshold reached: the proposal goes to the municipality, awaiting a case
    number until a communicator registers it."""
    _milestones(locked, now=now)
    _move(locked, Status.REFERRED, now=now)


@transaction.atomic
def refer(proposal, **registration):
    """Hand an open proposal that reached its threshold to the municipality;
    with committee and case number it is registered at once."""
    locked = _locked(proposal)
    if locked.threshold is None or locked.signature_count < locked.threshold:
        raise TransitionNotAllowed("the threshold has not been reached")
    _refer(locked)
    if registration:
        _register(locked, **registration)
    _sync(proposal, locked)
    return locked


def _required_text(text, message):
    text = (text or "").strip()
    if not text:
        raise ValidationError(message)
    if len(text) > MAX_TEXT:
        raise ValidationError(_("Texten får vara högst 4000 tecken."))
    return text


def _register(locked, *, committee, case_number, handling_days=None, author=None):
    case_number = (case_number or "").strip()
    if committee is None:
        raise ValidationError(_("Välj den nämnd som ska behandla förslaget."))
    if not case_number:
        raise ValidationError(_("Ange diarienumret."))
    if locked.case_number:
        raise TransitionNotAllowed("the referral is already registered")
    handling_days = handling_days or committee.expected_handling_days
    locked.committee = committee
    locked.case_number = case_number
    locked.handling_days = handling_days
    locked.save(update_fields=["committee", "case_number", "handling_days"])
    return _entry(
        locked,
        EntryKind.REFERRED,
        status=Status.REFERRED,
        committee=committee,
        case_number=case_number,
        handling_days=handling_days,
        author=author,
    )


@transaction.atomic
def register_referral(
    proposal, *, committee, case_number, handling_days=None, author=None
):
    """A communicator records which committee handles a referred proposal, its case
    number (diarienummer) and how long handling is expected to take."""
    locked = _locked(proposal)
    if locked.status != Status.REFERRED:
        raise TransitionNotAllowed(f"{locked.status} cannot be registered")
    entry = _register(
        locked,
        committee=committee,
        case_number=case_number,
        handling_days=handling_days,
        author=author,
    )
    _sync(proposal, locked)
    return entry


@transaction.atomic
def answer(
    proposal,
    *,
    outcome,
    decision_url="",
    text="",
    case_number="",
    decided_on=None,
    author=None,
):
    """Record the decision on a referred proposal: outcome, date, minutes, summary.

    There is no decision before referral, and none dated in the future or before
    the proposal reached the municipality."""
    if outcome not in DecisionOutcome.values:
        raise ValueError(f"unknown outcome {outcome!r}")
    locked = _locked(proposal)
    if locked.status != Status.REFERRED:
        raise TransitionNotAllowed(f"{locked.status} has not been referred")
    today = timezone.localdate()
    decided_on = decided_on or today
    if decided_on > today:
        raise ValidationError(_("Beslutsdatumet kan inte ligga i framtiden."))
    if locked.referred_at and decided_on < timezone.localdate(locked.referred_at):
        raise ValidationError(
            _("Beslutet kan inte vara fattat innan förslaget lämnades till kommunen.")
        )
    case_number = (case_number or "").strip() or locked.case_number
    _move(
        locked,
        Status.ANSWERED,
        outcome=outcome,
        decision_url=decision_url,
        decided_on=decided_on,
        case_number=case_number,
        entry={
            "text": (text or "").strip(),
            "outcome": outcome,
            "decided_on": decided_on,
            "minutes_url": decision_url,
            "case_number": case_number,
            "committee": locked.committee,
            "author": author,
        },
    )
    _sync(proposal, locked)
    return locked


# Communicators' and politicians' entries ------------------------------------------


@transaction.atomic
def add_status_update(proposal, *, text, author=None):
    """A communicator tells residents where the proposal stands."""
    text = _required_text(text, _("Skriv vad som har hänt."))
    locked = _locked(proposal)
    if locked.status not in UPDATABLE_STATUSES:
        raise TransitionNotAllowed(f"no updates on a {locked.status} proposal")
    return _entry(locked, EntryKind.STATUS_UPDATE, text=text, author=author)


@transaction.atomic
def add_implementation_update(proposal, *, text, author=None):
    """After a decision to do (part of) it: how far the work has come."""
    text = _required_text(text, _("Skriv hur genomförandet går."))
    locked = _locked(proposal)
    if locked.status != Status.ANSWERED or locked.outcome not in IMPLEMENTED_OUTCOMES:
        raise TransitionNotAllowed("nothing was decided to be implemented")
    return _entry(locked, EntryKind.IMPLEMENTATION, text=text, author=author)


def politician_profile(user):
    """The user's politician profile if they may answer proposals, else None."""
    if not user.is_authenticated or not user.has_perm("proposals.respond_to_proposal"):
        return None
    return PoliticianProfile.objects.filter(user=user).first()


def proposals_for_politician(user):
    """Proposals referred to the committees the politician sits on."""
    profile = politician_profile(user)
    if profile is None:
        return Proposal.objects.none()
    return Proposal.objects.filter(
        status__in=RESPONDABLE_STATUSES,
        committee__in=profile.committees.all(),
    ).distinct()


@transaction.atomic
def add_response(proposal, *, user, text):
    """A politician answers a proposal referred to one of their committees; the
    response is signed with their name, party and role as they are today."""
    profile = politician_profile(user)
    if profile is None:
        raise NotPermitted("not a politician")
    text = _required_text(text, _("Skriv ditt svar."))
    locked = _locked(proposal)
    if (
        locked.status not in RESPONDABLE_STATUSES
        or not profile.committees.filter(pk=locked.committee_id).exists()
    ):
        raise NotPermitted("not referred to the politician's committees")
    return _entry(
        locked, EntryKind.RESPONSE, text=text, author=user, signed_by=profile.byline
    )


def can_edit_response(entry, user, now=None):
    """Only its author, and only for 24 hours after posting it."""
    now = now or timezone.now()
    return (
        entry.kind == EntryKind.RESPONSE
        and user.is_authenticated
        and entry.author_id == user.pk
        and politician_profile(user) is not None
        and now - entry.created_at <= timedelta(hours=RESPONSE_EDIT_WINDOW_HOURS)
    )


def _correct(entry, *, user, note="", **changes):
    """Keep the earlier wording, change the entry and mark it "ändrad"."""
    FeedbackEntryVersion.objects.create(
        entry=entry,
        text=entry.text,
        fields={name: str(getattr(entry, name)) for name in changes if name != "text"},
        replaced_by=user,
        note=note,
    )
    for name, value in changes.items():
        setattr(entry, name, value)
    entry.edited_at = timezone.now()
    entry.save()
    return entry


@transaction.atomic
def edit_response(entry, *, user, text, now=None):
    """The politician corrects their own response within the 24-hour window."""
    entry = FeedbackEntry.objects.select_for_update().get(pk=entry.pk)
    if not can_edit_response(entry, user, now):
        raise NotPermitted("only the author, within 24 hours")
    text = _required_text(text, _("Skriv ditt svar."))
    if text == entry.text:
        return entry
    return _correct(entry, user=user, text=text)


@transaction.atomic
def correct_entry(entry, *, user, text, note=""):
    """A communicator corrects a trail entry; a politician's response belongs to
    its author and is never changed by anyone else (DESIGN.md invariant 4)."""
    entry = FeedbackEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.kind == EntryKind.RESPONSE:
        raise NotPermitted("a response is corrected by its author only")
    text = _required_text(text, _("Skriv den rättade texten."))
    if not (note or "").strip():
        raise ValidationError(_("Ange varför texten ändras."))
    return _correct(entry, user=user, text=text, note=note.strip()[:200])


# Deadlines -----------------------------------------------------------------------


def enforce_deadline(proposal, *, now=None):
    """Close an open proposal whose signing period has ended.

    Run by the cron task and lazily whenever a proposal is shown, so a missed cron
    run never shows a wrong state. Returns whether anything changed."""
    now = now or timezone.now()
    if not isinstance(proposal, int) and (
        proposal.status != Status.OPEN
        or proposal.signing_deadline is None
        or proposal.signing_deadline > now
    ):
        return False  # the common case costs no lock, transaction or query
    return _close_if_expired(proposal, now)


@transaction.atomic
def _close_if_expired(proposal, now):
    locked = _locked(proposal)
    if (
        locked.status != Status.OPEN
        or locked.signing_deadline is None
        or locked.signing_deadline > now
    ):
        _sync(proposal, locked)
        return False
    if locked.threshold is not None and locked.signature_count >= locked.threshold:
        _refer(locked, now=locked.signing_deadline)
    else:
        _move(locked, Status.CLOSED_UNSUPPORTED, now=locked.signing_deadline)
    _sync(proposal, locked)
    return True


def close_expired(*, now=None, queryset=None):
    """Enforce every passed deadline; returns the ids of the proposals closed."""
    now = now or timezone.now()
    queryset = Proposal.objects.all() if queryset is None else queryset
    expired = queryset.filter(status=Status.OPEN, signing_deadline__lte=now)
    return [pk for pk in expired.values_list("pk", flat=True) if enforce_deadline(pk)]


def flag_overdue(*, now=None):
    """Tell the communicators, once per proposal, that a committee's expected
    handling time has passed without a decision. Run by the cron task."""
    now = now or timezone.now()
    flagged = []
    candidates = Proposal.objects.filter(
        status=Status.REFERRED,
        overdue_notified_at__isnull=True,
        handling_days__isnull=False,
    )
    for proposal in candidates:
        if not proposal.is_overdue(now):
            continue
        with transaction.atomic():
            locked = _locked(proposal)
            if locked.overdue_notified_at is not None or not locked.is_overdue(now):
                continue
            locked.overdue_notified_at = now
            locked.save(update_fields=["overdue_notified_at"])
            notifications.proposal_overdue(locked)
            flagged.append(locked.pk)
    return flagged


# Signatures ----------------------------------------------------------------------


def _add_to_count(locked, delta):
    previous = locked.signature_count
    Proposal.objects.filter(pk=locked.pk).update(
        signature_count=F("signature_count") + delta
    )
    # The row is locked (read with _locked in this transaction), so nobody else has
    # changed the count since: no need to read it back.
    locked.signature_count = previous + delta
    if delta > 0 and locked.status == Status.OPEN:
        _counted(locked, previous)


def _sets_off(previous, count, threshold):
    """Whether _counted has anything to do when an open proposal's count rises from
    `previous` to `count`: it is at the threshold or passes the half-way mark."""
    if not threshold:
        return False
    return count >= threshold or previous < math.ceil(threshold / 2) <= count


def _counted(locked, previous):
    """What a count rising on an open proposal sets off: the referral at the
    threshold, or the half-way entry."""
    # What a signature sets off reaches cached pages as its count does.
    with page_cache.like_counts():
        if locked.signature_count >= (locked.threshold or 0) > 0:
            _refer(locked)
        else:
            _milestones(locked, previous)


BIGGEST_ID = 2**63 - 1  # of a BigAutoField
# What signing reads of a proposal: sign(), enforce_deadline, signing_open,
# is_public and the confirmation e-mail.
_SIGNING_FIELDS = (
    "id",
    "box_id",
    "title",
    "status",
    "opened_at",
    "signing_deadline",
    "signing_continues_after_referral",
    "threshold",
    "signature_count",
)


def proposal_to_sign(box, proposal_id):
    """The proposal in `box` a sign form was posted to, with what signing reads
    (the rest is read if asked for), or None if there is none anyone may see. A
    plain statement: at the signing peak, building the ORM's query cost several
    times more than running it (bench/README.md)."""
    if not 0 < proposal_id <= BIGGEST_ID:
        return None  # the ORM's lookups know no such row; a plain statement fails
    columns = ", ".join(
        connection.ops.quote_name(Proposal._meta.get_field(name).column)
        for name in _SIGNING_FIELDS
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


def sign(proposal, *, flagged=False, ip_address=None, request=None, **data):
    """Store an unconfirmed signature and send its confirmation link.

    A flagged signature (over the rate limit) is kept but not counted until a
    communicator clears it, as the UK Parliament petitions site does."""
    enforce_deadline(proposal)  # its own transaction: a closure sticks
    if not proposal.signing_open:
        raise SigningClosed
    with transaction.atomic():
        data.setdefault("language", current_language())
        signature = Signature.objects.create(
            proposal=proposal, flagged=flagged, ip_address=ip_address, **data
        )
        notifications.signature_confirmation(signature, request=request)
    return signature


def confirm_signature(signature, *, now=None):
    """Count a signature (an id, or an instance read with its proposal) once its
    e-mail link is clicked.

    The proposal row is locked first, so confirmations queue up; the unique
    constraint on (proposal, normalised e-mail) among confirmed signatures is the
    backstop that makes a second signature by the same person impossible (the
    confirmation then fails as a whole and the signature is removed).

    The hot row is locked once, and only the counting statements run under the lock
    (the deadline is read without a lock unless it has passed; e-mails are queued on
    commit), so confirmations on one popular proposal queue only briefly. Given an
    id, the common case (see _confirm_counted) takes two statements."""
    now = now or timezone.now()
    if isinstance(signature, int):
        if _confirm_counted(signature, None, now) is not None:
            return CONFIRMED
        signature = Signature.objects.select_related("proposal").get(pk=signature)
    return _confirm_checked(signature, now)


def confirm_link(signature_id, *, box, now=None):
    """The confirmation link of a signature on a proposal in `box` was clicked:
    (result, the proposal's id). Raises Signature.DoesNotExist if there is no such
    signature in that box."""
    now = now or timezone.now()
    proposal_id = _confirm_counted(signature_id, box.pk, now)
    if proposal_id is not None:
        return CONFIRMED, proposal_id
    signature = Signature.objects.select_related("proposal").get(
        pk=signature_id, proposal__box=box
    )
    return _confirm_checked(signature, now), signature.proposal_id


def _confirm_checked(signature, now):
    try:
        return _confirm(signature, now)
    except IntegrityError:
        Signature.objects.filter(pk=signature.pk, confirmed_at__isnull=True).delete()
        return DUPLICATE


class _NotTheCommonCase(Exception):
    """Roll back the fast confirmation and take the full one (_confirm)."""


# The common case of a confirmation in two statements: an unconfirmed, unflagged
# signature on a proposal that takes signatures. The first counts it, locking the
# proposal row (as _locked does, so locks are always taken proposal first), the
# second confirms it; the unique constraint still stops a second confirmed
# signature of one person. Written in SQL because at the signing peak the ORM's
# building of these statements cost more than running them (bench/README.md).
_COUNT_SQL = """
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
_CONFIRM_SQL = """
UPDATE {signature} SET confirmed_at = %s
WHERE id = %s AND confirmed_at IS NULL AND NOT flagged
"""


def _confirm_counted(signature_id, box_id, now):
    """Confirm and count in the common case: the proposal's id, or None when
    nothing was changed and the full confirmation (_confirm) must decide."""
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
            cursor.execute(_COUNT_SQL.format(in_box=in_box, **tables), count_params)
            row = cursor.fetchone()
            if row is None:
                return None
            cursor.execute(_CONFIRM_SQL.format(**tables), [when, signature_id])
            if cursor.rowcount != 1:
                raise _NotTheCommonCase
            proposal_id, count, threshold, status = row
            if status == Status.OPEN and _sets_off(count - 1, count, threshold):
                _counted(_locked(proposal_id, with_box=False), count - 1)
            return proposal_id
    except (_NotTheCommonCase, IntegrityError):
        return None


@transaction.atomic
def _confirm(signature, now):
    enforce_deadline(signature.proposal)
    locked = _locked(signature.proposal_id, with_box=False)
    # One statement confirms it if nothing changed since it was read: still
    # unconfirmed and flagged as it was (a communicator may have cleared it).
    confirmed = Signature.objects.filter(
        pk=signature.pk, confirmed_at__isnull=True, flagged=signature.flagged
    )
    if not locked.signing_open:
        return ALREADY_CONFIRMED if _confirmed_already(signature) else CLOSED
    if not confirmed.update(confirmed_at=now):
        current = Signature.objects.select_for_update().get(pk=signature.pk)
        if current.confirmed_at is not None:
            return ALREADY_CONFIRMED
        signature.flagged = current.flagged
        Signature.objects.filter(pk=signature.pk).update(confirmed_at=now)
    if signature.flagged:
        return CONFIRMED_FLAGGED
    _add_to_count(locked, 1)
    return CONFIRMED


def _confirmed_already(signature):
    return Signature.objects.filter(
        pk=signature.pk, confirmed_at__isnull=False
    ).exists()


@transaction.atomic
def withdraw_signature(signature_id):
    """The signer takes their signature back; only while signing is open."""
    signature = Signature.objects.get(pk=signature_id)
    locked = _locked(signature.proposal_id)
    signature = Signature.objects.select_for_update().get(pk=signature_id)
    if not locked.signing_open:
        raise SigningClosed
    counted = signature.counts
    signature.delete()
    if counted:
        _add_to_count(locked, -1)
        if signature.show_name:
            page_cache.invalidate()  # the name leaves every page at once
    return locked


@transaction.atomic
def clear_signature(signature):
    """A communicator clears a flagged signature; if confirmed, it now counts."""
    locked = _locked(signature.proposal_id)
    signature = Signature.objects.select_for_update().get(pk=signature.pk)
    if not signature.flagged:
        return signature
    if not locked.signing_open:
        # The outcome was settled without it; counting it now would change a
        # closed proposal's result after the fact.
        raise TransitionNotAllowed("signing is closed")
    signature.flagged = False
    signature.save(update_fields=["flagged"])
    audit.record_cleared(signature)
    if signature.confirmed_at is not None:
        _add_to_count(locked, 1)
    return signature


def purge_unconfirmed(*, now=None):
    """Delete what was never confirmed once its link has expired: nobody can
    confirm it any more, so keeping the e-mail address would serve no purpose."""
    from proposals.tokens import CONFIRMATION_MAX_AGE

    cutoff = (now or timezone.now()) - CONFIRMATION_MAX_AGE
    signatures, _ = Signature.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    proposals, _ = Proposal.objects.filter(
        status=Status.SUBMITTED, created_at__lt=cutoff
    ).delete()
    return signatures, proposals


def counted_signatures():
    return Q(signatures__confirmed_at__isnull=False, signatures__flagged=False)


def reconcile_counts(*, fix=True):
    """Find proposals whose stored count differs from their counted rows.

    Returns [(proposal, stored, actual)]; with fix, stores the actual numbers."""
    drifted = (
        Proposal.objects.annotate(
            actual=Count("signatures", filter=counted_signatures())
        )
        .exclude(actual=F("signature_count"))
        .order_by("pk")
    )
    report = [(p, p.signature_count, p.actual) for p in drifted]
    if fix:
        for proposal, _stored, _actual in report:
            with transaction.atomic():
                locked = _locked(proposal)
                actual = locked.signatures.filter(
                    confirmed_at__isnull=False, flagged=False
                ).count()
                Proposal.objects.filter(pk=locked.pk).update(signature_count=actual)
    return report

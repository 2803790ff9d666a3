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

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from proposals import notifications
from proposals.constants import DecisionOutcome, RejectionReason, Status
from proposals.models import FeedbackEntry, Proposal, Signature

ALLOWED_TRANSITIONS = {
    Status.SUBMITTED: {Status.IN_MODERATION},
    Status.IN_MODERATION: {Status.OPEN, Status.REJECTED, Status.WITHDRAWN},
    Status.OPEN: {Status.REFERRED, Status.CLOSED_UNSUPPORTED, Status.WITHDRAWN},
    Status.REFERRED: {Status.ANSWERED},
}
# Status changes the public sees; each leaves a dated entry in the trail.
PUBLIC_TARGETS = {
    Status.OPEN,
    Status.REFERRED,
    Status.CLOSED_UNSUPPORTED,
    Status.ANSWERED,
}
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


# Results of confirming a signature.
CONFIRMED = "confirmed"
CONFIRMED_FLAGGED = "flagged"
ALREADY_CONFIRMED = "already_confirmed"
DUPLICATE = "duplicate"
CLOSED = "closed"


def can_transition(proposal, target):
    return target in ALLOWED_TRANSITIONS.get(proposal.status, set())


def _locked(proposal_or_id):
    pk = getattr(proposal_or_id, "pk", proposal_or_id)
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("box")
        .get(pk=pk)
    )


def _sync(original, locked):
    """Let the caller's instance see what the locked copy now holds."""
    if original is not None and not isinstance(original, int):
        original.__dict__.update(
            {k: v for k, v in locked.__dict__.items() if not k.startswith("_")}
        )


def _move(proposal, target, *, now=None, text="", **fields):
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
    if target in PUBLIC_TARGETS or (target == Status.WITHDRAWN and was_public):
        return FeedbackEntry.objects.create(
            proposal=proposal, created_at=now, status=target, text=text
        )
    return None


def _keep_informed_emails(proposal):
    return list(
        proposal.signatures.filter(
            keep_informed=True, confirmed_at__isnull=False, flagged=False
        ).values_list("email", flat=True)
    )


# The proposer's steps ------------------------------------------------------------


@transaction.atomic
def submit_proposal(box, *, ip_address=None, request=None, **data):
    """Store a new proposal; it waits for the proposer to confirm their e-mail."""
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
    entry = _move(locked, Status.WITHDRAWN)
    if entry:
        notifications.trail_entry(entry)
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
    entry = _move(
        locked,
        Status.OPEN,
        now=now,
        threshold=box.signature_threshold,
        signing_deadline=now + timedelta(days=box.signing_days),
        signing_continues_after_referral=box.signing_continues_after_referral,
    )
    notifications.trail_entry(entry)
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
    _move(locked, Status.REJECTED, rejection_reason=reason, rejection_message=message)
    notifications.proposal_rejected(locked)
    _sync(proposal, locked)
    return locked


def _refer(locked, *, now=None, case_number=""):
    entry = _move(locked, Status.REFERRED, now=now, case_number=case_number)
    notifications.trail_entry(entry, signers=_keep_informed_emails(locked))


@transaction.atomic
def refer(proposal, *, case_number=""):
    """Hand an open proposal that reached its threshold to the municipality."""
    locked = _locked(proposal)
    if locked.threshold is None or locked.signature_count < locked.threshold:
        raise TransitionNotAllowed("the threshold has not been reached")
    _refer(locked, case_number=case_number)
    _sync(proposal, locked)
    return locked


@transaction.atomic
def answer(proposal, *, outcome, decision_url="", text="", case_number=""):
    """Record the municipality's decision on a referred proposal."""
    if outcome not in DecisionOutcome.values:
        raise ValueError(f"unknown outcome {outcome!r}")
    locked = _locked(proposal)
    entry = _move(
        locked,
        Status.ANSWERED,
        text=text,
        outcome=outcome,
        decision_url=decision_url,
        case_number=case_number or locked.case_number,
    )
    notifications.trail_entry(entry, signers=_keep_informed_emails(locked))
    _sync(proposal, locked)
    return locked


# Deadlines -----------------------------------------------------------------------


@transaction.atomic
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
        return False  # the common case costs no lock
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
        entry = _move(locked, Status.CLOSED_UNSUPPORTED, now=locked.signing_deadline)
        notifications.trail_entry(entry)
    _sync(proposal, locked)
    return True


def close_expired(*, now=None, queryset=None):
    """Enforce every passed deadline; returns the ids of the proposals closed."""
    now = now or timezone.now()
    queryset = Proposal.objects.all() if queryset is None else queryset
    expired = queryset.filter(status=Status.OPEN, signing_deadline__lte=now)
    return [pk for pk in expired.values_list("pk", flat=True) if enforce_deadline(pk)]


# Signatures ----------------------------------------------------------------------


def _add_to_count(locked, delta):
    Proposal.objects.filter(pk=locked.pk).update(
        signature_count=F("signature_count") + delta
    )
    locked.refresh_from_db(fields=["signature_count"])
    if (
        delta > 0
        and locked.status == Status.OPEN
        and locked.signature_count >= (locked.threshold or 0) > 0
    ):
        _refer(locked)


def sign(proposal, *, flagged=False, ip_address=None, request=None, **data):
    """Store an unconfirmed signature and send its confirmation link.

    A flagged signature (over the rate limit) is kept but not counted until a
    communicator clears it, as the UK Parliament petitions site does."""
    enforce_deadline(proposal)  # its own transaction: a closure sticks
    if not proposal.signing_open:
        raise SigningClosed
    with transaction.atomic():
        signature = Signature.objects.create(
            proposal=proposal, flagged=flagged, ip_address=ip_address, **data
        )
        notifications.signature_confirmation(signature, request=request)
    return signature


@transaction.atomic
def confirm_signature(signature_id, *, now=None):
    """Count a signature once its e-mail link is clicked.

    The proposal row is locked first, so confirmations queue up; the unique
    constraint on (proposal, normalised e-mail) among confirmed signatures is the
    backstop that makes a second signature by the same person impossible."""
    signature = Signature.objects.get(pk=signature_id)
    enforce_deadline(signature.proposal_id)
    locked = _locked(signature.proposal_id)
    signature = Signature.objects.select_for_update().get(pk=signature_id)
    if signature.confirmed_at is not None:
        return ALREADY_CONFIRMED
    if not locked.signing_open:
        return CLOSED
    try:
        with transaction.atomic():
            Signature.objects.filter(pk=signature.pk).update(
                confirmed_at=now or timezone.now()
            )
    except IntegrityError:
        signature.delete()
        return DUPLICATE
    if signature.flagged:
        return CONFIRMED_FLAGGED
    _add_to_count(locked, 1)
    return CONFIRMED


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
    return locked


@transaction.atomic
def clear_signature(signature):
    """A communicator clears a flagged signature; if confirmed, it now counts."""
    locked = _locked(signature.proposal_id)
    signature = Signature.objects.select_for_update().get(pk=signature.pk)
    if not signature.flagged:
        return signature
    signature.flagged = False
    signature.save(update_fields=["flagged"])
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

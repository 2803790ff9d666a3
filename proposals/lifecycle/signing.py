"""Co-signatures: signing, confirming by the e-mail link, withdrawing, and a
communicator clearing a flagged one.

A signature counts only once its link is confirmed, and once per person per
proposal (DESIGN.md invariant 1): the proposal row is locked first, so
confirmations queue up, and the unique constraint on (proposal, normalised
e-mail) among confirmed signatures is the backstop."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from proposals import notifications, signature_log
from proposals.lifecycle import announce
from proposals.lifecycle.base import (
    NotPermitted,
    SigningClosed,
    TransitionNotAllowed,
    current_language,
    lock,
)
from proposals.lifecycle.counting import add_to_count
from proposals.lifecycle.deadlines import enforce_deadline
from proposals.lifecycle.fast_confirm import confirm_counted
from proposals.models import Signature

# Results of confirming a signature.
CONFIRMED = "confirmed"
CONFIRMED_FLAGGED = "flagged"
ALREADY_CONFIRMED = "already_confirmed"
DUPLICATE = "duplicate"
CLOSED = "closed"


def sign(proposal, *, flagged=False, ip_address=None, notify=True, **data):
    """Store an unconfirmed signature and queue the e-mail with its confirmation
    link in the same transaction (the step's own purpose, so queued here rather
    than by a receiver; the task worker renders and sends it).

    A flagged signature (a form sent faster than a person types) is kept but not
    counted until a communicator clears it, as the UK Parliament petitions site
    does; attempts over the rate limits never get here (views/signing.py)."""
    enforce_deadline(proposal)  # its own transaction: a closure sticks
    if not proposal.signing_open:
        raise SigningClosed
    with transaction.atomic():
        data.setdefault("language", current_language())
        signature = Signature.objects.create(
            proposal=proposal, flagged=flagged, ip_address=ip_address, **data
        )
        if notify:
            notifications.signature_confirmation(signature)
    return signature


def confirm_signature(signature, *, now=None):
    """Count a signature (an id, or an instance read with its proposal) once its
    e-mail link is clicked.

    The hot row is locked once, and only the counting statements run under the lock
    (the deadline is read without a lock unless it has passed; e-mails are queued on
    commit), so confirmations on one popular proposal queue only briefly. Given an
    id, the common case takes two statements (fast_confirm.py)."""
    now = now or timezone.now()
    if isinstance(signature, int):
        if confirm_counted(signature, None, now) is not None:
            return CONFIRMED
        signature = Signature.objects.select_related("proposal").get(pk=signature)
    return _confirm_checked(signature, now)


def confirm_link(signature_id, *, box, now=None):
    """The confirmation link of a signature on a proposal in `box` was clicked:
    (result, the proposal's id). Raises Signature.DoesNotExist if there is no such
    signature in that box."""
    now = now or timezone.now()
    proposal_id = confirm_counted(signature_id, box.pk, now)
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


@transaction.atomic
def _confirm(signature, now):
    """The full confirmation, for whatever the common case does not cover."""
    enforce_deadline(signature.proposal)
    locked = lock(signature.proposal_id, with_box=False)
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
    add_to_count(locked, 1)
    signature_log.counted(locked.pk, signature.pk, now)
    return CONFIRMED


def _confirmed_already(signature):
    return Signature.objects.filter(
        pk=signature.pk, confirmed_at__isnull=False
    ).exists()


@transaction.atomic
def withdraw_signature(signature_id):
    """The signer takes their signature back; only while signing is open. A
    counted signature whose name was shown is announced (public_signature_removed):
    the name must leave every page at once."""
    signature = Signature.objects.get(pk=signature_id)
    locked = lock(signature.proposal_id)
    signature = Signature.objects.select_for_update().get(pk=signature_id)
    if not locked.signing_open:
        raise SigningClosed
    remove_signature(locked, signature)
    return locked


def remove_signature(locked, signature):
    """Delete a signature of `locked` (the proposal, row-locked): a counted one
    leaves the count and the public log, and a shown name leaves every page."""
    signature_id, counted = signature.pk, signature.counts
    signature.delete()
    if counted:
        add_to_count(locked, -1)
        signature_log.withdrawn(locked.pk, signature_id)
        if signature.show_name:
            announce.public_signature_removed(locked.pk)


def signature_name_edited(signature):
    """A communicator corrected a signature's name or whether it is shown: pages
    listing a counted signature's name change at once, as on withdrawal."""
    if signature.counts:
        announce.public_signature_removed(signature.proposal_id)


class ClearSignature:
    """A communicator clears a flagged signature; if confirmed, it now counts."""

    def __init__(self, signature, *, user=None):
        self.signature = signature
        self.user = user

    def check(self, locked=None):
        """Raise if this user may not clear signatures, or signing has closed."""
        if self.user is not None and not self.user.has_perm(
            "proposals.change_signature"
        ):
            raise NotPermitted("may not clear signatures")
        if locked is not None and not locked.signing_open:
            # The outcome was settled without it; counting it now would change a
            # closed proposal's result after the fact.
            raise TransitionNotAllowed("signing is closed")

    @transaction.atomic
    def execute(self):
        self.check()
        locked = lock(self.signature.proposal_id)
        signature = Signature.objects.select_for_update().get(pk=self.signature.pk)
        if not signature.flagged:
            return signature
        self.check(locked)
        signature.flagged = False
        signature.save(update_fields=["flagged"])
        announce.signature_cleared(signature, user=self.user)
        if signature.confirmed_at is not None:
            add_to_count(locked, 1)
            signature_log.counted(locked.pk, signature.pk)
        return signature


def clear_signature(signature, *, user=None):
    return ClearSignature(signature, user=user).execute()

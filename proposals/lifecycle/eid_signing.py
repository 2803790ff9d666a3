"""Signing with e-legitimation, and linking an e-mail signature with it.

An e-legitimation signature counts at once (the broker has identified the person).
It is written confirmed, under the proposal's row lock, once per person and
proposal: its email_normalised is "eid:" and the person's key, so the constraint
that counts a mailbox once counts the person once, and a concurrent second attempt
by the same person finds the first (or hits the constraint) and counts nothing.

Linking (README, "E-legitimation"): where a proposal takes both methods, an
e-mail signature and an e-legitimation signature of one person count once only
when the e-mail signer also identifies with e-legitimation from their signature's
private page. The e-mail signature then carries the person's key (the per-person
constraint on identity_hash), an e-legitimation signature of that person on the
proposal is withdrawn (a withdrawal in the public log), and the person cannot sign
it with e-legitimation again. Unlinked, each counts: the proposal page says so."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from proposals import signature_log
from proposals.constants import ConfirmedBy, SignatureMethod
from proposals.lifecycle.base import current_language, lock
from proposals.lifecycle.counting import add_to_count
from proposals.lifecycle.deadlines import enforce_deadline
from proposals.lifecycle.signing import CLOSED, DUPLICATE, remove_signature
from proposals.models import Proposal, Signature
from proposals.models.signature import eid_key

SIGNED = "signed"
NOT_OFFERED = "not_offered"  # the proposal does not take this kind of signature
NOT_RESIDENT = "not_resident"
LINKED = "linked"
MERGED = "merged"  # linked, and the person's e-legitimation signature withdrawn
ALREADY_LINKED = "already_linked"


def resident(person):
    """Whether the broker says the person is registered in this municipality."""
    code = settings.DELAKTIG_EID_MUNICIPALITY_CODE
    return bool(code) and person.municipality == code


def _by_person(proposal_id, key):
    return Signature.objects.filter(
        proposal_id=proposal_id, confirmed_at__isnull=False
    ).filter(Q(identity_hash=key) | Q(email_normalised=eid_key(key)))


def sign_with_eid(proposal_id, person, *, name, show_name=False, area=None, now=None):
    """Count `person`'s (an eid.client.Identity) signature: (result, signature)."""
    now = now or timezone.now()
    proposal = Proposal.objects.select_related("box").get(pk=proposal_id)
    enforce_deadline(proposal)  # its own transaction: a closure sticks
    if not proposal.takes_eid_signatures:
        return NOT_OFFERED, None
    if proposal.box.eid_residents_only and not resident(person):
        return NOT_RESIDENT, None
    try:
        with transaction.atomic():
            locked = lock(proposal_id, with_box=False)
            if not locked.signing_open:
                return CLOSED, None
            # Read after the lock: a concurrent attempt of the same person has
            # committed by now, and is found.
            if _by_person(locked.pk, person.key).exists():
                return DUPLICATE, None
            signature = Signature.objects.create(
                proposal_id=locked.pk,
                method=ConfirmedBy.EID,
                identity_hash=person.key,
                name=name,
                show_name=show_name,
                area=area,
                language=current_language(),
                confirmed_at=now,
            )
            add_to_count(locked, 1)
            signature_log.counted(locked.pk, signature.pk, now, method=ConfirmedBy.EID)
    except IntegrityError:
        return DUPLICATE, None
    return SIGNED, signature


def link_with_eid(signature_id, person):
    """The signer of a counted e-mail signature identified with e-legitimation from
    its private page: the result (LINKED, MERGED, ALREADY_LINKED, DUPLICATE when
    another e-mail signature on the proposal holds the person already, CLOSED,
    NOT_OFFERED)."""
    signature = Signature.objects.select_related("proposal__box").get(pk=signature_id)
    enforce_deadline(signature.proposal)
    if not signature.proposal.takes_eid_signatures:
        return NOT_OFFERED
    try:
        with transaction.atomic():
            locked = lock(signature.proposal_id, with_box=False)
            signature = Signature.objects.select_for_update().get(pk=signature_id)
            if not locked.signing_open:
                return CLOSED
            if signature.method != ConfirmedBy.EMAIL or not signature.counts:
                return NOT_OFFERED
            if signature.identity_hash:
                return ALREADY_LINKED
            other = (
                _by_person(locked.pk, person.key)
                .exclude(pk=signature.pk)
                .select_for_update()
                .first()
            )
            if other is not None and other.method == ConfirmedBy.EMAIL:
                return DUPLICATE
            if other is not None:
                remove_signature(locked, other)
            Signature.objects.filter(pk=signature.pk).update(identity_hash=person.key)
    except IntegrityError:
        return DUPLICATE
    return MERGED if other is not None else LINKED


def method_open_to_change(proposal):
    """A communicator may choose a proposal's signature method until it is
    published; from then on it is the proposal's rule (ApproveProposal fixes it)."""
    return proposal.opened_at is None


def choose_signature_method(proposal, method):
    """Set the method of a proposal not yet published ("" for the box's); False
    if it was published meanwhile (nothing changed)."""
    if method not in ("", *SignatureMethod.values):
        raise ValueError(f"unknown signature method {method!r}")
    changed = Proposal.objects.filter(pk=proposal.pk, opened_at__isnull=True).update(
        signature_method=method
    )
    return bool(changed)

"""The suggestion box's signals (proposals/signals.py), sent once the change has
committed so no receiver acts on something rolled back."""

from django.db import transaction

from proposals import signals
from proposals.models import FeedbackEntry, Proposal


def _on_commit(signal, sender, **arguments):
    transaction.on_commit(lambda: signal.send(sender=sender, **arguments))


def transitioned(proposal, old_status, entry, *, user, notify, by_signature):
    _on_commit(
        signals.proposal_transitioned,
        Proposal,
        proposal=proposal,
        old_status=old_status,
        new_status=proposal.status,
        user=user,
        entry=entry,
        by_signature=by_signature,
        notify=notify,
    )


def entry_saved(
    entry, *, user, notify, created=True, by_signature=False, registered=False
):
    _on_commit(
        signals.trail_entry_saved,
        FeedbackEntry,
        entry=entry,
        user=user,
        created=created,
        by_signature=by_signature,
        notify=notify,
        registered=registered,
    )


def signature_cleared(signature, *, user):
    _on_commit(
        signals.signature_cleared, type(signature), signature=signature, user=user
    )


def public_signature_removed(proposal_id):
    _on_commit(signals.public_signature_removed, Proposal, proposal_id=proposal_id)


def proposal_overdue(proposal):
    _on_commit(signals.proposal_overdue, Proposal, proposal=proposal)

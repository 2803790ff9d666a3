"""What the suggestion box announces to the rest of the site.

Every signal here is sent after the transaction that made the change has
committed (transaction.on_commit), never inside it, so a receiver (the audit log,
e-mail, the cache layer) never acts on a change that was rolled back. Receivers
are connected by the app that owns them; proposals imports none of them.

`by_signature` is true when a resident's signature set the change off (the
half-way entry, the threshold, the referral): the cache layer lets those show
within its expiry time, as counts do, instead of emptying every page."""

from django.dispatch import Signal

# A proposal changed status. Arguments: proposal, old_status, new_status,
# user (who acted, or None for the system and residents), entry (the trail entry
# the change wrote), by_signature.
proposal_transitioned = Signal()

# A trail entry was written or corrected outside a status change (a status
# update, a politician's response, a milestone, a registration, a correction).
# Arguments: entry, user, created, by_signature.
trail_entry_saved = Signal()

# A proposal's public text or fields were edited by a communicator.
# Arguments: proposal, user.
proposal_edited = Signal()

# A counted signature whose name was shown publicly was removed.
# Arguments: proposal_id.
public_signature_removed = Signal()

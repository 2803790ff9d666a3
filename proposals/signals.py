"""What the suggestion box announces to the rest of the site.

Every signal here is sent after the transaction that made the change has
committed (transaction.on_commit, see proposals/lifecycle/announce.py), never
inside it, so a receiver (the audit log, e-mail, the cache layer) never acts on a
change that was rolled back. Receivers are connected in their app's ready()
(the suggestion box's own audit and e-mail in proposals/receivers.py).

`by_signature` is true when a resident's signature set the change off (the
half-way entry, the threshold, the referral): the cache layer lets those show
within its expiry time, as counts do, instead of emptying every page.
`notify` is false when nobody is to be told by e-mail (demo content); the audit
log and caches ignore it."""

from django.dispatch import Signal

# A proposal changed status. Sender: Proposal. Arguments: proposal, old_status,
# new_status, user (who acted, or None for the system and residents), entry (the
# trail entry the change wrote), by_signature, notify.
proposal_transitioned = Signal()

# A trail entry was written or corrected outside a status change (a status
# update, a politician's response, a milestone, a correction), or a referral's
# entry got its committee and case number (registered). Sender: FeedbackEntry.
# Arguments: entry, user, created, by_signature, notify, registered.
trail_entry_saved = Signal()

# A proposal's public text or fields were edited by a communicator.
# Sender: Proposal. Arguments: proposal, user.
proposal_edited = Signal()

# A counted signature whose name was shown publicly was removed.
# Sender: Proposal. Arguments: proposal_id.
public_signature_removed = Signal()

# A communicator cleared a flagged signature (it counts if confirmed).
# Sender: Signature. Arguments: signature, user.
signature_cleared = Signal()

# A referred proposal's expected handling time passed without a decision; sent
# once per proposal by the cron sweep. Sender: Proposal. Arguments: proposal.
proposal_overdue = Signal()

"""The suggestion box's own listeners to what the lifecycle announces
(proposals/signals.py): the audit log and the e-mails it sends."""

from proposals import audit, notifications, signals
from proposals.constants import Status


def audit_transition(sender, proposal, new_status, user, **kwargs):
    audit.record_transition(proposal, new_status, user)


def audit_entry(sender, entry, user, **kwargs):
    if user is not None:
        audit.record_entry(entry, user)


def audit_cleared(sender, signature, user, **kwargs):
    audit.record_cleared(signature, user)


def mail_transition(sender, proposal, new_status, entry, notify=True, **kwargs):
    if not notify:
        return
    notifications.entry_added(entry)
    if new_status == Status.REJECTED:
        notifications.proposal_rejected(proposal)


def mail_entry(sender, entry, created, notify=True, registered=False, **kwargs):
    if notify and (created or registered):
        notifications.entry_added(entry)


def mail_overdue(sender, proposal, **kwargs):
    notifications.proposal_overdue(proposal)


def connect():
    """Called once from ProposalsConfig.ready()."""
    for signal, receiver in (
        (signals.proposal_transitioned, audit_transition),
        (signals.trail_entry_saved, audit_entry),
        (signals.signature_cleared, audit_cleared),
        (signals.proposal_transitioned, mail_transition),
        (signals.trail_entry_saved, mail_entry),
        (signals.proposal_overdue, mail_overdue),
    ):
        signal.connect(receiver, dispatch_uid=f"proposals-{receiver.__name__}")

"""The suggestion box's own listeners to what the lifecycle announces
(proposals/signals.py): the audit log and the e-mails it sends; and the byline
a politician's comment is posted under."""

from django.db.models.signals import post_save
from django_comments_xtd.models import XtdComment

from proposals import audit, lifecycle, notifications, signals
from proposals.constants import Status
from proposals.models import PoliticianComment, Proposal


def audit_transition(sender, proposal, new_status, user, old_status=None, **kwargs):
    audit.record_transition(proposal, new_status, user, old_status)


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


def sign_politician_comment(sender, instance, created, **kwargs):
    """A comment on a proposal by someone who may answer proposals keeps the
    byline of that moment (bylines come from the respond permission, not from
    a profile alone)."""
    if not created or not instance.user_id:
        return
    if instance.content_type.model_class() is not Proposal:
        return
    profile = lifecycle.politician_profile(instance.user)
    if profile is not None:
        PoliticianComment.objects.get_or_create(
            comment=instance, defaults={"byline": profile.byline}
        )


def connect():
    """Called once from ProposalsConfig.ready()."""
    post_save.connect(
        sign_politician_comment,
        sender=XtdComment,
        dispatch_uid="proposals-sign_politician_comment",
    )
    for signal, receiver in (
        (signals.proposal_transitioned, audit_transition),
        (signals.trail_entry_saved, audit_entry),
        (signals.signature_cleared, audit_cleared),
        (signals.proposal_transitioned, mail_transition),
        (signals.trail_entry_saved, mail_entry),
        (signals.proposal_overdue, mail_overdue),
    ):
        signal.connect(receiver, dispatch_uid=f"proposals-{receiver.__name__}")

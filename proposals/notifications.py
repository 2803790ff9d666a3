"""Who is e-mailed when, queued in the transaction that made the change.

Only ids and the recipient's language go into the queue, in the same transaction
as the rows they name: both commit or neither. The task worker renders and sends
(proposals/mails.py), in that language, with a signed link that stops further
e-mails without logging in."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.utils.translation import get_language
from django_tasks import task

from background.mail import send_once
from proposals.constants import SIGNER_NOTIFIED_KINDS, EntryKind
from proposals.mails import send_mail

COMMUNICATORS = "Kommunikatörer"
# The proposer has just seen the confirmation page when the proposal is received.
PROPOSER_SILENT_KINDS = {EntryKind.RECEIVED}


@task()
def send_email(subject, body, recipients, attempt=1, headers=None):
    """An e-mail rendered in the request, as tasks queued (under this path) before
    the worker did the rendering hold it: sent once, as it is. Drop once none is
    left in the queue."""
    send_once(EmailMessage(subject, body, None, recipients, headers=headers))


def queue_mail(kind, language=None, **ids):
    """Queue the e-mail `kind` (a builder in proposals/mails.py) for the rows
    `ids`, in the current transaction."""
    send_mail.enqueue(kind, language or settings.LANGUAGE_CODE, **ids)


def informed_signers(proposal):
    """Confirmed, counted signers who asked to be kept informed."""
    return proposal.signatures.filter(
        keep_informed=True, confirmed_at__isnull=False, flagged=False
    ).only("pk", "language")


def communicators():
    """Active communicators with an address who have not opted out."""
    return (
        get_user_model()
        .objects.filter(groups__name=COMMUNICATORS, is_active=True)
        .exclude(email="")
        .filter(proposal_mail_opt_out__isnull=True)
        .select_related("wagtail_userprofile")
        .distinct()
    )


def user_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return profile.get_preferred_language() if profile else settings.LANGUAGE_CODE


def to_staff(kind, users, **ids):
    """The e-mail `kind` to each of `users` once, in their own language."""
    seen = set()
    for user in users:
        if user.pk not in seen:
            seen.add(user.pk)
            queue_mail(kind, user_language(user), user=user.pk, **ids)


def proposal_confirmation(proposal):
    queue_mail("proposal_confirm", proposal.language, proposal=proposal.pk)


def proposal_rejected(proposal):
    if proposal.notify_proposer:
        queue_mail("proposal_rejected", proposal.language, proposal=proposal.pk)


def _for_communicators(entry):
    """A new proposal to review, or a referral (the threshold reached) waiting for
    its committee and case number."""
    if entry.kind == EntryKind.RECEIVED:
        return True
    return entry.kind == EntryKind.REFERRED and entry.committee_id is None


def entry_added(entry):
    """Tell the proposer of every public entry, informed signers of referral,
    responses and the decision, and communicators of new and referred proposals."""
    if not entry.public:
        return
    proposal = entry.proposal
    if _for_communicators(entry):
        to_staff("staff_notice", communicators(), entry=entry.pk)
    if entry.kind in PROPOSER_SILENT_KINDS:
        return
    if proposal.notify_proposer:
        queue_mail("trail_entry", proposal.language, entry=entry.pk)
    if entry.kind in SIGNER_NOTIFIED_KINDS:
        for signature in informed_signers(proposal):
            queue_mail(
                "trail_entry",
                signature.language,
                entry=entry.pk,
                signature=signature.pk,
            )


def proposal_overdue(proposal):
    to_staff("staff_notice", communicators(), proposal=proposal.pk)


def signature_confirmation(signature):
    queue_mail("signature_confirm", signature.language, signature=signature.pk)


def removal_link(signatures, recipients):
    """The link that removes `signatures` (ids), to each signature in
    `recipients` (ids, one per address), in the language of the request."""
    for recipient in recipients:
        queue_mail(
            "remove_signatures", get_language(), signatures=signatures, to=recipient
        )

"""E-mails to proposers, signers and communicators, sent through the tasks queue.

Each e-mail is rendered in its recipient's language and carries a signed link that
stops further e-mails without logging in."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import default_task_backend, task
from wagtail.admin.admin_url_finder import AdminURLFinder

from background.mail import send_once
from municipality.models import MunicipalitySettings
from proposals import tokens
from proposals.constants import SIGNER_NOTIFIED_KINDS, EntryKind

COMMUNICATORS = "Kommunikatörer"
# The proposer has just seen the confirmation page when the proposal is received.
PROPOSER_SILENT_KINDS = {EntryKind.RECEIVED}

MAX_ATTEMPTS = 5
logger = logging.getLogger("delaktig.mail")


@task()
def send_email(subject, body, recipients, attempt=1, headers=None):
    """Send one e-mail; if the mail server is down, try again later (backing off)
    on a queue that can defer work, so a resident's action never waits for it.
    Sent once: a re-queued run of the same task sends nothing (background.mail)."""
    try:
        send_once(EmailMessage(subject, body, None, recipients, headers=headers))
    except (OSError, smtplib.SMTPException) as error:
        retry = attempt < MAX_ATTEMPTS and default_task_backend.supports_defer
        logger.warning(
            "E-mail not sent (attempt %s): %s%s",
            attempt,
            error,
            "; retrying later" if retry else "",
        )
        if not retry:
            raise
        later = timezone.now() + timedelta(minutes=5 * 2 ** (attempt - 1))
        send_email.using(run_after=later).enqueue(
            subject=subject,
            body=body,
            recipients=recipients,
            attempt=attempt + 1,
            headers=headers,
        )


def queue_email(template, context, recipient, language=None, unsubscribe=None):
    """Render now in the recipient's language; send once the transaction commits.

    unsubscribe is (token kind, pk): the e-mail gets a link that stops them, in the
    text and in a List-Unsubscribe header that mail programs show as a button."""
    headers = None
    with translation.override(language or settings.LANGUAGE_CODE):
        context = dict(context)
        for key, value in list(context.items()):
            if callable(value) and key.endswith("_url"):
                context[key] = value()
        if unsubscribe:
            context["unsubscribe_url"] = unsubscribe_url(context["box"], *unsubscribe)
            headers = {"List-Unsubscribe": f"<{context['unsubscribe_url']}>"}
        subject = render_to_string(f"proposals/email/{template}_subject.txt", context)
        body = render_to_string(f"proposals/email/{template}.txt", context)
    subject = " ".join(subject.split())
    transaction.on_commit(
        lambda: send_email.enqueue(
            subject=subject, body=body, recipients=[recipient], headers=headers
        )
    )


def absolute_url(box, route, args=()):
    """The site's own address for a route of the box, never the host a request
    came in on."""
    return box.absolute(box.subpage_url(route, *args))


def municipality_name(box):
    site = box.get_site()
    return MunicipalitySettings.for_site(site).name if site else ""


def unsubscribe_url(box, kind, pk):
    return absolute_url(box, "unsubscribe_view", [tokens.make_token(kind, pk)])


def proposal_links(proposal):
    """Links built lazily, so they carry the recipient's language prefix."""
    box = proposal.box
    return {
        "box": box,
        "proposal_url": lambda: absolute_url(box, "proposal_view", [proposal.pk]),
        "manage_url": lambda: absolute_url(
            box,
            "manage_proposal_view",
            [tokens.make_token(tokens.PROPOSAL_MANAGE, proposal.pk)],
        ),
    }


def proposal_confirmation(proposal):
    context = {
        "proposal": proposal,
        "confirm_url": lambda: absolute_url(
            proposal.box,
            "confirm_proposal_view",
            [tokens.make_token(tokens.PROPOSAL_CONFIRM, proposal.pk)],
        ),
        **proposal_links(proposal),
    }
    queue_email("proposal_confirm", context, proposal.author_email, proposal.language)


def _to_proposer(template, proposal, context):
    if proposal.notify_proposer:
        queue_email(
            template,
            context,
            proposal.author_email,
            proposal.language,
            unsubscribe=(tokens.PROPOSER_UNSUBSCRIBE, proposal.pk),
        )


def proposal_rejected(proposal):
    context = {"proposal": proposal, **proposal_links(proposal)}
    _to_proposer("proposal_rejected", proposal, context)


def informed_signers(proposal):
    """Confirmed, counted signers who asked to be kept informed."""
    return proposal.signatures.filter(
        keep_informed=True, confirmed_at__isnull=False, flagged=False
    ).only("pk", "email", "language")


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


def admin_url(proposal):
    """The proposal's screen in the admin, for communicators' e-mails (Wagtail's
    WAGTAILADMIN_BASE_URL is the admin's address)."""
    path = AdminURLFinder().get_edit_url(proposal)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path if path else ""


def _to_communicators(template, context):
    staff_context = {
        **context,
        "manage_url": "",
        "admin_url": admin_url(context["proposal"]),
    }
    for user in communicators():
        queue_email(
            template,
            staff_context,
            user.email,
            user_language(user),
            unsubscribe=(tokens.STAFF_UNSUBSCRIBE, user.pk),
        )


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
    context = {
        "proposal": proposal,
        "entry": entry,
        "byline": entry.byline(municipality_name(proposal.box)),
        **proposal_links(proposal),
    }
    if _for_communicators(entry):
        _to_communicators("staff_notice", context)
    if entry.kind in PROPOSER_SILENT_KINDS:
        return
    _to_proposer("trail_entry", proposal, context)
    if entry.kind in SIGNER_NOTIFIED_KINDS:
        public_context = {**context, "manage_url": ""}
        for signature in informed_signers(proposal):
            queue_email(
                "trail_entry",
                public_context,
                signature.email,
                signature.language,
                unsubscribe=(tokens.SIGNER_UNSUBSCRIBE, signature.pk),
            )


def proposal_overdue(proposal):
    context = {"proposal": proposal, "overdue": True, **proposal_links(proposal)}
    _to_communicators("staff_notice", context)


def signature_confirmation(signature):
    box = signature.proposal.box
    context = {
        "box": box,
        "signature": signature,
        "proposal": signature.proposal,
        "confirm_url": lambda: absolute_url(
            box,
            "confirm_signature_view",
            [tokens.make_token(tokens.SIGNATURE_CONFIRM, signature.pk)],
        ),
        "withdraw_url": lambda: absolute_url(
            box,
            "manage_signature_view",
            [tokens.make_token(tokens.SIGNATURE_MANAGE, signature.pk)],
        ),
    }
    queue_email("signature_confirm", context, signature.email, signature.language)

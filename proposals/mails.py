"""The suggestion box's e-mails, rendered and sent by the task worker.

A request queues only ids and a language (proposals/notifications.py); the task
loads the rows, builds the links and renders in that language, then sends once
(background.mail). So the queue holds no address and no text, and a row gone by
then (withdrawn, purged, unsubscribed) gets no mail."""

import logging
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import default_task_backend, task
from wagtail.admin.admin_url_finder import AdminURLFinder

from background.mail import send_once
from municipality import site_address
from municipality.models import MunicipalitySettings
from proposals import answer_clock, mail_boxes, tokens
from proposals.models import FeedbackEntry, Proposal, Signature, SuggestionBoxPage

MAX_ATTEMPTS = 5
logger = logging.getLogger("delaktig.mail")

# The removal link's signed ids (proposals/privacy_views.py reads them).
REMOVAL_SALT = "proposals.remove-signatures"


@dataclass
class Mail:
    """One e-mail before rendering: its templates' name, their context, the
    recipient, and (token kind, pk) for a link that stops such e-mails."""

    template: str
    context: dict
    recipient: str
    unsubscribe: tuple = None


BUILDERS = {}


def builds(kind):
    """Register `function(**ids) -> Mail | None` as the e-mail of `kind`."""

    def register(function):
        BUILDERS[kind] = function
        return function

    return register


@task()
def send_mail(kind, language, attempt=1, **ids):
    """Render the e-mail `kind` for the rows `ids` in `language` and send it once;
    nothing if its rows are gone. If the mail server is down, try again later
    (backing off) on a queue that can defer work."""
    with translation.override(language):
        mail = BUILDERS[kind](**ids)
        if mail is None or not mail.recipient:
            logger.info("E-mail %s %s not sent: nobody to send it to", kind, ids)
            return
        message = render(mail)
    try:
        send_once(message)
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
        send_mail.using(run_after=later).enqueue(
            kind, language, attempt=attempt + 1, **ids
        )


def render(mail):
    """The EmailMessage of `mail` in the active language."""
    context = dict(mail.context)
    headers = None
    if mail.unsubscribe:
        context["unsubscribe_url"] = unsubscribe_url(context["box"], *mail.unsubscribe)
        headers = {"List-Unsubscribe": f"<{context['unsubscribe_url']}>"}
    subject = render_to_string(f"proposals/email/{mail.template}_subject.txt", context)
    body = render_to_string(f"proposals/email/{mail.template}.txt", context)
    return EmailMessage(
        " ".join(subject.split()), body, None, [mail.recipient], headers=headers
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


def admin_url(proposal):
    """The proposal's screen in the admin, for communicators' e-mails (Wagtail's
    WAGTAILADMIN_BASE_URL is the admin's address)."""
    path = AdminURLFinder().get_edit_url(proposal)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path if path else ""


def proposal_links(proposal):
    box = proposal.box
    return {
        "box": box,
        "proposal": proposal,
        "proposal_url": absolute_url(box, "proposal_view", [proposal.pk]),
        "manage_url": absolute_url(
            box,
            "manage_proposal_view",
            [tokens.make_token(tokens.PROPOSAL_MANAGE, proposal.pk)],
        ),
    }


def staff_links(proposal):
    """A proposal's links for staff: the admin screen, never the proposer's own."""
    return {
        **proposal_links(proposal),
        "manage_url": "",
        "admin_url": admin_url(proposal),
    }


def _proposal(pk):
    return Proposal.objects.select_related("box").filter(pk=pk).first()


def _entry(pk):
    return FeedbackEntry.objects.select_related("proposal__box").filter(pk=pk).first()


def staff_member(pk):
    """An active staff member with an address who has not opted out, or None."""
    return (
        get_user_model()
        .objects.filter(pk=pk, is_active=True, proposal_mail_opt_out__isnull=True)
        .exclude(email="")
        .first()
    )


@builds("proposal_confirm")
def proposal_confirm(proposal):
    proposal = _proposal(proposal)
    if proposal is None:
        return None
    context = {
        **proposal_links(proposal),
        "confirm_url": absolute_url(
            proposal.box,
            "confirm_proposal_view",
            [tokens.make_token(tokens.PROPOSAL_CONFIRM, proposal.pk)],
        ),
    }
    return Mail("proposal_confirm", context, proposal.author_email)


def _to_proposer(template, proposal, context):
    if not proposal.notify_proposer:
        return None
    return Mail(
        template,
        context,
        proposal.author_email,
        (tokens.PROPOSER_UNSUBSCRIBE, proposal.pk),
    )


@builds("proposal_rejected")
def proposal_rejected(proposal):
    proposal = _proposal(proposal)
    if proposal is None:
        return None
    return _to_proposer("proposal_rejected", proposal, proposal_links(proposal))


def _entry_context(entry):
    proposal = entry.proposal
    return {
        **proposal_links(proposal),
        "entry": entry,
        "byline": entry.byline(municipality_name(proposal.box)),
    }


@builds("trail_entry")
def trail_entry(entry, signature=None):
    """A public trail entry, to the proposer, or to a signer who asked to be kept
    informed (without the proposer's private link)."""
    entry = _entry(entry)
    if entry is None or not entry.public:
        return None
    context = _entry_context(entry)
    if signature is None:
        return _to_proposer("trail_entry", entry.proposal, context)
    signer = (
        entry.proposal.signatures.filter(
            pk=signature, keep_informed=True, confirmed_at__isnull=False
        )
        .filter(flagged=False)
        .first()
    )
    if signer is None:
        return None
    return Mail(
        "trail_entry",
        {**context, "manage_url": ""},
        signer.email,
        (tokens.SIGNER_UNSUBSCRIBE, signer.pk),
    )


def _to_staff(template, user, context):
    user = staff_member(user)
    if user is None:
        return None
    return Mail(template, context, user.email, (tokens.STAFF_UNSUBSCRIBE, user.pk))


@builds("staff_notice")
def staff_notice(user, entry=None, proposal=None):
    """A new proposal to review or a referral to register (`entry`), or a proposal
    overdue for its decision (`proposal`)."""
    if entry is not None:
        entry = _entry(entry)
        if entry is None:
            return None
        context = {
            **_entry_context(entry),
            "manage_url": "",
            "admin_url": admin_url(entry.proposal),
        }
    else:
        proposal = _proposal(proposal)
        if proposal is None:
            return None
        context = {**staff_links(proposal), "overdue": True}
    return _to_staff("staff_notice", user, context)


@builds("answer_reminder")
def answer_reminder(user, proposal=None, promise=None):
    """A referred proposal's answer date (`proposal`) or a dialogue's promise
    (`promise`) is near."""
    if proposal is not None:
        proposal = _proposal(proposal)
        if proposal is None:
            return None
        due = answer_clock.answer_due(proposal)
        return _to_staff("answer_reminder", user, {**staff_links(proposal), "due": due})
    from dialogues.models import DialoguePromise

    box = SuggestionBoxPage.objects.live().first()
    promise = DialoguePromise.objects.select_related("dialogue").filter(pk=promise)
    promise = promise.first()
    if box is None or promise is None:
        return None
    context = {
        "box": box,
        "promise": promise,
        "due": promise.due_date,
        "dialogue_url": promise.dialogue.full_url or "",
    }
    return _to_staff("answer_reminder", user, context)


@builds("signature_confirm")
def signature_confirm(signature):
    # The hottest mail: one small query and the box kept by the worker.
    row = (
        Signature.objects.filter(pk=signature)
        .values("pk", "email", "proposal_id", "proposal__title", "proposal__box_id")
        .first()
    )
    box = row and mail_boxes.box(row["proposal__box_id"])
    if box is None:
        return None
    context = {
        "box": box,
        "signature": {"pk": row["pk"]},
        "proposal": {"pk": row["proposal_id"], "title": row["proposal__title"]},
        "confirm_url": absolute_url(
            box,
            "confirm_signature_view",
            [tokens.make_token(tokens.SIGNATURE_CONFIRM, row["pk"])],
        ),
        "withdraw_url": absolute_url(
            box,
            "manage_signature_view",
            [tokens.make_token(tokens.SIGNATURE_MANAGE, row["pk"])],
        ),
    }
    return Mail("signature_confirm", context, row["email"])


@builds("remove_signatures")
def remove_signatures(signatures, to):
    """The link that removes the signatures still there of those asked for, to
    the address stored with signature `to`."""
    recipient = Signature.objects.filter(pk=to, pk__in=signatures).first()
    ids = sorted(
        Signature.objects.filter(pk__in=signatures).values_list("pk", flat=True)
    )
    if recipient is None or not ids:
        return None
    token = signing.dumps(ids, salt=REMOVAL_SALT, compress=True)
    link = site_address.absolute(reverse("remove_signatures_confirm", args=[token]))
    return Mail("remove_signatures", {"link": link}, recipient.email)

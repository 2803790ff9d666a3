"""E-mails to proposers and signers, sent through the tasks queue after commit."""

import logging
import smtplib
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import default_task_backend, task

from proposals import tokens

MAX_ATTEMPTS = 5
logger = logging.getLogger("delaktig.mail")


@task()
def send_email(subject, body, recipients, attempt=1):
    """Send one e-mail; if the mail server is down, try again later (backing off)
    on a queue that can defer work, so a resident's action never waits for it."""
    try:
        send_mail(subject, body, None, recipients)
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
            subject=subject, body=body, recipients=recipients, attempt=attempt + 1
        )


_muted = ContextVar("proposals_mail_muted", default=False)


@contextmanager
def muted():
    """Send nothing inside this block (used when building demo content)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def queue_email(template, context, recipient):
    """Render now (in the current language) and send once the transaction commits."""
    if _muted.get():
        return
    subject = render_to_string(f"proposals/email/{template}_subject.txt", context)
    body = render_to_string(f"proposals/email/{template}.txt", context)
    subject = " ".join(subject.split())
    transaction.on_commit(
        lambda: send_email.enqueue(subject=subject, body=body, recipients=[recipient])
    )


def absolute_url(box, route, args=(), request=None):
    url = box.get_url(request=request) + box.reverse_subpage(route, args=list(args))
    if request is not None:
        return request.build_absolute_uri(url)
    root = box.get_site().root_url if box.get_site() else ""
    return root + url


def proposal_links(proposal, request=None):
    box = proposal.box
    return {
        "proposal_url": absolute_url(box, "proposal_view", [proposal.pk], request),
        "manage_url": absolute_url(
            box,
            "manage_proposal_view",
            [tokens.make_token(tokens.PROPOSAL_MANAGE, proposal.pk)],
            request,
        ),
    }


def proposal_confirmation(proposal, request=None):
    context = {
        "proposal": proposal,
        "confirm_url": absolute_url(
            proposal.box,
            "confirm_proposal_view",
            [tokens.make_token(tokens.PROPOSAL_CONFIRM, proposal.pk)],
            request,
        ),
        **proposal_links(proposal, request),
    }
    queue_email("proposal_confirm", context, proposal.author_email)


def proposal_rejected(proposal):
    context = {"proposal": proposal, **proposal_links(proposal)}
    queue_email("proposal_rejected", context, proposal.author_email)


def trail_entry(entry, signers=()):
    """Tell the proposer, and signers who asked to be kept informed, of a new entry."""
    proposal = entry.proposal
    context = {"proposal": proposal, "entry": entry, **proposal_links(proposal)}
    queue_email("trail_entry", context, proposal.author_email)
    public_context = {**context, "manage_url": ""}
    for email in signers:
        queue_email("trail_entry", public_context, email)


def signature_confirmation(signature, request=None):
    box = signature.proposal.box
    context = {
        "signature": signature,
        "proposal": signature.proposal,
        "confirm_url": absolute_url(
            box,
            "confirm_signature_view",
            [tokens.make_token(tokens.SIGNATURE_CONFIRM, signature.pk)],
            request,
        ),
        "withdraw_url": absolute_url(
            box,
            "manage_signature_view",
            [tokens.make_token(tokens.SIGNATURE_MANAGE, signature.pk)],
            request,
        ),
    }
    queue_email("signature_confirm", context, signature.email)

"""The personal-data retention policy: what is anonymised, and when.

A submitted proposal is a public document and stays; the contact data residents
gave us only to confirm and to be kept informed does not. Once a proposal has
reached a final state (answered, closed without enough support, rejected or
withdrawn) and DELAKTIG_RETENTION_MONTHS have passed, the proposer's and the
signers' e-mail and IP addresses, and the keyed hashes that stood for signers who
used e-legitimation, are removed. The signature rows, the count and the names
shown publicly stay, so the public record is unchanged.
"""

import logging
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.log_actions import log

from background.retention import purger
from proposals import signature_log
from proposals.constants import Status
from proposals.lifecycle.base import lock
from proposals.models import Proposal, ProposalEdit, Signature

logger = logging.getLogger("delaktig.retention")

FINAL_STATUSES = [
    Status.ANSWERED,
    Status.CLOSED_UNSUPPORTED,
    Status.REJECTED,
    Status.WITHDRAWN,
]
PURGE_ACTION = "delaktig.purge_personal_data"
REDACTED = "[gallrat]"


@dataclass
class PurgeReport:
    proposals: int = 0
    signatures: int = 0
    comments: int = 0


def cutoff(now=None):
    months = settings.DELAKTIG_RETENTION_MONTHS
    return (now or timezone.now()) - relativedelta(months=months)


def due_proposals(now=None):
    """Final proposals whose retention period has run out and that still hold data."""
    ended = Coalesce("answered_at", "closed_at", "rejected_at", "withdrawn_at")
    holds_data = (
        ~Q(author_email="")
        | Q(ip_address__isnull=False)
        | Q(signatures__ip_address__isnull=False)
        | ~Q(signatures__email="")
        | ~Q(signatures__identity_hash="")
        | Q(signatures__show_name=False, signatures__name__gt="")
    )
    return (
        Proposal.objects.filter(status__in=FINAL_STATUSES)
        .alias(ended_at=ended)
        .filter(ended_at__lte=cutoff(now))
        .filter(holds_data)
        .distinct()
    )


def _purge_comments(proposal, addresses):
    """Comment e-mail and IP addresses on the proposal, if comments are attached."""
    from django.contrib.contenttypes.models import ContentType
    from django_comments_xtd.models import XtdComment

    content_type = ContentType.objects.get_for_model(Proposal)
    comments = XtdComment.objects.filter(
        content_type=content_type, object_pk=str(proposal.pk)
    ).exclude(user_email="", ip_address__isnull=True)
    addresses.update(comments.values_list("user_email", flat=True))
    return comments.update(user_email="", ip_address=None)


def purge_proposal(proposal, user=None, addresses=None):
    """Anonymise one proposal's contact data; returns the number of signatures.
    The e-mail addresses removed are added to `addresses` (a set)."""
    addresses = set() if addresses is None else addresses
    with transaction.atomic():
        # Locked as a count change locks it: the log's anonymise entries join
        # the chain in order.
        lock(proposal.pk, with_box=False)
        # E-legitimation signatures hold no address, only the person's key.
        signatures = Signature.objects.filter(proposal=proposal).exclude(
            email="", ip_address__isnull=True, identity_hash=""
        )
        addresses.update(signatures.exclude(email="").values_list("email", flat=True))
        addresses.update(
            Proposal.objects.filter(pk=proposal.pk).values_list(
                "author_email", flat=True
            )
        )
        # The normalised address is replaced by a per-row marker so the
        # one-signature-per-person constraint still holds for the kept rows.
        count, counted = 0, []
        for signature in signatures.only("pk", "confirmed_at", "flagged"):
            Signature.objects.filter(pk=signature.pk).update(
                email="",
                email_normalised=f"anonymised-{signature.pk}",
                ip_address=None,
                identity_hash="",
            )
            count += 1
            if signature.counts:
                counted.append(signature.pk)
        # The log never held their data; it records that it is gone, same count.
        signature_log.anonymised(proposal.pk, counted)
        # Signers who chose not to be shown leave no name or area behind.
        Signature.objects.filter(proposal=proposal, show_name=False).update(
            name="", area=None
        )
        Proposal.objects.filter(pk=proposal.pk).update(author_email="", ip_address=None)
        # A moderator's correction may have removed personal data about others;
        # the text from before the correction is not kept past the retention time.
        for edit in ProposalEdit.objects.filter(proposal=proposal):
            redacted = {
                field: {**change, "before": REDACTED}
                for field, change in edit.changes.items()
                if isinstance(change, dict)
            }
            if redacted != edit.changes:
                ProposalEdit.objects.filter(pk=edit.pk).update(changes=redacted)
        comments = _purge_comments(proposal, addresses)
        log(
            proposal,
            PURGE_ACTION,
            user=user,
            data={"signatures": count, "comments": comments},
        )
    return count, comments


def purge_personal_data(now=None, user=None, addresses=None):
    """Anonymise every proposal that is due. Idempotent: a second run finds nothing.
    The e-mail addresses removed are added to `addresses` (a set)."""
    report = PurgeReport()
    for proposal in due_proposals(now).order_by("pk"):
        signatures, comments = purge_proposal(proposal, user=user, addresses=addresses)
        report.proposals += 1
        report.signatures += signatures
        report.comments += comments
    logger.info(
        "Personal data purged: %s proposals, %s signatures, %s comments",
        report.proposals,
        report.signatures,
        report.comments,
    )
    return report


@purger(
    "proposals",
    models=["proposals.Proposal", "proposals.Signature", "proposals.ProposalEdit"],
    order=10,
)
def purge_ended_proposals(run):
    addresses = set()
    report = purge_personal_data(run.now, run.user, addresses=addresses)
    run.forget(addresses)
    return {
        "anonymised proposals": report.proposals,
        "anonymised signatures": report.signatures,
        "anonymised comments": report.comments,
    }

"""Stored addresses in their canonical form (municipality/mailbox.py), and one
confirmed signature per person where two spellings of one mailbox (a quoted local
part, an IDN domain and its punycode) had been counted as two people.

Of such duplicates on one proposal the earliest confirmed signature is kept (the
earliest counted one, if only some count), the others are deleted, and the
proposal's stored count goes down by each deleted one that counted, so it stays
exact; the kept one keeps the person informed if any of them asked to be."""

from django.db import migrations
from django.db.models import F

from municipality.mailbox import comparable
from proposals.models.signature import normalise_email


def _rank(signature):
    """The one to keep comes first: counted before not counted, then earliest."""
    return (signature.flagged, signature.confirmed_at, signature.pk)


def forward(apps, schema_editor):
    Signature = apps.get_model("proposals", "Signature")
    Proposal = apps.get_model("proposals", "Proposal")
    groups = {}
    for signature in Signature.objects.exclude(email="").iterator():
        signature.email = comparable(signature.email)
        signature.email_normalised = normalise_email(signature.email)
        if signature.confirmed_at is not None:
            key = (signature.proposal_id, signature.email_normalised)
            groups.setdefault(key, []).append(signature)
        else:
            Signature.objects.filter(pk=signature.pk).update(
                email=signature.email, email_normalised=signature.email_normalised
            )
    for (proposal_id, _address), signatures in groups.items():
        kept, *duplicates = sorted(signatures, key=_rank)
        counted = sum(1 for duplicate in duplicates if not duplicate.flagged)
        Signature.objects.filter(pk__in=[d.pk for d in duplicates]).delete()
        if counted:
            Proposal.objects.filter(pk=proposal_id).update(
                signature_count=F("signature_count") - counted
            )
        if any(d.keep_informed for d in duplicates):
            kept.keep_informed = True
        Signature.objects.filter(pk=kept.pk).update(
            email=kept.email,
            email_normalised=kept.email_normalised,
            keep_informed=kept.keep_informed,
        )
    for proposal in Proposal.objects.exclude(author_email="").only("author_email"):
        address = comparable(proposal.author_email)
        if address != proposal.author_email:
            Proposal.objects.filter(pk=proposal.pk).update(author_email=address)


class Migration(migrations.Migration):
    dependencies = [("proposals", "0017_politician_comment_bylines")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

"""Build suggestion boxes, topics, proposals and signatures for tests."""

from django.db.models import F
from django.utils import timezone

from municipality.models import Committee
from proposals import lifecycle
from proposals.constants import DecisionOutcome, RejectionReason, Status
from proposals.models import (
    Proposal,
    Signature,
    SuggestionBoxPage,
    Topic,
)
from proposals.models.signature import normalise_email
from tests.municipality.factories import make_area

PROPOSER_EMAIL = "proposer.secret@example.org"


def make_box(site, **kwargs):
    values = {
        "title": "Förslagslådan",
        "slug": "forslagslada",
        "introduction": "Lämna förslag och stöd andras.",
        "signature_threshold": 3,
        "signing_days": 90,
        **kwargs,
    }
    box = SuggestionBoxPage(**values)
    site.root_page.add_child(instance=box)
    box.save_revision().publish()
    return box


def make_topic(name="Trafik", slug="trafik"):
    return Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def make_proposal(box, topic, status=Status.OPEN, signatures=0, **kwargs):
    """A proposal walked through the real lifecycle to the wanted status."""
    data = {
        "title": "Fler cykelställ vid stationen",
        "text": "Det behövs fler cykelställ vid Resecentrum, de räcker inte till.",
        "topic": topic,
        "area": make_area(),
        "author_name": "Alva Förslagsställare",
        "author_email": PROPOSER_EMAIL,
        **kwargs,
    }
    proposal = lifecycle.submit_proposal(box, ip_address="203.0.113.9", **data)
    if status == Status.SUBMITTED:
        return proposal
    lifecycle.confirm_proposal(proposal.pk)
    if status == Status.IN_MODERATION:
        return _fresh(proposal)
    if status == Status.REJECTED:
        return lifecycle.reject(
            proposal, reason=RejectionReason.OFFENSIVE, message="Kränkande innehåll."
        )
    lifecycle.approve(proposal)
    add_signatures(proposal, signatures)
    if status == Status.OPEN:
        return _fresh(proposal)
    if status == Status.WITHDRAWN:
        return lifecycle.withdraw_proposal(proposal)
    if status == Status.CLOSED_UNSUPPORTED:
        Proposal.objects.filter(pk=proposal.pk).update(signing_deadline=timezone.now())
        lifecycle.enforce_deadline(proposal.pk)
        return _fresh(proposal)
    proposal = _fresh(proposal)
    if proposal.status == Status.OPEN:
        add_signatures(proposal, proposal.threshold - proposal.signature_count)
        lifecycle.refer(proposal)
    if status == Status.ANSWERED:
        lifecycle.answer(proposal, outcome=DecisionOutcome.APPROVED)
    return _fresh(proposal)


def _fresh(proposal):
    return Proposal.objects.get(pk=proposal.pk)


def add_signatures(proposal, count, prefix="signer"):
    """Confirmed signatures straight into the table, with the counter kept exact."""
    if count <= 0:
        return []
    now = timezone.now()
    rows = [
        Signature(
            proposal=proposal,
            name=f"Undertecknare {i}",
            email=f"{prefix}{i}.{proposal.pk}@example.org",
            email_normalised=normalise_email(f"{prefix}{i}.{proposal.pk}@example.org"),
            confirmed_at=now,
        )
        for i in range(count)
    ]
    Signature.objects.bulk_create(rows)
    Proposal.objects.filter(pk=proposal.pk).update(
        signature_count=F("signature_count") + count
    )
    proposal.refresh_from_db()
    return rows


def make_committee(name="Tekniska nämnden", slug="tekniska-namnden", days=60):
    return Committee.objects.get_or_create(
        slug=slug, defaults={"name": name, "expected_handling_days": days}
    )[0]

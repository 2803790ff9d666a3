"""Suggestion boxes, topics, proposals and signatures for tests.

ProposalFactory writes a proposal in the state a test needs, with the dates and
trail entries the lifecycle would have left, without sending or announcing anything.
`walk_proposal` takes the real lifecycle there, for the tests that are about it."""

from datetime import timedelta

import factory
import wagtail_factories
from django.db.models import F
from django.utils import timezone
from factory.django import DjangoModelFactory

from proposals import lifecycle
from proposals.constants import DecisionOutcome, EntryKind, RejectionReason, Status
from proposals.lifecycle.states import DATE_FIELDS, TRANSITION_KINDS
from proposals.models import (
    FeedbackEntry,
    Proposal,
    Signature,
    SuggestionBoxPage,
    Topic,
)
from proposals.models.signature import normalise_email
from tests.municipality.factories import AreaFactory, CommitteeFactory

PROPOSER_EMAIL = "proposer.secret@example.org"
REJECTION_MESSAGE = "Kränkande innehåll."

# The statuses a proposal passes through on its way to each status.
PATHS = {
    Status.SUBMITTED: [],
    Status.IN_MODERATION: [Status.IN_MODERATION],
    Status.REJECTED: [Status.IN_MODERATION, Status.REJECTED],
    Status.OPEN: [Status.IN_MODERATION, Status.OPEN],
    Status.WITHDRAWN: [Status.IN_MODERATION, Status.OPEN, Status.WITHDRAWN],
    Status.CLOSED_UNSUPPORTED: [
        Status.IN_MODERATION,
        Status.OPEN,
        Status.CLOSED_UNSUPPORTED,
    ],
    Status.REFERRED: [Status.IN_MODERATION, Status.OPEN, Status.REFERRED],
    Status.ANSWERED: [
        Status.IN_MODERATION,
        Status.OPEN,
        Status.REFERRED,
        Status.ANSWERED,
    ],
}


class SuggestionBoxPageFactory(wagtail_factories.PageFactory):
    """A published box under `parent` (the site's home page)."""

    class Meta:
        model = SuggestionBoxPage
        skip_postgeneration_save = True

    title = "Förslagslådan"
    slug = "forslagslada"
    introduction = "Lämna förslag och stöd andras."
    signature_threshold = 3
    signing_days = 90

    @factory.post_generation
    def publish(box, create, extracted, **kwargs):
        if create and extracted is not False:
            box.save_revision().publish()


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = "Trafik"
    slug = "trafik"


class SignatureFactory(DjangoModelFactory):
    """A confirmed signature; the proposal's stored count is the caller's to keep."""

    class Meta:
        model = Signature

    name = factory.Sequence(lambda n: f"Undertecknare {n}")
    email = factory.Sequence(lambda n: f"signer{n}@example.org")
    email_normalised = factory.LazyAttribute(lambda row: normalise_email(row.email))
    confirmed_at = factory.LazyFunction(timezone.now)


class ProposalFactory(DjangoModelFactory):
    """A proposal in `status`, with the dates, terms and trail entries of its path.

    `signatures=n` adds n confirmed signatures; referred and answered proposals get
    enough to reach their threshold, and the half-way and threshold entries."""

    class Meta:
        model = Proposal

    box = None
    title = "Fler cykelställ vid stationen"
    text = "Det behövs fler cykelställ vid Resecentrum, de räcker inte till."
    topic = factory.SubFactory(TopicFactory)
    area = factory.SubFactory(AreaFactory)
    author_name = "Alva Förslagsställare"
    author_email = PROPOSER_EMAIL
    ip_address = "203.0.113.9"
    status = Status.OPEN

    @classmethod
    def _create(cls, model_class, *args, status=Status.OPEN, signatures=0, **kwargs):
        """The whole path worked out in memory, then one save: the search index and
        the other save receivers see the proposal once, as they would at its end."""
        proposal = model_class(*args, **kwargs)
        now = timezone.now()
        entries = []
        for step in PATHS[Status(status)]:
            if step == Status.REFERRED:
                proposal.signature_count = max(signatures, proposal.threshold)
                entries += _threshold_entries(proposal, now)
            entries.append(_step(proposal, step, now))
            if step == Status.OPEN:
                proposal.signature_count = signatures
        proposal.last_feedback_at = max(
            (entry.created_at for entry in entries if entry.public), default=None
        )
        proposal.save()
        for entry in entries:
            entry.proposal = proposal
        FeedbackEntry.objects.bulk_create(entries)
        _signature_rows(proposal, 0, proposal.signature_count)
        return proposal


def _step(proposal, target, now):
    """What states.move() leaves for one step: the status, its date, the terms
    and the entry (returned unsaved)."""
    was_public = proposal.is_public
    proposal.status = target
    setattr(proposal, DATE_FIELDS[target], now)
    entry = {}
    if target == Status.OPEN:
        box = proposal.box
        proposal.threshold = box.signature_threshold
        proposal.signing_deadline = now + timedelta(days=box.signing_days)
        proposal.signing_continues_after_referral = box.signing_continues_after_referral
    elif target == Status.REJECTED:
        proposal.rejection_reason = RejectionReason.OFFENSIVE
        proposal.rejection_message = REJECTION_MESSAGE
        entry["text"] = REJECTION_MESSAGE
    elif target == Status.CLOSED_UNSUPPORTED:
        proposal.signing_deadline = now
    elif target == Status.ANSWERED:
        proposal.outcome = DecisionOutcome.APPROVED
        proposal.decided_on = timezone.localdate(now)
        entry.update(
            outcome=proposal.outcome,
            decided_on=proposal.decided_on,
            committee=proposal.committee,
        )
    public = target != Status.REJECTED and (target != Status.WITHDRAWN or was_public)
    return FeedbackEntry(
        kind=TRANSITION_KINDS[target],
        created_at=now,
        public=public,
        status=target,
        **entry,
    )


def _threshold_entries(proposal, now):
    kinds = [EntryKind.MILESTONE_THRESHOLD]
    if proposal.threshold > 1:
        kinds.insert(0, EntryKind.MILESTONE_HALF)
    return [FeedbackEntry(kind=kind, created_at=now) for kind in kinds]


def _signature_rows(proposal, first, count, prefix="signer"):
    """Confirmed signatures numbered from `first`, straight into the table."""
    now = timezone.now()
    rows = [
        SignatureFactory.build(
            proposal=proposal,
            email=f"{prefix}{i}.{proposal.pk}@example.org",
            name=f"Undertecknare {i}",
            confirmed_at=now,
        )
        for i in range(first, first + count)
    ]
    return Signature.objects.bulk_create(rows)


def make_box(site, **kwargs):
    return SuggestionBoxPageFactory(parent=site.root_page, **kwargs)


def make_topic(name="Trafik", slug="trafik"):
    return TopicFactory(name=name, slug=slug)


def make_proposal(box, topic, status=Status.OPEN, signatures=0, **kwargs):
    """A proposal written in the wanted status (see ProposalFactory)."""
    proposal = ProposalFactory(
        box=box, topic=topic, status=status, signatures=signatures, **kwargs
    )
    return Proposal.objects.get(pk=proposal.pk)


def walk_proposal(box, topic, status=Status.OPEN, signatures=0, **kwargs):
    """A proposal taken to the wanted status by the real lifecycle: submitted,
    confirmed, moderated, signed, referred and answered with every announcement."""
    data = {
        "title": "Fler cykelställ vid stationen",
        "text": "Det behövs fler cykelställ vid Resecentrum, de räcker inte till.",
        "topic": topic,
        "area": AreaFactory(),
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
            proposal, reason=RejectionReason.OFFENSIVE, message=REJECTION_MESSAGE
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
    """More confirmed signatures straight into the table, the counter kept exact."""
    if count <= 0:
        return []
    rows = _signature_rows(proposal, proposal.signature_count, count, prefix)
    Proposal.objects.filter(pk=proposal.pk).update(
        signature_count=F("signature_count") + count
    )
    proposal.refresh_from_db()
    return rows


def make_committee(name="Tekniska nämnden", slug="tekniska-namnden", days=60):
    return CommitteeFactory(name=name, slug=slug, expected_handling_days=days)

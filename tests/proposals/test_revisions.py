"""Invariant 3: publishing or reverting the box's revisions never touches lifecycle
data (status, counts, dates, terms, trail)."""

import pytest

from proposals import lifecycle
from proposals.constants import Status
from proposals.models import Proposal, SuggestionBoxPage

pytestmark = pytest.mark.django_db

LIFECYCLE_FIELDS = [
    "status",
    "signature_count",
    "threshold",
    "signing_continues_after_referral",
    "created_at",
    "confirmed_at",
    "opened_at",
    "signing_deadline",
    "referred_at",
    "closed_at",
]


def snapshot(proposal):
    proposal = Proposal.objects.get(pk=proposal.pk)
    values = {name: getattr(proposal, name) for name in LIFECYCLE_FIELDS}
    values["trail"] = list(proposal.trail.values_list("status", "created_at"))
    return values


def test_publishing_and_reverting_revisions_keeps_lifecycle_data(box, proposal_factory):
    first_revision = box.latest_revision
    opened = proposal_factory(Status.OPEN, title="Öppet", signatures=1)
    referred = proposal_factory(Status.REFERRED, title="Lämnat")
    before = {p.pk: snapshot(p) for p in (opened, referred)}

    box = SuggestionBoxPage.objects.get(pk=box.pk)
    box.signature_threshold = 500
    box.signing_days = 10
    box.signing_continues_after_referral = False
    box.save_revision().publish()
    assert {p.pk: snapshot(p) for p in (opened, referred)} == before

    # Revert to the first revision and publish it, as an editor would.
    first_revision.publish()
    box.refresh_from_db()
    assert box.signature_threshold == 3
    assert {p.pk: snapshot(p) for p in (opened, referred)} == before

    # The lifecycle goes on from where it was, not from where the revision was.
    signature = lifecycle.sign(opened, name="Ny", email="ny@example.org")
    lifecycle.confirm_signature(signature.pk)
    assert Proposal.objects.get(pk=opened.pk).signature_count == 2


def test_new_terms_apply_only_to_proposals_opened_afterwards(box, proposal_factory):
    running = proposal_factory(Status.OPEN, title="Redan öppet")
    box.signature_threshold = 250
    box.save_revision().publish()
    later = proposal_factory(Status.OPEN, title="Öppnat senare")
    assert Proposal.objects.get(pk=running.pk).threshold == 3
    assert Proposal.objects.get(pk=later.pk).threshold == 250

"""The Mittköping demo: proposals in every state, as the issue asks."""

import io

import pytest
from django.core.management import call_command

from proposals import lifecycle
from proposals.constants import Status
from proposals.models import Proposal, SuggestionBoxPage

pytestmark = pytest.mark.django_db


def test_demo_has_proposals_in_every_state():
    call_command("load_demo", stdout=io.StringIO())
    box = SuggestionBoxPage.objects.live().get()
    proposals = Proposal.objects.filter(box=box)
    assert proposals.count() >= 12
    assert set(proposals.values_list("status", flat=True)) == set(Status.values)
    assert proposals.filter(signature_count__gte=200).count() >= 2
    assert proposals.filter(
        status=Status.OPEN, signature_count=box.signature_threshold - 1
    ).exists()
    rejected = proposals.get(status=Status.REJECTED)
    assert rejected.rejection_reason and rejected.rejection_message
    assert lifecycle.reconcile_counts(fix=False) == []
    for proposal in proposals.filter(status=Status.OPEN):
        assert proposal.signing_open

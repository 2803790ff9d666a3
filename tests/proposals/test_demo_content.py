"""The Mittköping demo: proposals in every state, as the issue asks."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from municipality.models import Committee
from proposals import lifecycle
from proposals.constants import EntryKind, Status
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


def test_demo_tells_its_story_in_a_believable_order():
    """Each public proposal's trail runs from its publication to before today,
    in order, on weekdays; referrals come before their decisions, decisions within
    the committee's handling time; signing closes when its deadline passed."""
    call_command("load_demo", stdout=io.StringIO())
    today = timezone.localdate()
    for proposal in Proposal.objects.exclude(opened_at=None):
        later = list(
            proposal.trail.exclude(
                kind__in=[EntryKind.RECEIVED, EntryKind.PUBLISHED]
            ).order_by("pk")
        )
        dates = [entry.created_at for entry in later]
        assert dates == sorted(dates), proposal.title
        for entry in later:
            assert proposal.opened_at < entry.created_at, proposal.title
            assert timezone.localdate(entry.created_at) < today, proposal.title
            if entry.kind != EntryKind.CLOSED:
                assert timezone.localtime(entry.created_at).weekday() < 5
        if proposal.referred_at:  # referred while signing was still open
            assert proposal.referred_at < proposal.signing_deadline, proposal.title
        if proposal.answered_at:
            assert proposal.referred_at < proposal.answered_at
            assert proposal.answered_at <= proposal.handling_deadline, proposal.title
        if proposal.status == Status.CLOSED_UNSUPPORTED:
            closed = proposal.trail.get(kind=EntryKind.CLOSED)
            assert closed.created_at == proposal.signing_deadline
        signed = proposal.signatures.values_list("confirmed_at", flat=True)
        assert all(proposal.opened_at <= moment for moment in signed if moment)


def test_demo_committees_are_the_municipalitys_own():
    """Health care is the region's: the demo has no committee for it."""
    call_command("load_demo", stdout=io.StringIO())
    names = " ".join(Committee.objects.values_list("name", flat=True))
    assert "sjukvård" not in names.lower()

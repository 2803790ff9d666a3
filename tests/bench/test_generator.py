"""generate_bench_data keeps the invariants the site relies on."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q

from proposals.constants import LISTED_STATUSES, EntryKind, Status
from proposals.lifecycle.counting import sets_off
from proposals.models import FeedbackEntry, Proposal, Signature

pytestmark = pytest.mark.django_db

STATE_ENTRY = {
    Status.OPEN: EntryKind.PUBLISHED,
    Status.REFERRED: EntryKind.REFERRED,
    Status.ANSWERED: EntryKind.DECISION,
    Status.CLOSED_UNSUPPORTED: EntryKind.CLOSED,
    Status.WITHDRAWN: EntryKind.WITHDRAWN,
}


def generate(**options):
    call_command("generate_bench_data", stdout=__import__("io").StringIO(), **options)


def test_counts_emails_and_trail_hold(bench_site):
    generate(dialogues=2, proposals=120, signatures=900, trail=5)
    proposals = Proposal.objects.annotate(
        rows=Count(
            "signatures",
            filter=Q(signatures__confirmed_at__isnull=False, signatures__flagged=False),
        )
    )
    assert proposals.count() == 120  # the generator alone, no demo proposals
    assert not proposals.exclude(rows=F("signature_count")).exists()
    assert Signature.objects.count() == 900
    duplicates = (
        Signature.objects.values("proposal", "email_normalised")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert not duplicates.exists()
    assert set(Proposal.objects.values_list("status", flat=True)) >= set(
        LISTED_STATUSES
    )
    for status, kind in STATE_ENTRY.items():
        for proposal in Proposal.objects.filter(status=status):
            assert proposal.trail.filter(kind=kind, public=True).exists(), proposal
            assert proposal.trail.filter(kind=EntryKind.PUBLISHED).exists()
    unpublished = Proposal.objects.filter(
        status__in=[Status.SUBMITTED, Status.IN_MODERATION, Status.REJECTED]
    )
    assert (
        not FeedbackEntry.objects.filter(proposal__in=unpublished, public=True)
        .exclude(kind=EntryKind.RECEIVED)
        .exists()
    )
    assert not Signature.objects.filter(proposal__in=unpublished).exists()


def test_running_twice_adds_without_clashing(bench_site):
    generate(dialogues=1, proposals=20, signatures=100, no_index=True)
    generate(dialogues=1, proposals=20, signatures=100, no_index=True)
    assert Proposal.objects.count() == 40
    assert Signature.objects.count() == 200


def test_refuses_production_settings(bench_site, settings):
    settings.SETTINGS_MODULE = "delaktig_site.settings.production"
    with pytest.raises(CommandError, match="production"):
        generate(proposals=1, signatures=0)
    assert not Proposal.objects.exists()


def test_open_proposals_can_be_signed_without_setting_anything_off(bench_site):
    """A signing run must measure signing, not referrals: no open proposal is
    within `headroom` signatures of its threshold or its half-way mark."""
    generate(dialogues=1, proposals=60, signatures=5000, headroom=300, no_index=True)
    open_proposals = Proposal.objects.filter(status=Status.OPEN)
    assert open_proposals.filter(signature_count__gt=300).exists()  # the popular one
    for p in open_proposals:
        assert not sets_off(p.signature_count, p.signature_count + 300, p.threshold), p


def test_open_past_threshold_on_request(bench_site):
    generate(proposals=60, signatures=5000, open_past_threshold=True, no_index=True)
    popular = Proposal.objects.filter(status=Status.OPEN).order_by("-signature_count")
    assert popular[0].signature_count >= popular[0].threshold


def test_every_generated_signature_is_in_a_verifiable_log(bench_site):
    import io

    from proposals.models import SignatureLogEntry

    generate(dialogues=1, proposals=40, signatures=300)
    counted = Signature.objects.filter(confirmed_at__isnull=False, flagged=False)
    assert SignatureLogEntry.objects.count() == counted.count()
    out = io.StringIO()
    call_command("verify_signature_log", all=True, stdout=out)
    checked = Proposal.objects.filter(signature_count__gt=0).count()
    assert f"{checked} logs checked, 0 broken, 0 with another count" in out.getvalue()

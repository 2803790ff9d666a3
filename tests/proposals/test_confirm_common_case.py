"""The confirmation's common case in two statements (lifecycle/fast_confirm.py),
and every other case left to the full confirmation with the same outcome."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from proposals import lifecycle
from proposals.constants import EntryKind, Status
from proposals.lifecycle import fast_confirm
from proposals.models import Proposal, Signature
from tests.proposals.factories import make_box
from tests.proposals.helpers import sign_data

pytestmark = pytest.mark.django_db


def signed(proposal, email="eva@example.org", **data):
    return lifecycle.sign(proposal, name="Eva", email=email, **data)


def count_of(proposal):
    return Proposal.objects.get(pk=proposal.pk).signature_count


def with_threshold(proposal_factory, threshold, **fields):
    proposal = proposal_factory("open")
    Proposal.objects.filter(pk=proposal.pk).update(threshold=threshold, **fields)
    return Proposal.objects.get(pk=proposal.pk)


def statements(captured):
    """The SQL run, without transaction and savepoint control."""
    control = ("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT", "ROLLBACK")
    return [
        q["sql"].split()[0].upper()
        for q in captured.captured_queries
        if not q["sql"].upper().startswith(control)
    ]


def test_the_common_case_is_two_updates_the_log_insert_and_counts(open_proposal):
    signature = signed(open_proposal)
    box = open_proposal.box  # the caller's page, read before
    with CaptureQueriesContext(connection) as captured:
        result = lifecycle.confirm_link(signature.pk, box=box)
    assert result == (lifecycle.CONFIRMED, open_proposal.pk)
    # The second UPDATE returns the signature log's last entry (signature_log.py).
    assert statements(captured) == ["UPDATE", "UPDATE", "INSERT"]
    assert count_of(open_proposal) == 1
    assert Signature.objects.get(pk=signature.pk).confirmed_at is not None
    assert lifecycle.reconcile_counts(fix=False) == []


def test_a_link_for_another_box_changes_nothing(open_proposal, site):
    signature = signed(open_proposal)
    other = make_box(site, title="Ungdomsförslag", slug="ungdom")
    with pytest.raises(Signature.DoesNotExist):
        lifecycle.confirm_link(signature.pk, box=other)
    assert Signature.objects.get(pk=signature.pk).confirmed_at is None
    assert count_of(open_proposal) == 0


def test_a_flagged_signature_is_confirmed_but_not_counted(open_proposal):
    signature = signed(open_proposal, flagged=True)
    result = lifecycle.confirm_link(signature.pk, box=open_proposal.box)
    assert result == (lifecycle.CONFIRMED_FLAGGED, open_proposal.pk)
    assert Signature.objects.get(pk=signature.pk).confirmed_at is not None
    assert count_of(open_proposal) == 0


def test_a_passed_deadline_closes_the_proposal_and_does_not_count(open_proposal):
    signature = signed(open_proposal)
    Proposal.objects.filter(pk=open_proposal.pk).update(
        signing_deadline=timezone.now() - timedelta(seconds=1)
    )
    result = lifecycle.confirm_link(signature.pk, box=open_proposal.box)
    assert result == (lifecycle.CLOSED, open_proposal.pk)
    proposal = Proposal.objects.get(pk=open_proposal.pk)
    assert (proposal.status, proposal.signature_count) == (
        Status.CLOSED_UNSUPPORTED,
        0,
    )


@pytest.mark.parametrize(
    ("continues", "expected", "count"),
    [(True, lifecycle.CONFIRMED, 4), (False, lifecycle.CLOSED, 3)],
)
def test_after_referral_it_counts_only_while_signing_continues(
    proposal_factory, continues, expected, count
):
    proposal = with_threshold(
        proposal_factory, 3, signing_continues_after_referral=continues
    )
    signature = signed(proposal)
    for number in range(3):
        lifecycle.confirm_signature(signed(proposal, f"p{number}@example.org").pk)
    assert Proposal.objects.get(pk=proposal.pk).status == Status.REFERRED
    assert lifecycle.confirm_signature(signature.pk) == expected
    assert count_of(proposal) == count


def test_the_half_way_mark_and_the_threshold_are_written_once(proposal_factory):
    proposal = with_threshold(proposal_factory, 4)
    for number in range(5):
        lifecycle.confirm_signature(signed(proposal, f"p{number}@example.org").pk)
    proposal = Proposal.objects.get(pk=proposal.pk)
    assert proposal.status == Status.REFERRED
    kinds = list(proposal.trail.values_list("kind", flat=True))
    assert kinds.count(EntryKind.MILESTONE_HALF) == 1
    assert kinds.count(EntryKind.REFERRED) == 1
    assert proposal.signature_count == 5


def test_an_open_proposal_already_over_its_threshold_is_referred(proposal_factory):
    """As the full confirmation does: the count at or over the threshold refers it,
    also when it got there without a confirmation (a lowered threshold)."""
    proposal = with_threshold(proposal_factory, 1)
    Proposal.objects.filter(pk=proposal.pk).update(signature_count=1)
    lifecycle.confirm_signature(signed(proposal).pk)
    proposal = Proposal.objects.get(pk=proposal.pk)
    assert proposal.status == Status.REFERRED
    assert proposal.trail.filter(kind=EntryKind.REFERRED).count() == 1
    assert proposal.signature_count == 2


def test_a_second_signature_of_one_person_is_removed(open_proposal):
    first = signed(open_proposal)
    again = signed(open_proposal, "Eva+igen@EXAMPLE.org")
    assert lifecycle.confirm_link(first.pk, box=open_proposal.box)[0] == (
        lifecycle.CONFIRMED
    )
    assert lifecycle.confirm_link(again.pk, box=open_proposal.box)[0] == (
        lifecycle.DUPLICATE
    )
    assert not Signature.objects.filter(pk=again.pk).exists()
    assert count_of(open_proposal) == 1


def test_a_confirmation_that_no_longer_applies_rolls_the_count_back(open_proposal):
    """Should the signature change between the two statements (confirmed by a second
    click, flagged by a communicator), the count is rolled back and the full
    confirmation decides."""
    signature = signed(open_proposal)
    matches_nothing = fast_confirm.CONFIRM_SQL.replace("WHERE", "WHERE 1 = 0 AND")
    with mock.patch.object(fast_confirm, "CONFIRM_SQL", matches_nothing):
        assert fast_confirm.confirm_counted(signature.pk, None, timezone.now()) is None
    assert count_of(open_proposal) == 0
    assert Signature.objects.get(pk=signature.pk).confirmed_at is None
    assert lifecycle.confirm_signature(signature.pk) == lifecycle.CONFIRMED
    assert count_of(open_proposal) == 1


def test_the_sign_form_reads_its_proposal_in_one_plain_statement(open_proposal):
    box = open_proposal.box
    with CaptureQueriesContext(connection) as captured:
        proposal = lifecycle.proposal_to_sign(box, open_proposal.pk)
        assert proposal.pk == open_proposal.pk and proposal.signing_open
        assert proposal.signing_deadline == open_proposal.signing_deadline  # aware
        assert proposal.box == box and proposal.title == open_proposal.title
    assert len(captured.captured_queries) == 1


def test_the_sign_form_finds_no_proposal_of_another_box_or_unpublished(
    open_proposal, proposal_factory, site
):
    other = make_box(site, title="Ungdomsförslag", slug="ungdom")
    assert lifecycle.proposal_to_sign(other, open_proposal.pk) is None
    moderated = proposal_factory(Status.IN_MODERATION)
    assert lifecycle.proposal_to_sign(moderated.box, moderated.pk) is None
    withdrawn = proposal_factory(Status.WITHDRAWN)
    assert lifecycle.proposal_to_sign(withdrawn.box, withdrawn.pk).is_public


def test_a_sign_post_to_a_proposal_of_another_box_is_404(client, open_proposal, site):
    other = make_box(site, title="Ungdomsförslag", slug="ungdom")
    url = other.url + f"forslag/{open_proposal.pk}/skriv-under/"
    assert client.post(url, sign_data()).status_code == 404
    assert not Signature.objects.exists()


def test_the_confirmation_email_names_the_proposal(client, open_proposal):
    mail.outbox.clear()
    response = client.post(open_proposal.get_url() + "skriv-under/", sign_data())
    assert response.status_code == 302
    assert "Fler bänkar i Stadsparken" in mail.outbox[-1].body

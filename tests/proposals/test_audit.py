"""Every lifecycle transition and flag clearance is in Wagtail's history, with the
acting user when a communicator acted and without one when the system did."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from proposals import lifecycle
from proposals.audit import SIGNATURE_CLEARED, transition_action
from proposals.constants import Status
from proposals.models import Proposal, Signature
from tests.proposals.factories import add_signatures

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_proposals_proposal"
SIG_NS = "wagtailsnippets_proposals_signature"


def actions_for(obj):
    return list(
        ModelLogEntry.objects.filter(object_id=str(obj.pk))
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


def test_every_status_has_a_registered_audit_action():
    for status in Status.values:
        assert registry.action_exists(transition_action(status))
    assert registry.action_exists(SIGNATURE_CLEARED)


def test_whole_lifecycle_is_recorded(walked_proposal):
    proposal = walked_proposal(Status.ANSWERED)
    recorded = [action for action, _user in actions_for(proposal)]
    for status in (
        Status.IN_MODERATION,
        Status.OPEN,
        Status.REFERRED,
        Status.ANSWERED,
    ):
        assert transition_action(status) in recorded


def test_communicator_approval_is_recorded_with_the_user(
    client, site, proposal_factory
):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="kommunikator"))
    proposal = proposal_factory(Status.IN_MODERATION)
    client.post(reverse(f"{NS}:approve", args=[proposal.pk]))
    assert (transition_action(Status.OPEN), "kommunikator") in actions_for(proposal)


def test_deadline_sweep_is_recorded_without_a_user(proposal_factory):
    proposal = proposal_factory(Status.OPEN)
    Proposal.objects.filter(pk=proposal.pk).update(signing_deadline=timezone.now())
    call_command("close_expired_proposals", verbosity=0)
    assert (transition_action(Status.CLOSED_UNSUPPORTED), None) in actions_for(proposal)


def test_withdrawal_and_rejection_are_recorded(walked_proposal):
    withdrawn = walked_proposal(Status.WITHDRAWN)
    rejected = walked_proposal(Status.REJECTED)
    assert (transition_action(Status.WITHDRAWN), None) in actions_for(withdrawn)
    assert (transition_action(Status.REJECTED), None) in actions_for(rejected)


def test_flag_clearance_is_recorded_with_the_user(client, site, open_proposal):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="kommunikator"))
    signature = lifecycle.sign(
        open_proposal, name="Flaggad", email="flaggad@example.org", flagged=True
    )
    lifecycle.confirm_signature(signature.pk)
    client.post(reverse(f"{SIG_NS}:clear", args=[signature.pk]))
    assert (SIGNATURE_CLEARED, "kommunikator") in actions_for(
        Signature.objects.get(pk=signature.pk)
    )


def test_threshold_referral_is_recorded(proposal_factory):
    proposal = proposal_factory(Status.OPEN)
    add_signatures(proposal, proposal.threshold - 1)
    signature = lifecycle.sign(proposal, name="Sista", email="sista@example.org")
    lifecycle.confirm_signature(signature.pk)
    assert Proposal.objects.get(pk=proposal.pk).status == Status.REFERRED
    assert (transition_action(Status.REFERRED), None) in actions_for(proposal)


def test_history_is_visible_to_administrators(admin_client, site, walked_proposal):
    proposal = walked_proposal(Status.OPEN)
    response = admin_client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert "Förslaget fick status" in response.content.decode()
    assert proposal.title in response.content.decode()


def test_flag_cannot_be_cleared_after_signing_closed(proposal_factory):
    proposal = proposal_factory(Status.OPEN)
    signature = lifecycle.sign(
        proposal, name="Sen", email="sen@example.org", flagged=True
    )
    lifecycle.confirm_signature(signature.pk)
    Proposal.objects.filter(pk=proposal.pk).update(signing_deadline=timezone.now())
    lifecycle.enforce_deadline(proposal.pk)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.clear_signature(Signature.objects.get(pk=signature.pk))
    closed = Proposal.objects.get(pk=proposal.pk)
    assert closed.status == Status.CLOSED_UNSUPPORTED
    assert closed.signature_count == 0
    assert Signature.objects.get(pk=signature.pk).flagged

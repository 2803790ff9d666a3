"""One committee model: proposals are referred to municipality.Committee."""

import pytest
from django.apps import apps
from django.urls import reverse

from municipality.models import Committee
from proposals import lifecycle

pytestmark = pytest.mark.django_db


def test_the_duplicate_committee_model_is_gone():
    with pytest.raises(LookupError):
        apps.get_model("proposals", "Committee")


def test_communicators_manage_committees(client, communicator_user):
    client.force_login(communicator_user)
    assert (
        client.get(reverse("wagtailsnippets_municipality_committee:list")).status_code
        == 200
    )
    response = client.post(
        reverse("wagtailsnippets_municipality_committee:add"),
        {
            "name": "Miljönämnden",
            "slug": "miljonamnden",
            "expected_handling_days": "30",
        },
    )
    assert response.status_code == 302
    assert Committee.objects.get(slug="miljonamnden").expected_handling_days == 30


def test_handling_days_out_of_range_are_refused(client, communicator_user):
    client.force_login(communicator_user)
    response = client.post(
        reverse("wagtailsnippets_municipality_committee:add"),
        {"name": "Miljönämnden", "slug": "miljonamnden", "expected_handling_days": "0"},
    )
    assert response.status_code == 200
    assert not Committee.objects.filter(slug="miljonamnden").exists()


def test_referral_and_politicians_use_the_dialogue_committee(
    registered_proposal, politician, committee
):
    assert isinstance(registered_proposal.committee, Committee)
    assert list(committee.proposals.all()) == [registered_proposal]
    assert list(committee.politicians.all()) == [politician.politician_profile]
    assert registered_proposal.trail.filter(committee=committee).exists()


def test_committee_without_handling_time_gives_no_deadline(proposal_factory):
    committee = Committee.objects.create(name="Valnämnden", slug="valnamnden")
    proposal = proposal_factory("referred")
    lifecycle.register_referral(proposal, committee=committee, case_number="VN 1")
    proposal.refresh_from_db()
    assert proposal.handling_days is None
    assert proposal.handling_deadline is None
    assert not proposal.is_overdue()

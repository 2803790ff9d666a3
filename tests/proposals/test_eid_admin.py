"""The signature method in the admin: the box's choice, and a communicator's
choice for one proposal until it is published (issue 23)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from proposals import lifecycle
from proposals.constants import SignatureMethod, Status
from proposals.models import Proposal

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_proposals_proposal"


@pytest.fixture
def communicator(client, site):
    from django.contrib.auth.models import User

    user = User.objects.get(username="kommunikator")
    client.force_login(user)
    return user


def _edit(client, proposal, method):
    return client.post(
        reverse(f"{NS}:edit", args=[proposal.pk]),
        {
            "title": proposal.title,
            "text": proposal.text,
            "topic": proposal.topic_id,
            "area": proposal.area_id,
            "author_name": proposal.author_name,
            "signature_method": method,
        },
    )


def test_a_communicator_chooses_the_method_before_publishing(
    client, communicator, box, proposal_factory
):
    assert box.signature_method == SignatureMethod.EMAIL
    proposal = proposal_factory(Status.IN_MODERATION)
    page = client.get(reverse(f"{NS}:edit", args=[proposal.pk])).content.decode()
    assert "underskrifter bekräftas med" in page.lower()
    assert _edit(client, proposal, SignatureMethod.EID).status_code == 302
    assert Proposal.objects.get(pk=proposal.pk).signature_method == "eid"
    lifecycle.approve(Proposal.objects.get(pk=proposal.pk), user=communicator)
    assert Proposal.objects.get(pk=proposal.pk).signing_method == "eid"


def test_publishing_fixes_the_box_s_method(box, proposal_factory):
    box.signature_method = SignatureMethod.EITHER
    box.save()
    proposal = proposal_factory(Status.IN_MODERATION)
    lifecycle.approve(proposal)
    box.signature_method = SignatureMethod.EMAIL
    box.save()
    published = Proposal.objects.get(pk=proposal.pk)
    assert published.signature_method == SignatureMethod.EITHER
    assert published.takes_eid_signatures


def test_the_method_of_a_published_proposal_cannot_change(
    client, communicator, proposal_factory
):
    proposal = proposal_factory(Status.OPEN, signature_method=SignatureMethod.EID)
    page = client.get(reverse(f"{NS}:edit", args=[proposal.pk])).content.decode()
    assert "Fastställt när förslaget publicerades." in page
    assert _edit(client, proposal, SignatureMethod.EMAIL).status_code == 302
    assert Proposal.objects.get(pk=proposal.pk).signature_method == "eid"


def test_a_proposal_published_meanwhile_keeps_its_method(proposal_factory):
    proposal = proposal_factory(Status.OPEN, signature_method=SignatureMethod.EID)
    assert not lifecycle.choose_signature_method(proposal, SignatureMethod.EMAIL)
    assert Proposal.objects.get(pk=proposal.pk).signature_method == "eid"
    with pytest.raises(ValueError, match="unknown"):
        lifecycle.choose_signature_method(proposal, "carrier-pigeon")


def test_a_box_asks_for_e_legitimation_only_where_the_site_offers_it(box, settings):
    box.signature_method = SignatureMethod.EITHER
    box.eid_residents_only = True
    box.full_clean()  # the test settings have a provider and a residence claim
    settings.DELAKTIG_EID_MUNICIPALITY_CLAIM = ""
    with pytest.raises(ValidationError) as refused:
        box.full_clean()
    assert set(refused.value.message_dict) == {"eid_residents_only"}
    settings.DELAKTIG_EID_ISSUER = ""
    box.eid_residents_only = False
    with pytest.raises(ValidationError) as refused:
        box.full_clean()
    assert "DELAKTIG_EID_ISSUER" in refused.value.message_dict["signature_method"][0]
    box.signature_method = SignatureMethod.EMAIL
    box.full_clean()

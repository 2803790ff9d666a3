"""Submitting where the box requires e-legitimation, and linking an e-mail
signature with e-legitimation so its signer counts once (issue 23)."""

import re

import pytest
from django.core import mail

from proposals import signature_log
from proposals.constants import ConfirmedBy, SignatureMethod, Status
from proposals.models import Proposal, Signature
from tests.eid_helpers import TOLVAN, at_broker, eid_sign
from tests.proposals.helpers import link_containing, sign_data, submit_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eid_http")]


@pytest.fixture
def eid_box(box):
    box.submit_requires_eid = True
    box.save()
    return box


def _submit_url(box):
    return box.url + box.reverse_subpage("submit_view")


def test_a_box_requiring_e_legitimation_stores_the_proposal_after_it(
    client, eid_box, topic
):
    response = client.post(_submit_url(eid_box), submit_data(topic))
    assert response.status_code == 302
    assert "/test-e-legitimation/authorize/" in response["Location"]
    assert not Proposal.objects.exists()  # nothing before the identification
    back = at_broker(client, response["Location"])
    done = client.get(back)
    assert done["Location"].endswith("lamna-forslag/tack/")
    proposal = Proposal.objects.get()
    assert proposal.proposer_identified
    assert proposal.status == Status.SUBMITTED
    assert proposal.author_email == "alva.privat@example.org"
    assert mail.outbox[-1].to == ["alva.privat@example.org"]  # confirm as usual


def test_a_cancelled_identification_gives_the_form_back_as_typed(
    client, eid_box, topic
):
    response = client.post(_submit_url(eid_box), submit_data(topic))
    back = at_broker(client, response["Location"], cancel=True)
    returned = client.get(back)
    assert returned["Location"] == _submit_url(eid_box)
    page = client.get(returned["Location"]).content.decode()
    assert "Du avbröt legitimeringen" in page
    assert "Fler cykelställ vid Resecentrum" in page
    assert "alva.privat@example.org" in page
    assert not Proposal.objects.exists()


def test_a_box_without_the_requirement_submits_as_before(client, box, topic):
    response = client.post(_submit_url(box), submit_data(topic))
    assert response["Location"].endswith("lamna-forslag/tack/")
    assert not Proposal.objects.get().proposer_identified


def test_the_submit_form_says_the_proposer_will_identify(client, eid_box, topic):
    preview = client.post(_submit_url(eid_box), submit_data(topic, action="preview"))
    assert "Skicka och legitimera dig" in preview.content.decode()


def _email_signature(client, proposal):
    client.post(proposal.get_url() + "skriv-under/", sign_data())
    confirm = link_containing("/bekrafta-underskrift/", to="bertil.privat@example.org")
    response = client.post(confirm)
    assert "räknas nu" in response.content.decode()
    return response


def _manage_link(response):
    return re.search(
        r'href="([^"]*/min-underskrift/[^"]*)"', response.content.decode()
    ).group(1)


@pytest.fixture
def either(proposal_factory):
    return proposal_factory("open", signature_method=SignatureMethod.EITHER)


def test_unlinked_the_two_methods_count_twice(client, either):
    _email_signature(client, either)
    eid_sign(client, either)
    either.refresh_from_db()
    assert either.signature_count == 2


def test_linking_after_signing_both_ways_counts_the_person_once(client, either):
    manage = _manage_link(_email_signature(client, either))
    eid_sign(client, either)
    page = client.get(manage).content.decode()
    assert "Bekräfta med e-legitimation" in page
    started = client.post(manage + "e-legitimation/")
    back = at_broker(client, started["Location"])
    done = client.get(back)
    assert done["Location"] == manage
    assert "Nu räknas du en gång" in client.get(manage).content.decode()
    either.refresh_from_db()
    assert either.signature_count == 1
    signature = Signature.objects.get(proposal=either)
    assert signature.method == ConfirmedBy.EMAIL
    assert len(signature.identity_hash) == 64
    log = signature_log.verify(signature_log.csv_text(either.pk))
    assert (log.count, log.entries) == (1, 3)  # email add, eid add, eid withdraw


def test_a_linked_signer_cannot_sign_again_with_e_legitimation(client, either):
    manage = _manage_link(_email_signature(client, either))
    started = client.post(manage + "e-legitimation/")
    client.get(at_broker(client, started["Location"]))
    assert "kopplad till din e-legitimation" in client.get(manage).content.decode()
    again = eid_sign(client, either, pin=TOLVAN)
    assert again["Location"] == either.get_url()
    either.refresh_from_db()
    assert either.signature_count == 1


def test_linking_is_offered_only_where_both_methods_count(client, proposal_factory):
    proposal = proposal_factory("open", signature_method=SignatureMethod.EMAIL)
    manage = _manage_link(_email_signature(client, proposal))
    assert "Bekräfta med e-legitimation" not in client.get(manage).content.decode()
    response = client.post(manage + "e-legitimation/")
    assert response.status_code == 302
    assert "authorize" not in response["Location"]

"""Signing with e-legitimation through the local test identity provider: counted
once per person, the box's and the proposal's method, cancel and failure back on
the proposal with a message, the receipt, and the log's method column."""

import re

import pytest

from proposals import signature_log
from proposals.constants import ConfirmedBy, SignatureMethod
from proposals.models import Signature, SignatureLogEntry
from tests.eid_helpers import (
    ELSEWHERE,
    TOLVAN,
    at_broker,
    eid_sign,
    to_broker,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eid_http")]


@pytest.fixture
def eid_proposal(proposal_factory):
    return proposal_factory(
        "open", title="Fler bänkar i Stadsparken", signature_method="eid"
    )


def test_a_signature_with_e_legitimation_counts_at_once(client, eid_proposal):
    response = eid_sign(client, eid_proposal, name="Tolvan T", show_name="on")
    assert response.status_code == 302
    assert response["Location"] == eid_proposal.get_url() + "underskriven/"
    page = client.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200
    assert "Du har skrivit under med e-legitimation" in text
    assert "Ditt personnummer har inte sparats" in text
    signature = Signature.objects.get()
    assert signature.method == ConfirmedBy.EID
    assert signature.confirmed_at is not None
    assert signature.email == ""
    assert signature.ip_address is None
    assert len(signature.identity_hash) == 64
    assert signature.email_normalised == f"eid:{signature.identity_hash}"
    eid_proposal.refresh_from_db()
    assert eid_proposal.signature_count == 1
    entry = SignatureLogEntry.objects.get(proposal=eid_proposal)
    assert entry.method == "eid"
    verified = signature_log.verify(signature_log.csv_text(eid_proposal.pk))
    assert (verified.count, verified.by_eid) == (1, 1)
    assert "Tolvan T" in client.get(eid_proposal.get_url()).content.decode()


def test_the_same_person_counts_once(client, eid_proposal):
    eid_sign(client, eid_proposal)
    second = eid_sign(client, eid_proposal, name="Another name")
    assert second.status_code == 302
    assert second["Location"] == eid_proposal.get_url()
    page = client.get(second["Location"]).content.decode()
    assert "Du har redan skrivit under det här förslaget" in page
    eid_proposal.refresh_from_db()
    assert eid_proposal.signature_count == 1
    assert Signature.objects.count() == 1


def test_two_people_count_twice(client, eid_proposal):
    eid_sign(client, eid_proposal)
    eid_sign(client, eid_proposal, pin="190001011006")
    eid_proposal.refresh_from_db()
    assert eid_proposal.signature_count == 2


def test_cancel_at_the_provider_comes_back_with_a_message(client, eid_proposal):
    started = to_broker(client, eid_proposal)
    back = at_broker(client, started["Location"], cancel=True)
    assert "error=access_denied" in back
    response = client.get(back)
    assert response.status_code == 302
    assert response["Location"] == eid_proposal.get_url()
    page = client.get(response["Location"]).content.decode()
    assert "Du avbröt legitimeringen. Ingen underskrift har lämnats." in page
    assert not Signature.objects.exists()


def test_the_box_setting_chooses_the_forms(client, box, proposal_factory):
    box.signature_method = SignatureMethod.EITHER
    box.save()
    either = proposal_factory("open", title="Båda sätten")
    email_only = proposal_factory("open", title="Bara e-post", signature_method="email")
    page = client.get(either.get_url()).content.decode()
    assert "Skriv under med e-legitimation" in page
    assert 'id="sign_email"' in page
    assert "räknas två gånger" in page
    page = client.get(email_only.get_url()).content.decode()
    assert "Skriv under med e-legitimation" not in page
    assert 'id="sign_email"' in page


def test_an_eid_only_proposal_refuses_email_signatures(client, eid_proposal):
    page = client.get(eid_proposal.get_url()).content.decode()
    assert 'id="sign_email"' not in page
    response = client.post(
        eid_proposal.get_url() + "skriv-under/",
        {"name": "E", "email": "e@example.org", "consent": "on"},
    )
    assert response.status_code == 302
    assert not Signature.objects.exists()


def test_an_email_only_proposal_refuses_e_legitimation(client, proposal_factory):
    proposal = proposal_factory("open", signature_method="email")
    response = to_broker(client, proposal)
    assert response.status_code == 302
    assert response["Location"] == proposal.get_url()
    assert not Signature.objects.exists()


def test_residents_only(client, box, eid_proposal):
    box.eid_residents_only = True
    box.save()
    refused = eid_sign(client, eid_proposal, municipality=ELSEWHERE)
    page = client.get(refused["Location"]).content.decode()
    assert "Bara den som är folkbokförd i kommunen" in page
    assert not Signature.objects.exists()
    counted = eid_sign(client, eid_proposal)
    assert counted["Location"].endswith("underskriven/")
    assert Signature.objects.count() == 1


def test_the_form_comes_back_as_typed_on_errors(client, eid_proposal):
    response = to_broker(client, eid_proposal, name="", consent="")
    assert response.status_code == 400
    text = response.content.decode()
    assert "Skriv ditt namn." in text
    assert 'id="fel-eid"' in text


def test_the_signed_page_is_for_the_browser_that_signed(client, eid_proposal):
    eid_sign(client, eid_proposal)
    other = client.__class__()
    response = other.get(eid_proposal.get_url() + "underskriven/")
    assert response.status_code == 302
    assert response["Location"] == eid_proposal.get_url()


def test_tolvan_is_a_valid_test_number():
    from eid import identity

    assert identity.personal_number(TOLVAN) == TOLVAN
    assert identity.personal_number("19121212-1213") is None


def test_the_e_legitimation_form_speaks_english_under_en(client, eid_proposal):
    page = client.get("/en" + eid_proposal.get_url()).content.decode()
    assert "Sign with e-legitimation" in page
    assert "Your personal identity number is not stored" in page


def test_an_e_legitimation_signer_can_take_the_signature_back(client, eid_proposal):
    done = client.get(eid_sign(client, eid_proposal)["Location"]).content.decode()
    manage = re.search(r'href="([^"]*/min-underskrift/[^"]*)"', done).group(1)
    response = client.post(manage)
    assert "Vi har tagit bort din underskrift." in response.content.decode()
    eid_proposal.refresh_from_db()
    assert eid_proposal.signature_count == 0
    assert not Signature.objects.exists()
    log = signature_log.verify(signature_log.csv_text(eid_proposal.pk))
    assert (log.count, log.entries) == (0, 2)
    # The person may sign again while it is open, and counts once.
    assert eid_sign(client, eid_proposal)["Location"].endswith("underskriven/")
    eid_proposal.refresh_from_db()
    assert eid_proposal.signature_count == 1

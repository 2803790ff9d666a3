"""A resident asks by e-mail link for their own signatures to be removed."""

import re

import pytest
from django.core import mail, signing
from wagtail.models import ModelLogEntry

from proposals.models import Proposal
from proposals.privacy_views import SALT
from tests.proposals.factories import add_signatures

pytestmark = pytest.mark.django_db

URL = "/mina-underskrifter/"


def _signer_email(proposal):
    return f"signer0.{proposal.pk}@example.org"


def _link_from_mail():
    body = mail.outbox[-1].body
    return re.search(r"http://testserver(/mina-underskrifter/\S+/)", body).group(1)


def test_request_sends_a_link_and_the_link_removes_the_signatures(
    client, proposal_factory
):
    first = proposal_factory("open", title="Första förslaget")
    second = proposal_factory("open", title="Andra förslaget")
    add_signatures(first, 2)
    add_signatures(second, 1)
    # The same person signed both (same address).
    second.signatures.update(
        email=_signer_email(first), email_normalised=_signer_email(first)
    )

    response = client.post(URL, {"email": _signer_email(first).upper()})
    assert response.status_code == 200
    assert "Titta i din e-post" in response.content.decode()
    assert mail.outbox[-1].to == [_signer_email(first)]
    link = _link_from_mail()
    assert "example.org" not in link  # the address is not in the URL

    page = client.get(link).content.decode()
    assert "Första förslaget" in page and "Andra förslaget" in page

    done = client.post(link)
    assert done.status_code == 200
    assert Proposal.objects.get(pk=first.pk).signature_count == 1
    assert Proposal.objects.get(pk=second.pk).signature_count == 0
    assert (
        ModelLogEntry.objects.filter(
            action="delaktig.signatures_removed_by_resident"
        ).count()
        == 2
    )
    # Clicking again is harmless.
    assert client.post(link).status_code == 200
    assert Proposal.objects.get(pk=first.pk).signature_count == 1


def test_unknown_address_gets_the_same_answer_and_no_mail(client, proposal_factory):
    response = client.post(URL, {"email": "nobody@example.org"})
    assert response.status_code == 200
    assert "Titta i din e-post" in response.content.decode()
    assert mail.outbox == []


def test_closed_proposals_keep_their_signatures(client, proposal_factory):
    answered = proposal_factory("answered")
    email = answered.signatures.first().email
    mail.outbox.clear()
    client.post(URL, {"email": email})
    assert mail.outbox == []


def test_bad_email_comes_back_with_what_was_typed(client, site):
    response = client.post(URL, {"email": "inte en adress <script>"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'aria-invalid="true"' in html
    assert "inte en adress &lt;script&gt;" in html


@pytest.mark.parametrize(
    "token",
    ["nonsense", signing.dumps("x", salt="other")],
    ids=["nonsense", "other-salt"],
)
def test_broken_links_give_a_clear_page(client, site, token):
    response = client.get(f"{URL}{token}/")
    assert response.status_code == 404
    assert "Länken fungerar inte" in response.content.decode()


def test_expired_link_gives_410(client, proposal_factory, monkeypatch):
    proposal = proposal_factory("open")
    add_signatures(proposal, 1)
    token = signing.dumps([proposal.signatures.get().pk], salt=SALT, compress=True)
    monkeypatch.setattr("proposals.privacy_views.MAX_AGE", -1)
    response = client.get(f"{URL}{token}/")
    assert response.status_code == 410


def test_removal_page_and_footer_link_in_english(client, site):
    html = client.get("/en/mina-underskrifter/").content.decode()
    assert "Remove my signatures" in html
    assert "Enter the e-mail address you signed with." in html

"""Submitting a proposal: the form, preview, confirmation and the private page."""

import time
from unittest import mock

import pytest
from django.core import mail
from django.utils import translation

from municipality.models import Area
from proposals import tokens
from proposals.constants import Status
from proposals.models import Proposal
from tests.municipality.factories import make_area
from tests.proposals.helpers import link_containing, submit_data

pytestmark = pytest.mark.django_db


def submit_url(box):
    return box.url + box.reverse_subpage("submit_view")


def test_form_is_shown_with_labels_and_rules(client, box):
    response = client.get(submit_url(box))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_title">Rubrik</label>' in html
    assert 'name="website"' in html  # honeypot when reCAPTCHA is off
    assert "g-recaptcha" not in html
    assert "blir en allmän handling" in html


def test_first_post_shows_a_preview_with_similar_proposals(
    client, box, topic, proposal_factory
):
    proposal_factory(Status.OPEN, title="Cykelställ med tak vid Resecentrum")
    data = submit_data(topic, action="preview")
    response = client.post(submit_url(box), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Så här kommer förslaget att se ut" in html
    assert "Liknande förslag" in html
    assert "Cykelställ med tak vid Resecentrum" in html
    assert 'value="send"' in html
    assert not Proposal.objects.filter(title=data["title"]).exists()


def test_similar_endpoint_lists_published_proposals_only(client, box, proposal_factory):
    proposal_factory(Status.OPEN, title="Cykelställ vid skolan")
    proposal_factory(Status.IN_MODERATION, title="Cykelställ vid biblioteket")
    url = box.url + box.reverse_subpage("similar_view")
    html = client.get(url, {"q": "cykelställ"}).content.decode()
    assert "Cykelställ vid skolan" in html
    assert "biblioteket" not in html
    assert client.get(url, {"q": "x" * 5000}).status_code == 200
    assert client.get(url).content.strip() == b""


def test_submit_confirm_and_private_page(client, box, topic):
    response = client.post(submit_url(box), submit_data(topic))
    assert response.status_code == 302
    assert response["Location"].endswith("/lamna-forslag/tack/")
    proposal = Proposal.objects.get()
    assert proposal.status == Status.SUBMITTED
    assert proposal.author_email == "alva.privat@example.org"
    assert proposal.ip_address == "127.0.0.1"
    assert mail.outbox[-1].to == ["alva.privat@example.org"]

    confirm = link_containing("/bekrafta-forslag/")
    response = client.post(confirm)
    assert response.status_code == 200
    assert "granskas nu" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Status.IN_MODERATION

    again = client.post(confirm)  # clicking twice is harmless
    assert again.status_code == 200
    assert "Redan bekräftat" in again.content.decode()
    assert Proposal.objects.get().status == Status.IN_MODERATION

    manage = link_containing("/mitt-forslag/", to="alva.privat@example.org")
    page = client.get(manage)
    assert page.status_code == 200
    assert "Granskas" in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex"
    response = client.post(manage)
    assert response.status_code == 302
    assert Proposal.objects.get().status == Status.WITHDRAWN
    # Withdrawing twice: a clear conflict, not an error page.
    assert client.post(manage).status_code == 409


def test_bad_and_expired_tokens_give_clear_pages(client, box, proposal_factory):
    proposal = proposal_factory(Status.SUBMITTED)
    confirm = box.url + "bekrafta-forslag/{}/"
    manage = box.url + "mitt-forslag/{}/"
    bad = client.get(confirm.format("nonsense"))
    assert bad.status_code == 404
    assert "Länken fungerar inte" in bad.content.decode()
    # A manage token is not a confirmation token.
    other = tokens.make_token(tokens.PROPOSAL_MANAGE, proposal.pk)
    assert client.get(confirm.format(other)).status_code == 404
    # A token for a proposal that does not exist.
    missing = tokens.make_token(tokens.PROPOSAL_CONFIRM, 999999)
    assert client.get(confirm.format(missing)).status_code == 404
    assert client.get(manage.format("x" * 300)).status_code == 404
    with mock.patch("time.time", return_value=time.time() - 8 * 86400):
        expired = tokens.make_token(tokens.PROPOSAL_CONFIRM, proposal.pk)
    response = client.get(confirm.format(expired))
    assert response.status_code == 410
    assert "Länken har gått ut" in response.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).status == Status.SUBMITTED


BAD_INPUTS = [
    ({"title": ""}, "title", "Skriv en rubrik."),
    ({"title": "Kort"}, "title", "Rubriken behöver vara minst 5 tecken."),
    ({"title": "x" * 121}, "title", "högst 120 tecken (den är 121)"),
    ({"text": "För kort"}, "text", "minst 20 tecken"),
    ({"text": "x" * 4001}, "text", "högst 4000 tecken (det är 4001)"),
    ({"topic": ""}, "topic", "Välj ett ämne."),
    ({"topic": "999"}, "topic", "Välj ett av ämnena i listan."),
    ({"topic": "abc"}, "topic", "Välj ett av ämnena i listan."),
    ({"area": "mars"}, "area", "Välj ett av områdena i listan."),
    ({"author_name": ""}, "author_name", "Skriv det namn som ska visas."),
    ({"author_name": "x" * 101}, "author_name", "högst 100 tecken"),
    ({"email": "inte-en-adress"}, "email", "Skriv en e-postadress som"),
    ({"email": ""}, "email", "Skriv din e-postadress."),
    ({"consent": ""}, "consent", "Du behöver godkänna villkoren"),
    ({"title": "Null\x00tecken här"}, "title", "Null-tecken"),
]


@pytest.mark.parametrize(("override", "field", "message"), BAD_INPUTS)
def test_bad_input_comes_back_in_swedish_with_what_was_typed(
    client, box, topic, override, field, message
):
    data = submit_data(topic, **override)
    response = client.post(submit_url(box), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert f'aria-describedby="id_{field}_error' in html
    assert 'aria-invalid="true"' in html
    assert "alva.privat@example.org" in html or field == "email"
    if field != "text":
        assert "Bygg fler, gärna med tak." in html  # what was typed is kept
    assert not Proposal.objects.exists()
    assert not mail.outbox


def test_bad_input_in_english(client, box, topic):
    with translation.override("en"):
        url = submit_url(box)
    assert url.startswith("/en/")
    response = client.post(url, submit_data(topic, consent="", email="nope"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "You need to accept the terms" in html
    assert "Enter an e-mail address like name@example.com." in html


def test_honeypot_rejects_and_keeps_the_form(client, box, topic):
    response = client.post(submit_url(box), submit_data(topic, website="spam.example"))
    assert response.status_code == 400
    assert "Formuläret kunde inte skickas" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_form_filled_in_at_once_is_no_error(client, box, topic, settings):
    """A browser's autofill can beat the minimum fill time: the person is never
    told off (every proposal is moderated anyway); a forged clock still is."""
    settings.PROPOSALS_MIN_FILL_SECONDS = 60
    forged = client.post(submit_url(box), submit_data(topic, started="1700000000"))
    assert forged.status_code == 400
    assert "Formuläret har gått ut" in forged.content.decode()
    assert not Proposal.objects.exists()
    form_page = client.get(submit_url(box)).content.decode()
    started = form_page.split('name="started" value="')[1].split('"')[0]
    response = client.post(submit_url(box), submit_data(topic, started=started))
    assert response.status_code == 302
    assert "snabbt" not in response.content.decode()
    assert Proposal.objects.count() == 1


def test_rate_limit_on_submit(client, box, topic, settings):
    settings.RATE_LIMITS = {"submit": {"burst": (2, 600), "sustained": (5, 86400)}}
    for n in range(2):
        response = client.post(
            submit_url(box), submit_data(topic, title=f"Förslag nummer {n}")
        )
        assert response.status_code == 302
    response = client.post(submit_url(box), submit_data(topic, title="Ett tredje"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Vänta en stund" in html
    assert 'value="Ett tredje"' in html
    assert Proposal.objects.count() == 2
    # Another address is not affected.
    other = client.post(
        submit_url(box),
        submit_data(topic, title="Från en annan adress"),
        REMOTE_ADDR="198.51.100.7",
    )
    assert other.status_code == 302


def test_sustained_rate_limit(client, box, topic, settings):
    settings.RATE_LIMITS = {"submit": {"burst": (10, 600), "sustained": (1, 86400)}}
    assert client.post(submit_url(box), submit_data(topic)).status_code == 302
    assert client.post(submit_url(box), submit_data(topic)).status_code == 429


def test_the_areas_to_choose_from_are_the_municipalitys(client, box):
    make_area("centrum", "Centrum")
    make_area("kustbyarna", "Kustbyarna")
    html = client.get(submit_url(box)).content.decode()
    assert '<option value="centrum">Centrum</option>' in html
    assert '<option value="kustbyarna">Kustbyarna</option>' in html


def test_before_any_area_is_entered_no_area_is_asked_for(client, box, topic):
    assert 'name="area"' not in client.get(submit_url(box)).content.decode()
    data = submit_data(topic)
    Area.objects.all().delete()  # submit_data made the default area
    response = client.post(submit_url(box), data)
    assert response.status_code == 302
    assert Proposal.objects.get(title=data["title"]).area is None

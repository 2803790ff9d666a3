"""The suggestion box listing, a proposal's page, and what they must never show."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from proposals import lifecycle, tokens
from proposals.constants import Status
from proposals.models import Proposal
from tests.municipality.factories import make_area
from tests.proposals.factories import (
    PROPOSER_EMAIL,
    add_signatures,
    make_box,
    make_topic,
)

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def test_rules_are_shown_up_front(client, box):
    html = client.get(box.url).content.decode()
    assert "Så fungerar förslagslådan" in html
    assert "i 90 dagar" in html and "3 underskrifter" in html
    assert "allmän handling" in html
    assert "Din e-postadress visas aldrig" in html
    assert "Ligger utanför kommunens ansvar" in html
    assert "Redan beslutat de senaste 12 månaderna" in html
    assert html.index("Så fungerar förslagslådan") < html.index("Förslagen")


def test_listing_shows_public_proposals_with_progress(client, box, proposal_factory):
    proposal_factory(Status.OPEN, title="Öppet förslag", signatures=2)
    proposal_factory(Status.REFERRED, title="Lämnat förslag")
    proposal_factory(Status.CLOSED_UNSUPPORTED, title="Stängt förslag")
    for hidden in (Status.SUBMITTED, Status.IN_MODERATION, Status.REJECTED):
        proposal_factory(hidden, title=f"Dolt {hidden}")
    proposal_factory(Status.WITHDRAWN, title="Återkallat förslag")
    html = client.get(box.url).content.decode()
    assert sorted(titles(html)) == ["Lämnat förslag", "Stängt förslag", "Öppet förslag"]
    assert html.count("<progress") == 3
    assert "2 av 3 underskrifter" in html
    assert "90 dagar kvar att skriva under" in html


def test_sorts(client, box, proposal_factory):
    now = timezone.now()
    few = proposal_factory(Status.OPEN, title="Få underskrifter", signatures=1)
    many = proposal_factory(Status.OPEN, title="Många underskrifter", signatures=2)
    answered = proposal_factory(Status.ANSWERED, title="Besvarat förslag")
    Proposal.objects.filter(pk=few.pk).update(
        opened_at=now - timedelta(days=50), signing_deadline=now + timedelta(days=3)
    )
    Proposal.objects.filter(pk=many.pk).update(opened_at=now - timedelta(days=1))
    Proposal.objects.filter(pk=answered.pk).update(opened_at=now - timedelta(days=9))

    def order(sort):
        return titles(client.get(box.url, {"sort": sort}).content.decode())

    assert order("most_signed") == [
        "Besvarat förslag",
        "Många underskrifter",
        "Få underskrifter",
    ]
    assert order("newest") == [
        "Många underskrifter",
        "Besvarat förslag",
        "Få underskrifter",
    ]
    assert order("closing_soon")[:2] == ["Få underskrifter", "Många underskrifter"]
    assert order("recently_answered")[0] == "Besvarat förslag"


def test_filters(client, box, proposal_factory):
    other_topic = make_topic("Skola", "skola")
    proposal_factory(Status.OPEN, title="Trafik i centrum")
    proposal_factory(
        Status.OPEN, title="Skola i norr", topic=other_topic, area=make_area("norra")
    )
    proposal_factory(Status.REFERRED, title="Lämnat om trafik")

    def listed(**params):
        return sorted(titles(client.get(box.url, params).content.decode()))

    assert listed(status="referred") == ["Lämnat om trafik"]
    assert listed(topic="skola") == ["Skola i norr"]
    assert listed(area="norra") == ["Skola i norr"]
    assert listed(topic="trafik", status="open") == ["Trafik i centrum"]


@pytest.mark.parametrize(
    "params",
    [{"sort": "random"}, {"status": "rejected"}, {"topic": "nope"}, {"area": "mars"}],
)
def test_bad_filters_give_a_clear_400(client, box, proposal_factory, params):
    proposal_factory(Status.OPEN, title="Ett förslag")
    response = client.get(box.url, params)
    assert response.status_code == 400
    assert "Något behöver rättas" in response.content.decode()


def test_bad_page_number_is_harmless(client, box, proposal_factory):
    proposal_factory(Status.OPEN)
    assert client.get(box.url, {"page": "abc"}).status_code == 200
    assert client.get(box.url, {"page": "999"}).status_code == 200


def test_listing_query_count_does_not_grow(
    client, box, proposal_factory, django_assert_max_num_queries
):
    proposal_factory(Status.OPEN, title="Ett")
    client.get(box.url)
    with django_assert_max_num_queries(40) as few:
        client.get(box.url)
    for n in range(8):
        proposal_factory(Status.OPEN, title=f"Förslag {n}", signatures=1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(box.url)
    assert len(titles(response.content.decode())) == 9


def test_proposal_page_shows_count_threshold_days_and_names(client, open_proposal):
    add_signatures(open_proposal, 2)
    html = client.get(open_proposal.get_url()).content.decode()
    assert "2 av 3 underskrifter" in html
    assert "90 dagar kvar" in html
    assert "Undertecknare 0" in html and "Undertecknare 1" in html
    assert "Skriv under förslaget" in html
    assert "Förslaget publicerades" in html  # the trail


@pytest.mark.parametrize(
    "status", [Status.SUBMITTED, Status.IN_MODERATION, Status.REJECTED]
)
def test_unpublished_proposals_are_not_found(client, proposal_factory, status):
    proposal = proposal_factory(status)
    assert client.get(proposal.get_url()).status_code == 404
    assert client.get(proposal.box.url + "forslag/999999/").status_code == 404


def test_a_proposal_is_found_only_under_its_own_box(client, site, proposal_factory):
    proposal = proposal_factory(Status.OPEN, title="Bara i sin egen låda")
    other = make_box(site, title="Ungdomsrådets förslagslåda", slug="ungdom")
    assert client.get(proposal.get_url()).status_code == 200
    assert client.get(f"{other.url}forslag/{proposal.pk}/").status_code == 404


def test_withdrawn_published_proposal_stays_readable(client, proposal_factory):
    proposal = proposal_factory(Status.WITHDRAWN)
    html = client.get(proposal.get_url()).content.decode()
    assert "Återkallat" in html
    assert "Skriv under förslaget" not in html


def test_no_email_ip_or_token_in_public_output(client, box, proposal_factory):
    """Invariant 2: search every public response for the private values."""
    proposal = proposal_factory(Status.OPEN, signatures=1)
    signature = lifecycle.sign(
        proposal,
        name="Synligt Namn",
        email="signer.secret@example.org",
        ip_address="198.51.100.23",
    )
    lifecycle.confirm_signature(signature.pk)
    secrets = [
        PROPOSER_EMAIL,
        "signer.secret@example.org",
        "signer0",  # the factory's signers' e-mails
        "203.0.113.9",
        "198.51.100.23",
        tokens.make_token(tokens.PROPOSAL_MANAGE, proposal.pk)[:20],
        tokens.make_token(tokens.SIGNATURE_MANAGE, signature.pk)[:20],
    ]
    call_command("update_index", verbosity=0)
    urls = [
        box.url,
        box.url + "?sort=newest",
        proposal.get_url(),
        box.url + "liknande/?q=cykelställ",
        box.url + "lamna-forslag/",
        "/sok/?q=cykelst%C3%A4ll",
        "/sitemap.xml",
        "/en" + proposal.get_url(),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for secret in secrets:
            assert secret not in body, (secret, url)
    assert "Synligt Namn" in client.get(proposal.get_url()).content.decode()


def test_search_index_holds_no_private_fields(box, proposal_factory):
    from wagtail.search.models import IndexEntry

    proposal_factory(Status.OPEN, signatures=1)
    proposal_factory(Status.IN_MODERATION, title="Hemligt i moderering")
    call_command("update_index", verbosity=0)
    entries = IndexEntry.objects.all()
    dump = " ".join(
        f"{e.title} {getattr(e, 'body', '')} {getattr(e, 'autocomplete', '')}"
        for e in entries
    )
    for secret in (PROPOSER_EMAIL, "signer0", "203.0.113.9", "Hemligt", "hemlig"):
        assert secret not in dump
    # The index works (a positive control) and finds nothing by the private values.
    assert [p.title for p in Proposal.objects.search("cykelställ")] == [
        "Fler cykelställ vid stationen"
    ]
    for secret in (PROPOSER_EMAIL, "signer0.1@example.org", "Hemligt moderering"):
        assert list(Proposal.objects.search(secret)) == []
    indexed = Proposal.get_indexed_objects()
    assert list(indexed.values_list("status", flat=True)) == [Status.OPEN]


def test_box_page_is_routable_and_in_the_menu(client, box):
    html = client.get("/").content.decode()
    assert f'href="{box.url}"' in html
    assert Page.objects.type(type(box)).live().count() == 1


def test_sitemap_lists_public_proposals_only(client, box, proposal_factory):
    public = proposal_factory(Status.OPEN, title="Publikt")
    hidden = proposal_factory(Status.IN_MODERATION, title="Granskas")
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/forslagslada/forslag/{public.pk}/" in xml
    assert f"/forslagslada/forslag/{hidden.pk}/" not in xml


@pytest.mark.parametrize(
    "path",
    [
        "forslag/99999999999999999999999/",
        "forslag/99999999999999999999999/skriv-under/",
        "forslag/0/",
    ],
)
def test_impossible_ids_are_not_found(client, box, path):
    assert client.get(box.url + path).status_code == 404
    assert client.post(box.url + path, {"name": "x"}).status_code == 404


def test_null_characters_in_queries_are_harmless(client, box, proposal_factory):
    proposal_factory(Status.OPEN)
    assert client.get(box.url, {"topic": "a\x00b"}).status_code == 400
    assert client.get(box.url + "liknande/", {"q": "cykel\x00ställ"}).status_code == 200

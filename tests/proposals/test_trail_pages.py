"""The trail on the public page and in the listing, and the Atom feeds."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from municipality import site_address
from proposals import lifecycle
from proposals.constants import DecisionOutcome, EntryKind, Status
from proposals.models import FeedbackEntry, Proposal
from tests.proposals.factories import PROPOSER_EMAIL

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def page_of(client, proposal):
    response = client.get(proposal.get_url())
    assert response.status_code == 200
    return response.content.decode()


def test_page_shows_the_trail_with_authors_oldest_first(
    client, registered_proposal, politician
):
    lifecycle.add_status_update(registered_proposal, text="Ärendet bereds nu.")
    lifecycle.add_response(registered_proposal, user=politician, text="Mitt svar.")
    lifecycle.answer(
        registered_proposal,
        outcome=DecisionOutcome.PARTLY_APPROVED,
        decision_url="https://www.mittkoping.se/protokoll/5",
        text="Delvis bifall.",
    )
    html = page_of(client, registered_proposal)
    trail = html[html.index('id="handelser"') :]
    order = [
        "Kommunen tog emot förslaget.",
        "Förslaget publicerades",
        "Förslaget har lämnats till kommunen.",
        "TN 2026/42",
        "Ärendet bereds nu.",
        "Mitt svar.",
        "Delvis bifall.",
    ]
    positions = [trail.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Per Holm (Mittenpartiet), ordförande i tekniska nämnden" in html
    assert "Från: Mittköpings kommun" in html
    assert "https://www.mittkoping.se/protokoll/5" in html
    assert "Tekniska nämnden" in html
    assert "60 dagar" in html
    assert PROPOSER_EMAIL not in html


def test_rejection_only_on_the_private_page(client, proposal_factory):
    from proposals import tokens

    proposal = proposal_factory(Status.REJECTED)
    assert client.get(proposal.get_url()).status_code == 404
    token = tokens.make_token(tokens.PROPOSAL_MANAGE, proposal.pk)
    private = client.get(f"{proposal.box.url}mitt-forslag/{token}/")
    html = private.content.decode()
    assert "Kränkande innehåll." in html
    assert "Visas bara för dig" in html


def test_corrected_entry_is_marked_changed(
    client, registered_proposal, communicator_user
):
    entry = lifecycle.add_status_update(registered_proposal, text="Fel text")
    lifecycle.correct_entry(
        entry, user=communicator_user, text="Rätt text", note="Stavfel"
    )
    html = page_of(client, registered_proposal)
    assert "Rätt text" in html
    assert "Fel text" not in html
    assert "ändrad" in html


def test_awaiting_registration_days_and_overdue_badges(
    client, proposal_factory, committee
):
    waiting = proposal_factory(Status.REFERRED, title="Väntar på diarienummer")
    assert "Väntar på registrering" in page_of(client, waiting)
    late = proposal_factory(Status.REFERRED, title="Sent ärende")
    lifecycle.register_referral(late, committee=committee, case_number="TN 1")
    long_ago = timezone.now() - timedelta(days=70)
    Proposal.objects.filter(pk=late.pk).update(
        referred_at=long_ago, last_feedback_at=long_ago
    )
    html = page_of(client, late)
    assert "Försenat" in html
    assert "för 70 dagar sedan" in html
    listing = client.get(late.box.url).content.decode()
    card = listing[listing.index("Sent ärende") :]
    card = card[: card.index("</li>")]
    assert "Försenat" in card
    assert "för 70 dagar sedan" in card
    assert "Försenat" not in page_of(client, waiting)


def test_listing_queries_do_not_grow_with_trails(
    client, box, proposal_factory, committee, django_assert_max_num_queries
):
    def build(n):
        for i in range(n):
            proposal = proposal_factory(Status.REFERRED, title=f"Förslag {i}")
            lifecycle.register_referral(
                proposal, committee=committee, case_number=f"TN {i}"
            )
            lifecycle.add_status_update(proposal, text="Uppdatering")

    build(2)
    client.get(box.url)
    with django_assert_max_num_queries(30) as small:
        client.get(box.url)
    build(6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(box.url)
    assert response.content.decode().count("Senaste återkoppling") == 8


def test_proposal_page_queries_do_not_grow_with_the_trail(
    client, registered_proposal, django_assert_max_num_queries
):
    client.get(registered_proposal.get_url())
    with django_assert_max_num_queries(60) as small:
        client.get(registered_proposal.get_url())
    for i in range(10):
        lifecycle.add_status_update(registered_proposal, text=f"Uppdatering {i}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(registered_proposal.get_url())


def parse_atom(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}") is not None
    return root


def test_feeds_are_atom_without_email_addresses(
    client, box, registered_proposal, proposal_factory, politician
):
    lifecycle.add_response(registered_proposal, user=politician, text="Svar i flödet")
    answered = proposal_factory(Status.ANSWERED, title="Besvarat förslag")
    proposal_factory(Status.IN_MODERATION, title="Hemligt förslag")
    feeds = {
        "all": client.get(f"{box.url}flode/"),
        "answered": client.get(f"{box.url}flode/besvarade/"),
        "trail": client.get(f"{registered_proposal.get_url()}flode/"),
    }
    titles = {}
    for name, response in feeds.items():
        root = parse_atom(response)
        body = response.content.decode()
        assert "@" not in body.replace("xmlns", ""), name
        titles[name] = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert "Säkrare övergångsställe" in titles["all"]
    assert "Hemligt förslag" not in titles["all"]
    assert titles["answered"] == [answered.title]
    assert "Svar från politiker" in titles["trail"]
    trail_root = ET.fromstring(feeds["trail"].content)  # noqa: S314
    authors = [
        e.findtext(f"{ATOM}author/{ATOM}name") for e in trail_root.iter(f"{ATOM}entry")
    ]
    assert "Per Holm (Mittenpartiet), ordförande i tekniska nämnden" in authors


def test_feeds_are_linked_from_the_pages(client, box, registered_proposal):
    listing = client.get(box.url).content.decode()
    assert (
        f'rel="alternate" type="application/atom+xml" href="{box.url}flode/"' in listing
    )
    assert f'href="{box.url}flode/besvarade/"' in listing
    page = page_of(client, registered_proposal)
    assert (
        f'rel="alternate" type="application/atom+xml" '
        f'href="{registered_proposal.get_url()}flode/"'
    ) in page


def test_no_trail_feed_for_hidden_proposals(client, proposal_factory):
    hidden = proposal_factory(Status.REJECTED)
    assert client.get(f"{hidden.box.url}forslag/{hidden.pk}/flode/").status_code == 404
    assert client.get(f"{hidden.box.url}forslag/999999/flode/").status_code == 404


def test_private_entries_never_in_the_trail_feed(client, proposal_factory):
    proposal = proposal_factory(Status.OPEN)
    FeedbackEntry.objects.create(
        proposal=proposal, kind=EntryKind.STATUS_UPDATE, public=False, text="Internt"
    )
    response = client.get(f"{proposal.get_url()}flode/")
    assert "Internt" not in response.content.decode()


def test_feeds_link_to_the_sites_address_whatever_host_they_were_asked_on(
    client, box, registered_proposal, settings
):
    """Never the Sites framework's example.com nor the asking host: every link
    and id in each feed is on the site's address, as in the e-mails."""
    settings.ALLOWED_HOSTS = ["kommun.example", "127.0.0.1"]
    origin = "http://kommun.example:8081"
    site_address.apply(url=origin)
    for host in ("kommun.example:8081", "127.0.0.1:8000"):
        for path in (
            f"{box.url}flode/",
            f"{box.url}flode/besvarade/",
            f"{registered_proposal.get_url()}flode/",
        ):
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code == 200, path
            root = parse_atom(response)
            addresses = [link.get("href") for link in root.iter(f"{ATOM}link")]
            addresses += [node.text for node in root.iter(f"{ATOM}id")]
            assert addresses, path
            for address in addresses:
                assert address.startswith(origin + "/"), (host, path, address)
            assert "example.com" not in response.content.decode(), path

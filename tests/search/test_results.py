"""Site search over dialogues, pages and proposals: kinds, filters, privacy, paging."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from home.demo import standard_page
from proposals import lifecycle
from proposals.constants import RejectionReason, Status
from proposals.models import Proposal
from tests.proposals.factories import PROPOSER_EMAIL, make_proposal

from .helpers import results, results_html, titles

pytestmark = pytest.mark.django_db

PUBLIC = {
    f"Lekplats ({status})"
    for status in ["open", "referred", "closed_unsupported", "answered", "withdrawn"]
}
DIALOGUES = {"Lekplats i Norrparken", "Lekplatsplan för hela kommunen"}
PAGES = {"Kommunens lekplatser"}


def search(client, **params):
    return client.get("/sok/", {"q": "lekplats", **params})


def in_index(proposal):
    return IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Proposal),
        object_id=str(proposal.pk),
    ).exists()


def test_one_search_finds_dialogues_pages_and_public_proposals(client, content):
    response = search(client)
    assert response.status_code == 200
    assert titles(response) == DIALOGUES | PAGES | PUBLIC
    html = results_html(response)
    # Each result shows its type, its status and its date.
    norrparken = html[html.index("Lekplats i Norrparken") :]
    norrparken = norrparken[: norrparken.index("</li>")]
    assert '<span class="search-result__type">Dialog</span>' in norrparken
    assert "Öppen" in norrparken
    assert '<time datetime="2026-11-01">1 november 2026</time>' in norrparken
    answered = html[html.index("Lekplats (answered)") :]
    answered = answered[: answered.index("</li>")]
    assert '<span class="search-result__type">Förslag</span>' in answered
    assert "Besvarat" in answered
    assert re.search(r'Publicerat <time datetime="\d{4}-\d\d-\d\d">', answered)
    assert '<span class="search-result__type">Sida</span>' in html
    assert "Uppdaterad <time" in html
    # Matches are summarised with the word marked, and links lead to each item.
    assert "Hur vill du att den nya <mark>lekplatsen</mark> ska se ut?" in html
    answered_proposal = content[Status.ANSWERED]
    assert f'href="{answered_proposal.get_url()}"' in html
    assert client.get(answered_proposal.get_url()).status_code == 200


def test_filters_by_type_and_status(client, content):
    cases = [
        ({"typ": "dialog"}, DIALOGUES),
        ({"typ": "sida"}, PAGES),
        ({"typ": "forslag"}, PUBLIC),
        ({"status": "dialog-closed"}, {"Lekplatsplan för hela kommunen"}),
        ({"typ": "dialog", "status": "dialog-open"}, {"Lekplats i Norrparken"}),
        ({"status": "forslag-answered"}, {"Lekplats (answered)"}),
        ({"typ": "forslag", "status": "forslag-withdrawn"}, {"Lekplats (withdrawn)"}),
        ({"status": "forslag-open"}, {"Lekplats (open)"}),
    ]
    for params, expected in cases:
        response = search(client, **params)
        assert response.status_code == 200, params
        assert titles(response) == expected, params
        html = response.content.decode()
        for name, value in params.items():
            assert re.search(rf'<option value="{value}"[^>]* selected>', html), name


def test_filters_that_exclude_each_other_say_so(client, content):
    response = search(client, typ="sida", status="forslag-open")
    assert response.status_code == 200
    assert results(response) == []
    assert "Pröva att ta bort ett filter" in response.content.decode()


@pytest.mark.parametrize("params", [{"typ": "hemligt"}, {"status": "forslag-rejected"}])
def test_unknown_filter_is_refused_with_the_query_kept(client, content, params):
    response = search(client, **params)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'aria-invalid="true"' in html
    assert "Välj ett giltigt alternativ" in html
    assert 'value="lekplats"' in html
    assert results(response) == []


def test_unpublished_rejected_and_private_things_are_never_found(
    client, site, content, box, topic, make_dialogue
):
    withdrawn_early = make_proposal(
        box, topic, Status.IN_MODERATION, title="Lekplats (återkallad i granskning)"
    )
    lifecycle.withdraw_proposal(withdrawn_early)
    with_address = make_proposal(
        box,
        topic,
        Status.OPEN,
        title="Lekplats med adress",
        text="Skriv till mig, grannen@example.org, om en lekplats här.",
    )
    draft = standard_page(
        site.root_page, "utkast", "Lekplats (utkast)", "Lekplats.", []
    )
    draft.unpublish()
    private = standard_page(
        site.root_page, "intern", "Lekplats (intern)", "Lekplats.", []
    )
    PageViewRestriction.objects.create(
        page=private,
        restriction_type="password",
        password="hemligt",  # noqa: S106
    )
    make_dialogue(title="Lekplats (dialogutkast)", slug="dialogutkast").unpublish()

    response = search(client)
    found = titles(response)
    assert found == DIALOGUES | PAGES | PUBLIC | {"Lekplats med adress"}
    html = response.content.decode()
    assert PROPOSER_EMAIL not in html
    assert "grannen@example.org" not in html
    assert "@" not in results_html(response)
    assert "Lekplats (rejected)" not in html
    # Never published proposals are not even in the index.
    for status in (Status.SUBMITTED, Status.IN_MODERATION, Status.REJECTED):
        assert not in_index(content[status]), status
    assert not in_index(withdrawn_early)
    assert in_index(with_address)


def test_lifecycle_transitions_update_the_index(client, box, topic):
    """Proposals change state only through proposals.lifecycle; what it saves is
    indexed (the model is registered with the search index) without update_index."""
    approved = make_proposal(box, topic, Status.IN_MODERATION, title="Boulebana vid ån")
    rejected = make_proposal(
        box, topic, Status.IN_MODERATION, title="Boulebana i parken"
    )
    assert titles(client.get("/sok/", {"q": "boulebana"})) == set()

    lifecycle.approve(approved)
    lifecycle.reject(rejected, reason=RejectionReason.OFFENSIVE, message="Nej.")
    response = client.get("/sok/", {"q": "boulebana"})
    assert titles(response) == {"Boulebana vid ån"}
    assert "Öppet för underskrifter" in results_html(response)
    assert not in_index(rejected)

    lifecycle.withdraw_proposal(approved)
    response = client.get("/sok/", {"q": "boulebana"})
    assert titles(response) == {"Boulebana vid ån"}
    assert "Återkallat" in results_html(response)

    approved.delete()
    assert titles(client.get("/sok/", {"q": "boulebana"})) == set()


def test_pagination_keeps_query_and_filters(client, proposal_factory):
    for number in range(12):
        proposal_factory(Status.OPEN, title=f"Lekplats nummer {number}")
    proposal_factory(Status.ANSWERED, title="Lekplats som besvarats")
    params = {"q": "lekplats", "typ": "forslag", "status": "forslag-open"}

    first = client.get("/sok/", params)
    html = first.content.decode()
    assert len(results(first)) == 10
    assert "12 träffar" in html
    assert "Sida 1 av 2" in html
    link = re.search(r'<a href="\?([^"]+)" rel="next">', html)[1].replace("&amp;", "&")
    assert sorted(link.split("&")) == sorted(
        ["q=lekplats", "typ=forslag", "status=forslag-open", "page=2"]
    )

    second = client.get("/sok/?" + link)
    html = second.content.decode()
    assert second.status_code == 200
    assert 'value="lekplats"' in html
    assert re.search(r'<option value="forslag-open"[^>]* selected>', html)
    assert len(results(second)) == 2
    assert titles(first) | titles(second) == {f"Lekplats nummer {n}" for n in range(12)}
    assert (
        '<ol class="search-results" aria-labelledby="search-results" start="11">'
        in html
    )


@pytest.mark.parametrize(
    "number", ["abc", "0", "-1", "1.5", "99999999999999999999", "9" * 5000, ""]
)
def test_odd_page_numbers_give_a_page_of_results(client, content, number):
    response = search(client, page=number)
    assert response.status_code == 200
    assert results(response)


def test_odd_queries_never_fail(client, content):
    queries = [
        '"', '""', '"lekplats', "*", "lekplats*", "AND", "OR", "NOT", "NEAR",
        "lekplats AND", "lekplats OR NOT lekplats", "-lekplats", "(", ")",
        "(lekplats", "lekplats)", "'", "\\", "%", "_", ":", "^", "!!!", "...",
        "& | !", "lekplats:*", "a\x00b", "\x00", " ", "ö", "lekplats\x00",
        "'; DROP TABLE wagtailcore_page; --", "lekplats NEAR(x y)", "👩‍👧 lekplats",
    ]  # fmt: skip
    for query in queries:
        response = client.get("/sok/", {"q": query})
        assert response.status_code == 200, repr(query)
    response = client.get("/sok/", {"q": "<script>alert(1)</script> lekplats"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)" not in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt; lekplats"' in html


def test_query_length_limit(client, content):
    assert search(client, q="lekplats " + "x" * 191).status_code == 200
    response = search(client, q="x" * 201)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Sökfrågan är för lång. Använd högst 200 tecken." in html
    assert 'aria-describedby="search-error"' in html
    # NUL characters are dropped before the length is counted.
    assert search(client, q="\x00" * 300 + "lekplats").status_code == 200


def test_only_punctuation_gives_no_results_page(client, content):
    response = client.get("/sok/", {"q": "!!! ---"})
    assert response.status_code == 200
    assert "0 träffar" in response.content.decode()


def test_query_count_does_not_grow_with_results(
    client, content, proposal_factory, django_assert_max_num_queries
):
    search(client)  # the first page view stores the logo's rendition
    with django_assert_max_num_queries(QUERY_LIMIT):
        search(client)
    for number in range(8):
        proposal_factory(Status.OPEN, title=f"Lekplats extra {number}")
    with django_assert_max_num_queries(QUERY_LIMIT):
        assert len(results(search(client))) == 10


QUERY_LIMIT = 18

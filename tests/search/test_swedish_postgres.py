"""On PostgreSQL "skolan" finds "skolor" and "förskola" finds "förskolor": in the
site search over proposals and dialogues, and in the similar proposals shown while
submitting (the same backend and word forms)."""

import pytest
from django.conf import settings

from proposals.constants import Status
from proposals.similarity import similar_proposals
from tests.proposals.helpers import submit_data

from .helpers import titles

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        not settings.IS_POSTGRES, reason="PostgreSQL not configured (DATABASE_URL)"
    ),
]

CASES = [
    ("skolan", "Fler skolor i centrum", "Nya skolor i Ådalen"),
    ("förskola", "Öppna fler förskolor", "Förskolor på landsbygden"),
]


@pytest.fixture
def schools(make_dialogue, proposal_factory):
    proposal_factory(title="Fler skolor i centrum", text="Barnen behöver skolor.")
    proposal_factory(title="Öppna fler förskolor", text="Köerna till förskolor.")
    proposal_factory(title="Parkering vid torget", text="Fler platser för bilar.")
    make_dialogue(title="Nya skolor i Ådalen", question="Var ska skolor byggas?")
    make_dialogue(title="Förskolor på landsbygden", question="Hur når vi förskolor?")


@pytest.mark.parametrize(("query", "proposal", "dialogue"), CASES)
def test_site_search_finds_other_word_forms(client, schools, query, proposal, dialogue):
    response = client.get("/sok/", {"q": query})
    found = titles(response)
    assert {proposal, dialogue} <= found
    assert "Parkering vid torget" not in found


@pytest.mark.parametrize(("query", "proposal", "dialogue"), CASES)
def test_similar_proposals_find_other_word_forms(
    client, box, topic, schools, query, proposal, dialogue
):
    assert proposal in [p.title for p in similar_proposals(box, f"Bygg om {query}")]
    similar_url = box.url + box.reverse_subpage("similar_view")
    html = client.get(similar_url, {"q": f"Bygg om {query}"}).content.decode()
    assert proposal in html
    assert "Parkering vid torget" not in html

    data = submit_data(topic, action="preview", title=f"Bygg om {query} nu")
    html = client.post(box.url + box.reverse_subpage("submit_view"), data)
    html = html.content.decode()
    assert "Liknande förslag" in html
    assert proposal in html


def test_a_rejected_proposal_is_not_suggested(box, proposal_factory):
    proposal_factory(Status.REJECTED, title="Skolor utan läxor")
    assert similar_proposals(box, "Skolan") == []

"""Similar proposals while submitting: the search backend, any shared word."""

import pytest

from proposals.constants import Status
from proposals.similarity import similar_proposals
from tests.proposals.factories import make_box, make_proposal

pytestmark = pytest.mark.django_db


def titles(proposals):
    return [proposal.title for proposal in proposals]


def test_suggests_only_proposals_one_can_still_support_or_follow(
    site, box, topic, proposal_factory
):
    for status in Status.values:
        proposal_factory(status, title=f"Cykelställ ({status})")
    other_box = make_box(site, title="Skolans förslagslåda", slug="skolans-lada")
    make_proposal(other_box, topic, title="Cykelställ (annan låda)")
    found = titles(similar_proposals(box, "Fler cykelställ vid skolan"))
    assert sorted(found) == [
        "Cykelställ (answered)",
        "Cykelställ (open)",
        "Cykelställ (referred)",
    ]


def test_proposals_sharing_half_the_words_are_suggested_and_more_rank_first(
    box, proposal_factory
):
    proposal_factory(title="Belysning i parken", text="Mörkt på kvällarna.")
    proposal_factory(title="Belysning på gångvägen", text="Mörkt på gångvägen.")
    proposal_factory(title="Gångvägen vid torget", text="Fler bänkar behövs.")
    proposal_factory(title="Bänkar vid torget", text="Fler bänkar behövs.")
    found = titles(similar_proposals(box, "Ny belysning på gångvägen"))
    assert found == [
        "Belysning på gångvägen",
        "Belysning i parken",
        "Gångvägen vid torget",
    ]
    # One word of three in common is not enough ("längs" is no subject).
    found = titles(similar_proposals(box, "Ny belysning längs gångvägen"))
    assert found == ["Belysning på gångvägen"]


def test_other_word_forms_compounds_and_typing_errors_are_similar(
    box, proposal_factory
):
    proposal_factory(title="Fler papperskorgar i Stadsparken", text="Skräp.")
    assert titles(similar_proposals(box, "Papperskorg i parken")) == [
        "Fler papperskorgar i Stadsparken"
    ]
    assert titles(similar_proposals(box, "Papperkorgar")) == [
        "Fler papperskorgar i Stadsparken"
    ]


def test_short_words_alone_suggest_nothing_and_the_list_is_short(box, proposal_factory):
    for number in range(7):
        proposal_factory(title=f"Cykelställ nummer {number}")
    assert len(similar_proposals(box, "Cykelställ")) == 5
    assert similar_proposals(box, "vid och en i") == []
    assert similar_proposals(box, "") == []
    assert similar_proposals(box, "x" * 5000) == []
    assert similar_proposals(box, '"cykelställ* AND (NOT') != []

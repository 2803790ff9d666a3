"""The suggestion box on the front page: the way in, proposals near their
threshold, and the latest answers and decisions ("ni sa – vi gjorde")."""

import re

import pytest

from proposals.constants import EntryKind
from proposals.models import FeedbackEntry
from tests.proposals.factories import add_signatures

pytestmark = pytest.mark.django_db


def home(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def section(html, heading_id):
    found = re.search(
        rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S
    )
    return found[0] if found else ""


def test_the_front_page_leads_to_the_suggestion_box_form(client, box):
    html = home(client)
    submit = section(html, "submit-heading")
    assert f'href="{box.url}lamna-forslag/"' in submit
    assert "Lämna ett förslag" in submit
    assert f"Får det {box.signature_threshold} underskrifter" in submit


def test_proposals_nearest_their_threshold_come_first(client, proposal_factory):
    far = proposal_factory("open", title="Långt kvar")
    near = proposal_factory("open", title="Nästan där")
    add_signatures(far, 1)
    add_signatures(near, near.threshold - 1)
    proposal_factory("referred", title="Redan lämnat till nämnd")
    listed = section(home(client), "near-heading")
    assert listed.index("Nästan där") < listed.index("Långt kvar")
    assert "Redan lämnat till nämnd" not in listed
    assert f'href="{near.get_url()}"' in listed


def test_no_near_section_without_open_proposals(client, box):
    assert 'id="near-heading"' not in home(client)


def test_latest_answers_and_decisions_are_shown_with_who_gave_them(
    client, proposal_factory
):
    answered = proposal_factory("answered", title="Fler bänkar i Stadsparken")
    response = FeedbackEntry.objects.create(
        proposal=answered,
        kind=EntryKind.RESPONSE,
        text="Vi ställer ut tio nya bänkar i vår.",
        signed_by="Per Holm (Mittenpartiet), ordförande i tekniska nämnden",
    )
    FeedbackEntry.objects.create(
        proposal=answered,
        kind=EntryKind.RESPONSE,
        text="Intern anteckning som inte är offentlig.",
        public=False,
    )
    rejected = proposal_factory("rejected", title="Avvisat förslag")
    FeedbackEntry.objects.create(
        proposal=rejected, kind=EntryKind.DECISION, text="Syns inte."
    )
    answers = section(home(client), "answers-heading")
    assert "Ni sa – vi gjorde" in answers
    assert "Vi ställer ut tio nya bänkar i vår." in answers
    assert "Per Holm (Mittenpartiet)" in answers
    assert f'href="{answered.get_url()}#handelse-{response.pk}"' in answers
    assert "Intern anteckning" not in answers
    assert "Avvisat förslag" not in answers and "Syns inte." not in answers


def test_each_proposal_shows_its_latest_answer_once(client, proposal_factory):
    answered = proposal_factory("answered", title="Hundrastgård i Södra Mittköping")
    FeedbackEntry.objects.create(
        proposal=answered, kind=EntryKind.RESPONSE, text="Vi utreder platsen."
    )
    FeedbackEntry.objects.create(
        proposal=answered, kind=EntryKind.IMPLEMENTATION, text="Staketet är beställt."
    )
    answers = section(home(client), "answers-heading")
    assert answers.count("Hundrastgård i Södra Mittköping") == 1
    assert "Staketet är beställt." in answers and "Vi utreder platsen." not in answers

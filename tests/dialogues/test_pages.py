"""What a resident reads: the dialogue page in order, the ladder page, the demo."""

import io

import pytest

from dialogues import demo as dialogue_demo
from dialogues.choices import InfluenceLevel, Status
from dialogues.models import (
    DialogueIndexPage,
    DialoguePage,
    DialogueSurveyPage,
    LadderPage,
)
from tests.dialogues.conftest import method

pytestmark = pytest.mark.django_db


def test_dialogue_page_in_order_of_importance(client, make_dialogue, make_event):
    dialogue = make_dialogue(
        title="Parken",
        question="Hur vill du använda parken?",
        influence_level=InfluenceLevel.DIALOGUE,
        open_to_influence="<p>Lekplatsens utformning</p>",
        fixed_frame="<p>Budgeten är två miljoner</p>",
        decision_planned_date="2027-03-15",
        methods=[method("kafedialog")],
        events=[make_event()],
        contact_name="Sara Ek",
        contact_email="sara.ek@mittkoping.se",
    )
    html = client.get(dialogue.url).content.decode()
    order = [
        "Hur vill du använda parken?",
        "du får resonera",
        "Öppen",
        "Lekplatsens utformning",
        "Budgeten är två miljoner",
        "Kommunstyrelsen fattar beslutet.",
        "Beslutet planeras 15 mars 2027.",
        "Så deltar du",
        "Kafédialog",
        "Stadsbiblioteket",
        "Sara Ek",
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)


def test_finished_dialogue_shows_result_feedback_decision_and_effect(
    client, make_dialogue
):
    dialogue = make_dialogue(
        status=Status.FEEDBACK_GIVEN,
        result="<p>Resultattext</p>",
        result_date="2026-12-01",
        feedback="<p>Återkopplingstext</p>",
        feedback_date="2026-12-10",
        decision="<p>Beslutstext</p>",
        decision_date="2027-01-20",
        effect_on_decision="<p>Styreffekttext</p>",
    )
    html = client.get(dialogue.url).content.decode()
    for text in (
        "Resultattext",
        "1 december 2026",
        "Återkopplingstext",
        "10 december 2026",
        "Beslutstext",
        "20 januari 2027",
        "Styreffekttext",
        "styreffekt",
    ):
        assert text in html


def test_ladder_page_explains_each_step_and_lists_its_dialogues(
    client, index, make_dialogue
):
    ladder = LadderPage(title="Delaktighetstrappan", slug="delaktighetstrappan")
    index.add_child(instance=ladder)
    ladder.save_revision().publish()
    make_dialogue(title="Budget för unga", influence_level=InfluenceLevel.CO_DECISION)
    make_dialogue(title="Enkät om parker")
    response = client.get(ladder.url)
    html = response.content.decode()
    assert response.status_code == 200
    for verb in ("Veta", "Tycka", "Resonera", "Genomföra", "Bestämma"):
        assert f"<dt>Invånarna får</dt><dd>{verb}</dd>" in html
    assert "Envägskommunikation" in html
    assert "Framtidsverkstad" in html
    co_decision = html.index('id="niva-co_decision"')
    consultation = html.index('id="niva-consultation"')
    assert html.index("Budget för unga") > co_decision
    assert consultation < html.index("Enkät om parker") < co_decision
    assert f'href="{ladder.url}"' in client.get(index.url).content.decode()


def test_english_version_is_available(client, make_dialogue):
    dialogue = make_dialogue()
    response = client.get("/en" + dialogue.url)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_demo_has_dialogues_across_statuses_and_levels(site):
    dialogue_demo.build(site, io.StringIO())
    dialogues = DialoguePage.objects.live()
    assert dialogues.count() >= 6
    assert set(dialogues.values_list("status", flat=True)) == set(Status.values)
    assert len(set(dialogues.values_list("influence_level", flat=True))) >= 4
    assert (
        DialogueIndexPage.objects.live().filter(locale__language_code="sv").count() == 1
    )
    assert LadderPage.objects.live().filter(locale__language_code="sv").count() == 1
    survey = DialogueSurveyPage.objects.get()
    assert survey.is_open
    for finished in dialogues.filter(status__in=[Status.FEEDBACK_GIVEN, Status.CLOSED]):
        assert finished.result and finished.feedback and finished.effect_on_decision
    assert all(d.events.exists() for d in dialogues.filter(status=Status.OPEN))
    dialogue_demo.build(site, io.StringIO())
    assert DialoguePage.objects.count() == dialogues.count()


def test_ladder_query_count_does_not_grow(client, index, make_dialogue):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ladder = LadderPage(title="Delaktighetstrappan", slug="delaktighetstrappan")
    index.add_child(instance=ladder)
    ladder.save_revision().publish()

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(ladder.url).status_code == 200
        return len(queries)

    make_dialogue()
    client.get(ladder.url)
    few = count()
    for level in list(InfluenceLevel) * 3:
        make_dialogue(influence_level=level)
    assert count() == few


def test_demo_comments_are_threaded_and_built_once(client, site):
    from django_comments_xtd.models import XtdComment

    dialogue_demo.build(site, io.StringIO())
    dialogue_demo.build(site, io.StringIO())
    assert XtdComment.objects.count() == 4
    reply = XtdComment.objects.get(user_name="Greta")
    assert reply.level == 1
    page = DialoguePage.objects.get(slug="viktigast-for-mittkoping")
    html = client.get(page.url).content.decode()
    assert html.index("Bostäder för unga") < html.index("hyresrätter nära stationen")
    assert "demo@example.org" not in html

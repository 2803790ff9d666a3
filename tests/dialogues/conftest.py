"""Fixtures for dialogue tests: an index page and a factory for dialogue pages."""

import datetime
import itertools
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from dialogues.choices import InfluenceLevel, Status
from dialogues.models import (
    DialogueEvent,
    DialogueIndexPage,
    DialogueMethod,
    DialoguePage,
    DialogueSurveyPage,
    SurveyField,
)
from municipality.models import Committee

STOCKHOLM = ZoneInfo("Europe/Stockholm")
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def swedish():
    """Swedish is the site's language; a request to /en/ in an earlier test must
    not leave English active for code that runs outside a request."""
    with translation.override("sv"):
        yield


@pytest.fixture
def committee(db):
    return Committee.objects.create(name="Kommunstyrelsen", slug="kommunstyrelsen")


@pytest.fixture
def index(site):
    page = DialogueIndexPage(title="Dialoger", slug="dialoger")
    site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def method(slug):
    return DialogueMethod.objects.get(slug=slug)


@pytest.fixture
def make_dialogue(index, committee):
    """make_dialogue(**fields) publishes a dialogue that passes the rules: open,
    consultation, with question, frame, committee and end date unless overridden."""

    def make(parent=None, methods=(), target_groups=(), areas=(), events=(), **fields):
        number = next(_numbers)
        defaults = {
            "title": f"Dialog {number}",
            "slug": f"dialog-{number}",
            "question": f"Vad tycker du om fråga {number}?",
            "influence_level": InfluenceLevel.CONSULTATION,
            "status": Status.OPEN,
            "open_to_influence": "<p>Utformningen.</p>",
            "fixed_frame": "<p>Budgeten.</p>",
            "committee": committee,
            "start_date": datetime.date(2026, 11, 1),
            "end_date": datetime.date(2026, 12, 31),
        }
        defaults.update(fields)
        page = DialoguePage(
            methods=list(methods),
            target_groups=list(target_groups),
            areas=list(areas),
            events=list(events),
            **defaults,
        )
        (parent or index).add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def make_event():
    def make(**fields):
        defaults = {
            "title": "Kafédialog",
            "starts_at": datetime.datetime(2026, 12, 3, 18, 0, tzinfo=STOCKHOLM),
            "ends_at": datetime.datetime(2026, 12, 3, 20, 30, tzinfo=STOCKHOLM),
            "place": "Stadsbiblioteket",
            "address": "Biblioteksgatan 1",
            "accessibility": "Hörslinga och entré utan trappsteg.",
            "registration_url": "https://mittkoping.se/anmalan",
        }
        defaults.update(fields)
        return DialogueEvent(**defaults)

    return make


@pytest.fixture
def make_survey():
    def make(dialogue, slug="enkat"):
        survey = DialogueSurveyPage(
            title="Enkät",
            slug=slug,
            form_fields=[
                SurveyField(
                    sort_order=0,
                    label="Hur ofta använder du internet?",
                    field_type="radio",
                    required=True,
                    choices="Varje dag\nSällan",
                ),
                SurveyField(
                    sort_order=1,
                    label="Övriga synpunkter",
                    field_type="multiline",
                    required=False,
                ),
            ],
        )
        dialogue.add_child(instance=survey)
        survey.save_revision().publish()
        return survey

    return make


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser(
        "redaktor", "redaktor@mittkoping.se", "Lösenord-för-test-123"
    )
    client.force_login(user)
    return client

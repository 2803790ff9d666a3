"""Dialogues on the front page: what is open to influence now (with its ladder
step and dates), the meetings coming up, and what communicators feature."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from dialogues.choices import InfluenceLevel, Status
from home.models import HomePage

pytestmark = pytest.mark.django_db


def section(client, heading_id):
    html = client.get("/").content.decode()
    found = re.search(
        rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S
    )
    return found[0] if found else ""


def test_open_dialogues_show_their_ladder_step_and_dates(client, make_dialogue):
    dialogue = make_dialogue(
        title="Storgatans framtid",
        influence_level=InfluenceLevel.DIALOGUE,
        end_date=datetime.date(2027, 1, 31),
    )
    shown = section(client, "open-dialogues-heading")
    assert f'href="{dialogue.url}"' in shown
    assert "Steg 3 av 5: <strong>Dialog</strong>" in shown
    assert 'aria-current="step"' in shown
    assert "31 januari 2027" in shown


def test_only_dialogues_open_to_influence_are_listed(client, make_dialogue):
    make_dialogue(title="Öppen konsultation")
    make_dialogue(title="Bara information", influence_level=InfluenceLevel.INFORMATION)
    make_dialogue(title="Avslutad dialog", status=Status.CLOSED)
    restricted = make_dialogue(title="Bara för inloggade")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.LOGIN
    )
    shown = section(client, "open-dialogues-heading")
    assert "Öppen konsultation" in shown
    for hidden in ("Bara information", "Avslutad dialog", "Bara för inloggade"):
        assert hidden not in shown


def test_upcoming_meetings_are_listed_soonest_first(client, make_dialogue, make_event):
    now = timezone.now()
    make_dialogue(
        events=[
            make_event(title="Senare möte", starts_at=now + datetime.timedelta(days=9)),
            make_event(title="Nästa möte", starts_at=now + datetime.timedelta(days=2)),
            make_event(title="Förra mötet", starts_at=now - datetime.timedelta(days=2)),
        ]
    )
    shown = section(client, "events-heading")
    assert shown.index("Nästa möte") < shown.index("Senare möte")
    assert "Förra mötet" not in shown


def test_communicators_choose_what_comes_first(client, make_dialogue):
    chosen = make_dialogue(title="Budget för unga")
    unpublished = make_dialogue(title="Inte publicerad än")
    unpublished.unpublish()
    home = HomePage.objects.get(locale__language_code="sv")
    home.featured = [
        ("page", {"page": chosen, "text": "Säg ditt om fritidsgårdarna."}),
        ("page", {"page": unpublished, "text": ""}),
    ]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    featured = section(client, "featured-heading")
    assert "Budget för unga" in featured and "Säg ditt om fritidsgårdarna." in featured
    assert "Inte publicerad än" not in featured
    assert html.index('id="featured-heading"') < html.index(
        'id="open-dialogues-heading"'
    )


def test_the_dialogue_page_draws_the_ladder_and_links_its_explanation(
    client, index, make_dialogue
):
    from dialogues.models import LadderPage

    ladder = LadderPage(title="Delaktighetstrappan", slug="trappan")
    index.add_child(instance=ladder)
    ladder.save_revision().publish()
    dialogue = make_dialogue(influence_level=InfluenceLevel.INFLUENCE)
    html = client.get(dialogue.url).content.decode()
    assert "Steg 4 av 5: <strong>Inflytande</strong>" in html
    current = re.findall(r'<li class="ladder__step[^"]*"[^>]*aria-current="step"', html)
    assert len(current) == 1 and "ladder__step--4" in current[0]
    assert f'href="{ladder.url}"' in html
    # The listing shows each dialogue's step too, linked to its explanation.
    listing = client.get(index.url).content.decode()
    assert f'href="{ladder.url}#niva-influence"' in listing


def test_the_ladder_page_has_no_table_to_scroll_sideways(client, index):
    from dialogues.models import LadderPage

    ladder = LadderPage(title="Delaktighetstrappan", slug="trappan")
    index.add_child(instance=ladder)
    ladder.save_revision().publish()
    html = client.get(ladder.url).content.decode()
    assert "<table" not in html
    assert html.count('class="ladder-overview__step"') == 5

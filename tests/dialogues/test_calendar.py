"""Each event downloads as an iCalendar file in Europe/Stockholm time."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def download(client, dialogue, event):
    url = dialogue.event_ical_url(event)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    return Calendar.from_ical(response.content)


@pytest.mark.parametrize(
    ("start", "utc_hour"),
    [
        (datetime.datetime(2026, 12, 3, 18, 0, tzinfo=STOCKHOLM), 17),  # CET
        (datetime.datetime(2027, 6, 10, 18, 0, tzinfo=STOCKHOLM), 16),  # CEST
    ],
)
def test_ical_parses_with_stockholm_times(
    client, make_dialogue, make_event, start, utc_hour
):
    event = make_event(
        starts_at=start, ends_at=start + datetime.timedelta(hours=2, minutes=30)
    )
    dialogue = make_dialogue(
        title="Trygghet i centrum",
        end_date=datetime.date(2027, 12, 31),
        events=[event],
    )
    event = dialogue.events.get()
    calendar = download(client, dialogue, event)
    [vevent] = calendar.walk("VEVENT")
    dtstart = vevent.decoded("DTSTART")
    dtend = vevent.decoded("DTEND")
    assert dtstart == start
    assert dtstart.hour == 18
    assert dtstart.astimezone(datetime.UTC).hour == utc_hour
    assert str(dtstart.tzinfo) == "Europe/Stockholm"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert dtend - dtstart == datetime.timedelta(hours=2, minutes=30)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert str(vevent["SUMMARY"]) == "Kafédialog – Trygghet i centrum"
    assert str(vevent["LOCATION"]) == "Stadsbiblioteket, Biblioteksgatan 1"
    assert "Hörslinga" in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]).endswith(dialogue.url)


def test_event_without_end_gets_a_default_length(client, make_dialogue, make_event):
    dialogue = make_dialogue(events=[make_event(ends_at=None)])
    event = dialogue.events.get()
    [vevent] = download(client, dialogue, event).walk("VEVENT")
    assert vevent.decoded("DTEND") - vevent.decoded("DTSTART") == datetime.timedelta(
        hours=2
    )


def test_dialogue_page_links_each_event(client, make_dialogue, make_event):
    dialogue = make_dialogue(
        events=[make_event(title="Första"), make_event(title="Andra")]
    )
    html = client.get(dialogue.url).content.decode()
    for event in dialogue.events.all():
        assert dialogue.event_ical_url(event) in html
    assert "Lägg till Första i din kalender" in html
    assert "Anmäl dig till Första" in html
    assert "Hörslinga och entré utan trappsteg." in html


def test_unknown_event_is_404(client, make_dialogue, make_event):
    dialogue = make_dialogue(events=[make_event()])
    other = make_dialogue(events=[make_event()])
    response = client.get(dialogue.event_ical_url(other.events.get()))
    assert response.status_code == 404

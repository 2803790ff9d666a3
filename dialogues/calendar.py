"""iCalendar files for a dialogue's events, in Europe/Stockholm time."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

DEFAULT_DURATION = timedelta(hours=2)


def event_calendar(dialogue, event, request=None):
    """A calendar with one VEVENT; times carry the TZID and a VTIMEZONE."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//Delaktig//Dialoger//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    starts = timezone.localtime(event.starts_at, zone)
    ends = timezone.localtime(event.ends_at or event.starts_at + DEFAULT_DURATION, zone)
    item = Event()
    host = request.get_host() if request else "delaktig"
    item.add("uid", f"dialogue-event-{event.pk}@{host}")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", starts)
    item.add("dtend", ends)
    item.add("summary", f"{event.title} – {dialogue.title}")
    location = ", ".join(part for part in (event.place, event.address) if part)
    item.add("location", location)
    description = [dialogue.question or strip_tags(dialogue.introduction)]
    if event.accessibility:
        description.append(event.accessibility)
    if event.registration_url:
        description.append(event.registration_url)
    item.add("description", "\n\n".join(part for part in description if part))
    url = dialogue.get_full_url(request)
    if url:
        item.add("url", url)
    calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar


def event_response(request, dialogue, event_id):
    event = dialogue.events.filter(pk=event_id).first()
    if event is None:
        raise Http404
    body = event_calendar(dialogue, event, request).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{dialogue.slug}-{event.pk}.ics"'
    )
    return response

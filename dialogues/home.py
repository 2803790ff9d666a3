"""The dialogues' sections on the front page (home/sections.py): what is open to
influence now, with its ladder step and dates, and the meetings coming up."""

from django.utils import timezone
from wagtail.models import Page

from home.sections import HomeSection

from . import rules
from .choices import InfluenceLevel, Status
from .models import DialogueEvent, DialogueIndexPage, DialoguePage, LadderPage

OPEN_DIALOGUES = 6
EVENTS = 3


def sections(request, home):
    return [open_dialogues_section(home), events_section(home)]


def open_dialogues_section(home):
    """Open and planned dialogues that invite residents to take part (not those at
    the information step), closing soonest first; or None if there are none."""
    dialogues = list(
        rules.order_for_listing(
            DialoguePage.objects.live()
            .public()
            .descendant_of(home)
            .filter(status__in=[Status.OPEN, Status.PLANNED])
            .exclude(influence_level=InfluenceLevel.INFORMATION)
            .select_related("committee")
        )[:OPEN_DIALOGUES]
    )
    if not dialogues:
        return None
    index = DialogueIndexPage.objects.live().public().descendant_of(home).first()
    ladder = (
        LadderPage.objects.live().public().child_of(index).first() if index else None
    )
    return HomeSection(
        "dialogues/home/open_dialogues.html",
        order=20,
        context={
            "dialogues": dialogues,
            "index_url": index.url if index else "",
            "ladder": ladder,
            "stylesheets": ["css/dialogues.css"],
        },
    )


def events_section(home):
    """The next meetings of published dialogues, soonest first."""
    visible = Page.objects.live().public().descendant_of(home).type(DialoguePage)
    events = list(
        DialogueEvent.objects.filter(
            starts_at__gte=timezone.now(), page__in=visible.values("pk")
        )
        .select_related("page")
        .order_by("starts_at")[:EVENTS]
    )
    if not events:
        return None
    return HomeSection(
        "dialogues/home/events.html", order=50, context={"events": events}
    )

"""What the accountability pages show: everything past its promised date
("Försenade svar"), and what residents said joined to what was decided and done
("Ni sa – vi gjorde"). Public fields only; a fixed number of queries whatever
the number of items."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogues import promises
from dialogues.models import DialoguePage
from proposals import answer_clock
from proposals.constants import DecisionOutcome, Status
from proposals.models import Milestone, Proposal, SuggestionBoxPage
from proposals.views.base import proposal_url

PROPOSAL, DIALOGUE = "proposal", "dialogue"
DECIDED_DIALOGUE_STATUSES = ("feedback_given", "closed")


def _boxes():
    """The boxes by id, once: each proposal's address is worked out on its box."""
    return {box.pk: box for box in SuggestionBoxPage.objects.live().public()}


@dataclass
class OverdueItem:
    kind: str
    title: str
    url: str
    committee: str
    due: date
    days_overdue: int
    promise: str = ""
    state_label: str = ""


def overdue_items(request=None, *, today=None):
    """Every proposal and dialogue promise past its date, unanswered or not kept."""
    today = today or timezone.localdate()
    boxes = _boxes()
    items = []
    referred = (
        Proposal.objects.public().filter(box__in=boxes).select_related("committee")
    )
    for proposal in answer_clock.overdue_proposals(referred, today=today):
        proposal.box = boxes[proposal.box_id]
        items.append(
            OverdueItem(
                PROPOSAL,
                proposal.title,
                proposal_url(proposal.box, proposal.pk),
                proposal.committee.name if proposal.committee_id else "",
                proposal.answer_clock.due,
                proposal.answer_clock.days_overdue,
            )
        )
    for promise in promises.overdue_promises(on=today):
        dialogue = promise.dialogue
        items.append(
            OverdueItem(
                DIALOGUE,
                dialogue.title,
                dialogue.get_url(request=request),
                dialogue.committee.name if dialogue.committee_id else "",
                promise.due_date,
                promise.days_late,
                promise=promise.text,
                state_label=(
                    promise.state_label
                    if promise.state == promises.PromiseState.NOT_KEPT
                    else ""
                ),
            )
        )
    return items


def by_committee(items):
    """[(committee, items oldest date first)], committees by name, none last."""
    groups = {}
    for item in items:
        groups.setdefault(item.committee, []).append(item)
    ordered = sorted(groups.items(), key=lambda group: (group[0] == "", group[0]))
    return [
        (name, sorted(group, key=lambda item: (item.due, item.title)))
        for name, group in ordered
    ]


@dataclass
class Outcome:
    """One row of "ni sa – vi gjorde": what residents said, what was decided, what
    happened after."""

    kind: str
    title: str
    url: str
    committee: str
    areas: list
    said: str
    signatures: int | None
    decision: str
    outcome: str
    outcome_label: str
    decided_on: date | None
    minutes_url: str
    milestones: list = field(default_factory=list)
    promise: object = None

    @property
    def year(self):
        return self.decided_on.year if self.decided_on else None


OUTCOME_CHOICES = [*DecisionOutcome.choices, ("dialogue", _("Dialog med beslut"))]


def _dialogue_outcomes(request, filters):
    dialogues = (
        DialoguePage.objects.live()
        .public()
        .filter(status__in=DECIDED_DIALOGUE_STATUSES)
        .select_related("committee", "promise")
        .prefetch_related(
            "areas",
            Prefetch(
                "milestones", queryset=Milestone.objects.order_by("planned_on", "pk")
            ),
        )
        .order_by("-decision_date", "-feedback_date", "title")
    )
    if filters.get("area"):
        dialogues = dialogues.filter(areas=filters["area"])
    if filters.get("committee"):
        dialogues = dialogues.filter(committee=filters["committee"])
    if filters.get("year"):
        dialogues = dialogues.filter(decision_date__year=filters["year"])
    outcome = filters.get("outcome")
    if outcome and outcome != "dialogue":
        return []
    rows = []
    for dialogue in dialogues:
        promise = getattr(dialogue, "promise", None)
        if promise is not None:
            promises.annotate(promise)
        rows.append(
            Outcome(
                DIALOGUE,
                dialogue.title,
                dialogue.get_url(request=request),
                dialogue.committee.name if dialogue.committee_id else "",
                [area.name for area in dialogue.areas.all()],
                dialogue.result,
                None,
                dialogue.decision,
                "dialogue",
                _("Beslut efter dialog") if dialogue.decision else _("Återkopplat"),
                dialogue.decision_date or dialogue.feedback_date,
                "",
                list(dialogue.milestones.all()),
                promise,
            )
        )
    return rows


def _proposal_outcomes(filters):
    boxes = _boxes()
    proposals = (
        Proposal.objects.filter(status=Status.ANSWERED, box__in=boxes)
        .select_related("committee", "area")
        .prefetch_related(
            Prefetch(
                "milestones", queryset=Milestone.objects.order_by("planned_on", "pk")
            )
        )
        .order_by("-decided_on", "-pk")
    )
    if filters.get("area"):
        proposals = proposals.filter(area=filters["area"])
    if filters.get("committee"):
        proposals = proposals.filter(committee=filters["committee"])
    if filters.get("year"):
        proposals = proposals.filter(decided_on__year=filters["year"])
    outcome = filters.get("outcome")
    if outcome == "dialogue":
        return []
    if outcome:
        proposals = proposals.filter(outcome=outcome)
    rows = []
    for proposal in proposals:
        proposal.box = boxes[proposal.box_id]
        rows.append(
            Outcome(
                PROPOSAL,
                proposal.title,
                proposal_url(proposal.box, proposal.pk),
                proposal.committee.name if proposal.committee_id else "",
                [proposal.area.name] if proposal.area_id else [],
                proposal.text,
                proposal.signature_count,
                "",
                proposal.outcome,
                proposal.get_outcome_display(),
                proposal.decided_on,
                proposal.decision_url,
                list(proposal.milestones.all()),
            )
        )
        rows[-1].answer_clock = answer_clock.clock(proposal)
    return rows


def outcomes(request=None, filters=None):
    """Decided dialogues and answered proposals, latest decision first."""
    filters = filters or {}
    rows = _dialogue_outcomes(request, filters) + _proposal_outcomes(filters)
    rows.sort(key=lambda row: (row.decided_on or date.min, row.title), reverse=True)
    return rows


def decision_years():
    """The years anything was decided in, newest first (for the year filter)."""
    years = {
        day.year
        for day in Proposal.objects.filter(
            status=Status.ANSWERED, decided_on__isnull=False
        ).dates("decided_on", "year")
    }
    years |= {
        day.year
        for day in DialoguePage.objects.live()
        .filter(decision_date__isnull=False)
        .dates("decision_date", "year")
    }
    return sorted(years, reverse=True)

"""Every figure on the public statistics page, computed in one place.

Each function takes the querysets it counts (the whole database by default) and
an optional year, runs a fixed number of aggregate queries, and returns plain
numbers. The page, the tests and anything else read the figures from here.

Conventions used throughout:

- A proposal is *submitted* when the proposer confirmed it by e-mail, i.e. it
  reached moderation (``confirmed_at`` is set). Submitted proposals include those
  later rejected or withdrawn; about those only a count is ever given.
- Every other figure counts only public proposals (``Proposal.objects.public()``):
  never rejected, never unconfirmed, never still in moderation.
- Years and days are those of the municipality's clock (``TIME_ZONE``,
  Europe/Stockholm). A proposal counts in the year in which the counted event
  happened: submitted in the year of ``confirmed_at``, published in the year of
  ``opened_at``, referred in the year of ``referred_at``, answered in the year of
  ``answered_at``.
- Handling times are counted from the proposer's confirmation (``confirmed_at``),
  not from ``created_at``: the time a proposal waits for its author to click the
  e-mail link is not the municipality's handling time.
"""

import statistics
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from dialogues.choices import InfluenceLevel
from dialogues.choices import Status as DialogueStatus
from dialogues.models import DialoguePage
from municipality.models import Area, AreaPopulation
from proposals.constants import EntryKind
from proposals.models import FeedbackEntry, Proposal, Signature

# What is counted per year and per committee: name → (date field, public only).
MILESTONES = {
    "submitted": ("confirmed_at", False),
    "published": ("opened_at", True),
    "referred": ("referred_at", True),
    "answered": ("answered_at", True),
}


@dataclass(frozen=True)
class Counts:
    """Proposals submitted, published, referred and answered in one year or by
    one committee."""

    submitted: int = 0
    published: int = 0
    referred: int = 0
    answered: int = 0

    def __bool__(self):
        return any((self.submitted, self.published, self.referred, self.answered))


@dataclass(frozen=True)
class Median:
    """The median number of days and how many proposals it was computed from."""

    days: float | None
    count: int


@dataclass(frozen=True)
class Share:
    part: int
    total: int

    @property
    def percent(self):
        """The share in per cent, or None when there is nothing to divide by."""
        return 100 * self.part / self.total if self.total else None


@dataclass(frozen=True)
class AreaRate:
    """Counted signatures from an area and the area's population, if entered."""

    area: str
    label: str
    signatures: int
    population: int | None
    population_year: int | None

    @property
    def per_thousand(self):
        """Signatures per 1,000 residents; None when the population is missing."""
        if not self.population:
            return None
        return 1000 * self.signatures / self.population


def _proposals(proposals):
    return Proposal.objects.all() if proposals is None else proposals


def _in_year(field, year):
    return Q(**{f"{field}__year": year}) if year is not None else Q()


def _public_ids(proposals):
    return proposals.public().values("pk")


def counts_per_year(proposals=None):
    """{year: Counts} for every year in which anything was submitted, published,
    referred or answered, oldest first.

    submitted: proposals with ``confirmed_at`` set (any status, rejected
    included), by the year of ``confirmed_at``; published, referred, answered:
    public proposals with ``opened_at``, ``referred_at``, ``answered_at`` set,
    by the year of that date. Four aggregate queries."""
    proposals = _proposals(proposals)
    by_year = {}
    for name, (field, public_only) in MILESTONES.items():
        queryset = proposals.public() if public_only else proposals
        rows = (
            queryset.filter(**{f"{field}__isnull": False})
            .annotate(year=ExtractYear(field))
            .values("year")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for row in rows:
            by_year.setdefault(row["year"], {})[name] = row["n"]
    return {year: Counts(**by_year[year]) for year in sorted(by_year)}


def counts_per_committee(proposals=None, year=None):
    """[(committee name or None, Counts)] ordered by name, the proposals without a
    committee (None) last; only committees with something to count.

    The committee is ``Proposal.committee``, recorded when a referred proposal is
    registered, so until then a proposal counts under None. The four numbers
    are defined as in counts_per_year; with a year, each counts only events in
    that year. One aggregate query."""
    proposals = _proposals(proposals)
    public = Q(pk__in=_public_ids(proposals))
    aggregates = {}
    for name, (field, public_only) in MILESTONES.items():
        condition = Q(**{f"{field}__isnull": False}) & _in_year(field, year)
        if public_only:
            condition &= public
        aggregates[name] = Count("pk", filter=condition)
    rows = (
        proposals.filter(confirmed_at__isnull=False)
        .values("committee__name")
        .annotate(**aggregates)
        .order_by()
    )
    result = [
        (row["committee__name"], Counts(**{name: row[name] for name in MILESTONES}))
        for row in rows
    ]
    result = [(name, counts) for name, counts in result if counts]
    return sorted(result, key=lambda pair: (pair[0] is None, pair[0] or ""))


def _days(start, end):
    """Calendar days from the local date of ``start`` to the date ``end``."""
    return (end - timezone.localdate(start)).days


def _decision_date(decided_on, answered_at):
    if decided_on is not None:
        return decided_on
    return timezone.localdate(answered_at) if answered_at is not None else None


def median_days(proposals=None, year=None):
    """{"publication", "referral", "decision": Median} over public proposals.

    Days are whole calendar days from the local date of ``confirmed_at`` to the
    local date of ``opened_at`` (publication), of ``referred_at`` (referral), and
    to the decision date ``decided_on`` (decision; the local date of
    ``answered_at`` if no decision date was recorded). Each median covers the
    proposals that reached that step, with a year those that reached it in that
    year; with an even count it is the mean of the two middle values. Computed in
    Python from one query, so it is the same on SQLite and PostgreSQL."""
    queryset = (
        _proposals(proposals).public().filter(confirmed_at__isnull=False).order_by()
    )
    if year is not None:
        queryset = queryset.filter(
            Q(opened_at__year=year)
            | Q(referred_at__year=year)
            | Q(decided_on__year=year)
            | Q(answered_at__year=year)
        )
    days = {"publication": [], "referral": [], "decision": []}
    rows = queryset.values_list(
        "confirmed_at", "opened_at", "referred_at", "decided_on", "answered_at"
    )
    for confirmed, opened, referred, decided_on, answered in rows:
        ends = {
            "publication": opened and timezone.localdate(opened),
            "referral": referred and timezone.localdate(referred),
            "decision": _decision_date(decided_on, answered),
        }
        for name, end in ends.items():
            if end is not None and (year is None or end.year == year):
                days[name].append(_days(confirmed, end))
    return {
        name: Median(statistics.median(values) if values else None, len(values))
        for name, values in days.items()
    }


def response_share(proposals=None, year=None):
    """Share of published proposals (public, ``opened_at`` set; with a year,
    published in that year) that have at least one public politician's response
    (a trail entry of kind ``response``) at any time. One aggregate query."""
    published = (
        _proposals(proposals)
        .public()
        .filter(Q(opened_at__isnull=False) & _in_year("opened_at", year))
    )
    responded = FeedbackEntry.objects.filter(
        kind=EntryKind.RESPONSE, public=True
    ).values("proposal_id")
    totals = published.aggregate(
        total=Count("pk"), part=Count("pk", filter=Q(pk__in=responded))
    )
    return Share(part=totals["part"], total=totals["total"])


def _dialogues(pages, year):
    pages = DialoguePage.objects.live().public() if pages is None else pages
    if year is not None:
        pages = pages.filter(start_date__year=year)
    return pages


def _count_by(pages, field, choices):
    counted = dict(pages.order_by().values_list(field).annotate(n=Count("pk")))
    return [(value, label, counted.get(value, 0)) for value, label in choices]


def dialogues_per_level(pages=None, year=None):
    """[(level, label, count)] for every step of the participation ladder, lowest
    first: live, public dialogue pages (with a year, those whose ``start_date``
    falls in it). One aggregate query."""
    return _count_by(_dialogues(pages, year), "influence_level", InfluenceLevel.choices)


def dialogues_per_status(pages=None, year=None):
    """[(status, label, count)] for every dialogue status in process order: live,
    public dialogue pages as they stand now (with a year, those whose
    ``start_date`` falls in it). One aggregate query."""
    return _count_by(_dialogues(pages, year), "status", DialogueStatus.choices)


def counted_signatures(signatures=None, year=None):
    """Signatures that count: confirmed (``confirmed_at`` set), not flagged, on a
    public proposal; with a year, confirmed in that year."""
    signatures = Signature.objects.all() if signatures is None else signatures
    return signatures.filter(
        Q(confirmed_at__isnull=False, flagged=False)
        & Q(proposal__in=Proposal.objects.public())
        & _in_year("confirmed_at", year)
    )


def signatures_per_thousand(signatures=None, populations=None, year=None):
    """[AreaRate] for every area (municipality.Area), in the areas' order.

    Signatures are counted_signatures() whose signer gave that area; for the
    area that stands for the whole municipality every counted signature,
    whatever area the signer gave or none. The population is the one the
    municipality entered (AreaPopulation); without one the rate is None
    ("uppgift saknas"), never a division by zero. Three queries."""
    populations = AreaPopulation.objects.all() if populations is None else populations
    by_area = dict(
        counted_signatures(signatures, year)
        .order_by()
        .values_list("area")
        .annotate(n=Count("pk"))
    )
    entered = {row.area_id: row for row in populations}
    rates = []
    for area in Area.objects.all():
        if area.whole_municipality:
            count = sum(by_area.values())
        else:
            count = by_area.get(area.pk, 0)
        population = entered.get(area.pk)
        rates.append(
            AreaRate(
                area=area.slug,
                label=area.name,
                signatures=count,
                population=population.population if population else None,
                population_year=population.year if population else None,
            )
        )
    return rates


def years(per_year, pages=None):
    """Every year with a counted proposal event (the keys of counts_per_year())
    or a dialogue start, newest first: the choices of the year filter. One
    query."""
    pages = DialoguePage.objects.live().public() if pages is None else pages
    found = set(per_year)
    found.update(day.year for day in pages.order_by().dates("start_date", "year"))
    return sorted(found, reverse=True)

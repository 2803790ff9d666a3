"""Runs the relevance test set through the site search and the similar-proposal
suggestions, as residents reach them, and counts what was found."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page, Site

from municipality.swedish import expand
from proposals.models import Proposal, SuggestionBoxPage
from proposals.similarity import similar_proposals

from ..results import MAX_HITS_PER_SOURCE, Kind, find
from .bench_cases import BENCH_CASES
from .cases import CASES
from .similar_cases import SIMILAR_CASES


@dataclass
class Measured:
    query: str
    kind: str
    found: list
    missed: set
    wrong: set
    first_ok: bool
    unpublished: set


def _titles(hits):
    """Titles of the hits, best first, and those of unpublished proposals among them."""
    proposal_ids = [hit.pk for hit in hits if hit.kind == Kind.PROPOSAL]
    proposals = Proposal.objects.in_bulk(proposal_ids)
    pages = Page.objects.in_bulk([hit.pk for hit in hits if hit.kind != Kind.PROPOSAL])
    public = set(
        Proposal.objects.public()
        .filter(pk__in=proposal_ids)
        .values_list("pk", flat=True)
    )
    titles, unpublished = [], set()
    for hit in hits:
        if hit.kind == Kind.PROPOSAL:
            titles.append(proposals[hit.pk].title)
            if hit.pk not in public:
                unpublished.add(proposals[hit.pk].title)
        else:
            titles.append(pages[hit.pk].title)
    return titles, unpublished


def search_case(case, site):
    hits = find(expand(case.query), site=site).hits
    found, unpublished = _titles(hits)
    relevant = case.expected | case.also
    return Measured(
        query=case.query,
        kind=case.kind,
        found=found,
        missed=set(case.expected) - set(found),
        wrong={title for title in found if title not in relevant},
        first_ok=not case.first or (bool(found) and found[0] in case.expected),
        unpublished=unpublished,
    )


def search_quality(site=None):
    """(per-case results, recall, precision) of the search test set."""
    site = site or Site.objects.get(is_default_site=True)
    measured = [search_case(case, site) for case in CASES]
    expected = sum(len(case.expected) for case in CASES)
    missed = sum(len(m.missed) for m in measured)
    found = sum(len(m.found) for m in measured)
    wrong = sum(len(m.wrong) for m in measured)
    recall = (expected - missed) / expected if expected else 1.0
    precision = (found - wrong) / found if found else 1.0
    return measured, recall, precision


def similar_quality(box=None):
    """(per-case (text, suggested, relevant), precision, recall) of the suggestions."""
    box = box or SuggestionBoxPage.objects.live().first()
    rows = []
    suggested_total = right = relevant_total = 0
    for text, relevant in SIMILAR_CASES:
        suggested = [p.title for p in similar_proposals(box, text)]
        rows.append((text, suggested, relevant))
        suggested_total += len(suggested)
        right += len(set(suggested) & relevant)
        relevant_total += len(relevant)
    precision = right / suggested_total if suggested_total else 1.0
    recall = right / relevant_total if relevant_total else 1.0
    return rows, precision, recall


def _relevant_proposals(forms):
    if not forms:
        return set()
    holds = reduce(or_, (Q(title__icontains=f) | Q(text__icontains=f) for f in forms))
    return set(Proposal.objects.public().filter(holds).values_list("pk", flat=True))


def bench_quality(site=None):
    """(per-case rows, recall, precision, unpublished hits) of the proposal search
    on generated data (bench_cases.py)."""
    site = site or Site.objects.get(is_default_site=True)
    public = set(Proposal.objects.public().values_list("pk", flat=True))
    rows = []
    wanted = got = found_total = right = unpublished = 0
    for query, kind, forms in BENCH_CASES:
        hits = find(expand(query), kind=Kind.PROPOSAL, site=site).hits
        found = {hit.pk for hit in hits}
        relevant = _relevant_proposals(forms)
        expected = min(len(relevant), MAX_HITS_PER_SOURCE)
        hit_right = len(found & relevant)
        rows.append((query, kind, len(found), len(relevant), hit_right))
        wanted += expected
        got += min(hit_right, expected)
        found_total += len(found)
        right += hit_right
        unpublished += len(found - public)
    recall = got / wanted if wanted else 1.0
    precision = right / found_total if found_total else 1.0
    return rows, recall, precision, unpublished

"""The suggestion box's sections on the front page (home/sections.py): the way in
("Lämna ett förslag"), proposals near their threshold or deadline, and the latest
answers and decisions ("ni sa – vi gjorde")."""

from home.sections import HomeSection
from municipality.models import MunicipalitySettings
from proposals.constants import ANSWER_KINDS, Status
from proposals.models import FeedbackEntry, Proposal, SuggestionBoxPage
from proposals.models.proposal import threshold_share

NEAR = 3
ANSWERS = 3


def sections(request, home):
    """The suggestion box's sections, or none if the site has no public box."""
    box = SuggestionBoxPage.objects.live().public().descendant_of(home).first()
    if box is None:
        return []
    return [
        submit_section(box),
        near_section(box),
        answers_section(request, box),
    ]


def submit_section(box):
    """One clear action: leave a proposal, with the box's rule in one sentence."""
    return HomeSection(
        "proposals/home/submit.html",
        order=10,
        context={
            "box": box,
            "submit_url": box.subpage_url("submit_view"),
            "stylesheets": ["css/proposals.css"],
        },
    )


def near_section(box):
    """Open proposals closest to their threshold (share of it reached), then
    closing soonest."""
    proposals = list(
        box.proposals.filter(status=Status.OPEN, threshold__gt=0)
        .annotate(share=threshold_share())
        .order_by("-share", "signing_deadline", "pk")[:NEAR]
    )
    proposals = [p for p in proposals if p.signing_open]
    for proposal in proposals:
        proposal.url = proposal.get_url()
    if not proposals:
        return None
    return HomeSection(
        "proposals/home/near.html",
        order=30,
        context={
            "proposals": proposals,
            "listing_url": box.subpage_url("listing_view"),
        },
    )


def answers_section(request, box):
    """The latest public responses, decisions and implementations on public
    proposals: what residents said, and what the municipality did."""
    public = Proposal.objects.public().filter(box=box)
    latest = FeedbackEntry.objects.filter(
        public=True, kind__in=ANSWER_KINDS, proposal__in=public
    ).order_by("-created_at", "-pk")
    # The latest answer of each proposal: a few more rows than shown, one per
    # proposal kept (a decision often follows a response on the same day).
    entries = []
    for entry in latest.select_related("proposal")[: ANSWERS * 4]:
        if all(entry.proposal_id != kept.proposal_id for kept in entries):
            entries.append(entry)
    entries = entries[:ANSWERS]
    if not entries:
        return None
    municipality = MunicipalitySettings.for_request(request).name
    for entry in entries:
        entry.proposal.box = box  # its address is worked out once, on the box
        entry.proposal.url = entry.proposal.get_url()
        entry.shown_byline = entry.byline(municipality)
    return HomeSection(
        "proposals/home/answers.html",
        order=40,
        context={
            "entries": entries,
            "answered_url": box.subpage_url("listing_view") + "?sort=recently_answered",
        },
    )

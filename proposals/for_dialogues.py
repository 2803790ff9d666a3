"""The proposals a dialogue page shows: its listing and 'ni sa, vi gjorde'."""

from django.db.models import Prefetch

from proposals.models import FeedbackEntry, SuggestionBoxPage
from proposals.views.base import proposal_url


def linked_proposals(dialogue, request, *, with_trail=False):
    """The dialogue's public proposals, most signed first, each with its address
    and (with_trail) its latest public trail entry. A fixed number of queries."""
    queryset = (
        dialogue.proposals.public()
        .select_related("box")
        .order_by("-signature_count", "title", "pk")
    )
    if with_trail:
        queryset = queryset.prefetch_related(
            Prefetch(
                "trail",
                queryset=FeedbackEntry.objects.filter(public=True),
                to_attr="public_trail",
            )
        )
    proposals = list(queryset)
    for proposal in proposals:
        proposal.url = proposal_url(proposal.box, proposal.pk)
        if with_trail:
            proposal.last_entry = (
                proposal.public_trail[-1] if proposal.public_trail else None
            )
    return proposals


def submit_url(dialogue, request):
    """The suggestion box's form with this dialogue chosen (empty if no box)."""
    box = SuggestionBoxPage.objects.live().public().first()
    if box is None:
        return ""
    return (
        box.get_url(request=request)
        + box.reverse_subpage("submit_view")
        + f"?dialog={dialogue.pk}"
    )

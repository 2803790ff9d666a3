"""What the trail shows to whom: public entries for everyone, all for the proposer."""

from municipality.models import MunicipalitySettings


def entries_for_display(proposal, request, *, include_private=False):
    """The trail oldest first, each entry with its byline and facts ready to show."""
    municipality = MunicipalitySettings.for_request(request).name
    queryset = proposal.trail.select_related("committee")
    if not include_private:
        queryset = queryset.filter(public=True)
    entries = list(queryset)
    for entry in entries:
        entry.shown_byline = entry.byline(municipality)
        entry.shown_facts = entry.facts()
    return entries

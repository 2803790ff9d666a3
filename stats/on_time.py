"""The share of proposals answered by their promised date, per committee and
year (the answer clocks of proposals/answer_clock.py)."""

from proposals import answer_clock
from proposals.constants import Status
from proposals.models import Proposal
from stats.figures import Share


def on_time_shares(year=None):
    """[(committee name, year, Share(on time, answered))] over public answered
    proposals, by the year of the decision. One query."""
    answered = (
        Proposal.objects.public()
        .filter(status=Status.ANSWERED, referred_at__isnull=False)
        .select_related("committee", "box")
    )
    if year is not None:
        answered = answered.filter(decided_on__year=year)
    shares = answer_clock.on_time_shares(answered)
    return [
        (name, decision_year, Share(part=on_time, total=total))
        for (name, decision_year), (on_time, total) in sorted(
            shares.items(), key=lambda item: (item[0][0] == "", item[0][0], item[0][1])
        )
    ]

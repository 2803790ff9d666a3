"""The factory writes a proposal as the lifecycle leaves it: the same status, dates,
terms, count and trail, for every status a test can ask for."""

import pytest

from proposals.constants import Status
from proposals.lifecycle.states import DATE_FIELDS
from tests.proposals.factories import make_proposal, walk_proposal

TERMS = ["status", "threshold", "signature_count", "outcome", "rejection_reason"]


def _shape(proposal):
    return {
        "terms": {name: getattr(proposal, name) for name in TERMS},
        "dates": {name for name in DATE_FIELDS.values() if getattr(proposal, name)},
        "deadline": proposal.signing_deadline is not None,
        "last_feedback": proposal.last_feedback_at is not None,
        "trail": [
            (entry.kind, entry.status, entry.public)
            for entry in proposal.trail.order_by("created_at", "pk")
        ],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("signatures", [0, 2])
def test_a_written_proposal_looks_like_a_walked_one(box, topic, status, signatures):
    walked = walk_proposal(box, topic, status, signatures=signatures)
    written = make_proposal(box, topic, status, signatures=signatures)
    assert _shape(written) == _shape(walked)

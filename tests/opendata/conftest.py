"""Fixtures for the open data tests: dialogues, proposals in every state, and a
trail with a politician's response and a private entry."""

import pytest

from dialogues.choices import InfluenceLevel
from dialogues.choices import Status as DialogueStatus
from dialogues.models import TargetGroup
from proposals import lifecycle
from proposals.constants import EntryKind, Status
from proposals.models import FeedbackEntry

# Fixtures shared with the apps' own tests.
from tests.dialogues.conftest import index, make_dialogue, swedish  # noqa: F401
from tests.municipality.factories import make_area
from tests.proposals.conftest import (  # noqa: F401
    _fresh_limits,
    box,
    politician,
    proposal_factory,
    topic,
)
from tests.proposals.factories import make_committee

PRIVATE_NOTE = "Intern anteckning om förslagsställaren"


@pytest.fixture
def committee(db):
    return make_committee()


@pytest.fixture
def dialogues(make_dialogue, committee):  # noqa: F811 (imported fixtures)
    """An open consultation with a result, and a planned dialogue at another level."""
    area = make_area("centrum", "Centrum")
    group = TargetGroup.objects.create(name="Unga", slug="unga")
    open_one = make_dialogue(
        title="Nya Stadsparken",
        question="Hur vill du använda Stadsparken?",
        areas=[area],
        target_groups=[group],
        result="<p>Många vill ha <b>fler bänkar</b>.</p><p>Och belysning.</p>",
    )
    planned = make_dialogue(
        title="Skolvägar",
        status=DialogueStatus.PLANNED,
        influence_level=InfluenceLevel.DIALOGUE,
        committee=None,
    )
    return {"open": open_one, "planned": planned}


@pytest.fixture
def proposals(proposal_factory, committee, politician):  # noqa: F811
    """One proposal in each state, the public ones with a trail."""
    made = {
        status: proposal_factory(status, title=f"Förslag {status}")
        for status in (
            Status.SUBMITTED,
            Status.IN_MODERATION,
            Status.REJECTED,
            Status.OPEN,
            Status.REFERRED,
            Status.ANSWERED,
            Status.CLOSED_UNSUPPORTED,
            Status.WITHDRAWN,
        )
    }
    # Withdrawn before it was ever published: never public.
    unpublished = proposal_factory(Status.IN_MODERATION, title="Återkallat tidigt")
    made["withdrawn_early"] = lifecycle.withdraw_proposal(unpublished)
    referred = made[Status.REFERRED]
    lifecycle.register_referral(referred, committee=committee, case_number="TN 1/26")
    lifecycle.add_response(referred, user=politician, text="Vi tittar på saken.")
    FeedbackEntry.objects.create(
        proposal=referred,
        kind=EntryKind.STATUS_UPDATE,
        public=False,
        text=PRIVATE_NOTE,
    )
    for proposal in made.values():
        proposal.refresh_from_db()
    return made

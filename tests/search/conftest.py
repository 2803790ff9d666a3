"""Fixtures for site search: dialogues, an information page and proposals in every
state, all mentioning playgrounds ("lekplats"), so one query can meet them all."""

import pytest

from dialogues.choices import Status as DialogueStatus
from home.demo import standard_page
from proposals.constants import Status
from tests.dialogues.conftest import index, make_dialogue  # noqa: F401
from tests.proposals.conftest import (  # noqa: F401
    _fresh_limits,
    box,
    proposal_factory,
    topic,
)
from tests.proposals.factories import make_committee


@pytest.fixture
def committee(db):
    return make_committee()


@pytest.fixture
def content(site, make_dialogue, proposal_factory):  # noqa: F811
    """Each kind and status once; proposals saved at every step of their path, as
    the lifecycle saves them, so the index holds what each step left in it."""
    make_dialogue(
        title="Lekplats i Norrparken",
        slug="lekplats-norrparken",
        question="Hur vill du att den nya lekplatsen ska se ut?",
        introduction="Vi bygger om lekplatsen i Norrparken och vill höra barnen.",
        status=DialogueStatus.OPEN,
    )
    make_dialogue(
        title="Lekplatsplan för hela kommunen",
        slug="lekplatsplan",
        question="Vilken lekplats ska rustas först?",
        status=DialogueStatus.CLOSED,
    )
    standard_page(
        site.root_page,
        "lekplatser",
        "Kommunens lekplatser",
        "Hitta en lekplats nära dig och se hur den sköts.",
        [],
    )
    proposals = {
        status: proposal_factory(
            status,
            title=f"Lekplats ({status})",
            text=f"En lekplats till i kvarteret, förslag som är {status}.",
        )
        for status in Status.values
    }
    return proposals

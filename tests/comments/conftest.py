"""One dialogue page and one proposal, both taking comments."""

import datetime

import pytest
from django.utils import translation

from dialogues.choices import InfluenceLevel, Status
from dialogues.models import DialogueIndexPage, DialoguePage
from tests.proposals.factories import (
    make_box,
    make_committee,
    make_proposal,
    make_topic,
)


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


@pytest.fixture
def dialogue(site):
    index = DialogueIndexPage(title="Dialoger", slug="dialoger")
    site.root_page.add_child(instance=index)
    page = DialoguePage(
        title="Parken",
        slug="parken",
        question="Hur ska parken se ut?",
        influence_level=InfluenceLevel.CONSULTATION,
        status=Status.OPEN,
        open_to_influence="<p>Utformningen.</p>",
        committee=make_committee(),
        start_date=datetime.date(2026, 11, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def proposal(site):
    return make_proposal(make_box(site), make_topic(), title="Fler bänkar")

"""Fixtures for the statistics page: proposals with known dates, dialogues."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import translation

from proposals import lifecycle
from proposals.constants import Status
from proposals.models import Proposal
from stats.models import StatisticsPage
from tests.dialogues.conftest import index, make_dialogue  # noqa: F401
from tests.proposals.factories import (
    make_box,
    make_committee,
    make_proposal,
    make_topic,
)
from tests.stats.helpers import at


@pytest.fixture(autouse=True)
def swedish():
    cache.clear()
    with translation.override("sv"):
        yield
    cache.clear()


@pytest.fixture
def box(site):
    return make_box(site)


@pytest.fixture
def topic(db):
    return make_topic()


@pytest.fixture
def committee(db):
    return make_committee()


@pytest.fixture
def board(db):
    return make_committee(name="Kommunstyrelsen", slug="kommunstyrelsen", days=90)


@pytest.fixture
def dated(box, topic):
    """dated(status, confirmed=, opened=, referred=, answered=, decided=,
    committee=): a proposal walked through the lifecycle to ``status``, then
    given exactly these dates (None for any not given)."""

    def make(
        status,
        *,
        confirmed=None,
        opened=None,
        referred=None,
        answered=None,
        decided=None,
        committee=None,
    ):
        proposal = make_proposal(box, topic, status=status, title=f"Förslag {status}")
        Proposal.objects.filter(pk=proposal.pk).update(
            confirmed_at=confirmed,
            opened_at=opened,
            referred_at=referred,
            answered_at=answered,
            decided_on=decided,
            committee=committee,
        )
        proposal.refresh_from_db()
        return proposal

    return make


@pytest.fixture
def history(dated, committee, board, box, topic):
    """Nine proposals over 2024–2025 whose figures the tests work out by hand
    (T = Tekniska nämnden, K = Kommunstyrelsen):

    A answered  confirmed 2024-12-20, opened 12-28, referred 2025-02-01,
                answered 2025-03-15, decided 2025-03-10, committee T
    B referred  confirmed 2025-01-10, opened 01-12, referred 04-01, committee K
    C open      confirmed 2025-05-01, opened 05-04
    D rejected  confirmed 2025-06-01
    E in moderation, confirmed 2025-07-01
    F submitted, never confirmed
    G withdrawn after publication: confirmed 2025-02-01, opened 02-03
    H withdrawn in moderation: confirmed 2025-02-10
    I closed unsupported: confirmed 2024-03-01, opened 03-05
    """
    withdrawn = make_proposal(box, topic, status=Status.IN_MODERATION)
    lifecycle.withdraw_proposal(withdrawn)
    Proposal.objects.filter(pk=withdrawn.pk).update(confirmed_at=at(2025, 2, 10))
    return {
        "A": dated(
            Status.ANSWERED,
            confirmed=at(2024, 12, 20),
            opened=at(2024, 12, 28),
            referred=at(2025, 2, 1),
            answered=at(2025, 3, 15),
            decided=datetime.date(2025, 3, 10),
            committee=committee,
        ),
        "B": dated(
            Status.REFERRED,
            confirmed=at(2025, 1, 10),
            opened=at(2025, 1, 12),
            referred=at(2025, 4, 1),
            committee=board,
        ),
        "C": dated(Status.OPEN, confirmed=at(2025, 5, 1), opened=at(2025, 5, 4)),
        "D": dated(Status.REJECTED, confirmed=at(2025, 6, 1)),
        "E": dated(Status.IN_MODERATION, confirmed=at(2025, 7, 1)),
        "F": dated(Status.SUBMITTED),
        "G": dated(Status.WITHDRAWN, confirmed=at(2025, 2, 1), opened=at(2025, 2, 3)),
        "H": Proposal.objects.get(pk=withdrawn.pk),
        "I": dated(
            Status.CLOSED_UNSUPPORTED, confirmed=at(2024, 3, 1), opened=at(2024, 3, 5)
        ),
    }


@pytest.fixture
def statistics_page(site):
    page = StatisticsPage(
        title="Statistik", slug="statistik", introduction="<p>Så går det.</p>"
    )
    site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page

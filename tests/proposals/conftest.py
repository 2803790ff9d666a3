"""Fixtures for the suggestion box: a box page, topics and proposals in any state."""

import pytest
from django.core.cache import cache

from proposals.constants import Area
from tests.proposals.factories import make_box, make_proposal, make_topic


@pytest.fixture(autouse=True)
def _fresh_limits(settings):
    """Rate-limit counters are per test; forms may be sent at once in tests."""
    cache.clear()
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    yield
    cache.clear()


@pytest.fixture
def box(site):
    return make_box(site)


@pytest.fixture
def topic(db):
    return make_topic()


@pytest.fixture
def proposal_factory(box, topic):
    def factory(status="open", **kwargs):
        return make_proposal(box, topic, status=status, **kwargs)

    return factory


@pytest.fixture
def open_proposal(proposal_factory):
    return proposal_factory("open", title="Fler bänkar i Stadsparken")


AREA = Area.CENTRE

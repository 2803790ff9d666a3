"""Fixtures for the suggestion box: a box page, topics and proposals in any state."""

import pytest
from django.core.cache import cache
from django.utils import translation

from tests.proposals.factories import (
    make_box,
    make_committee,
    make_proposal,
    make_topic,
    walk_proposal,
)


@pytest.fixture(autouse=True)
def _fresh_limits(settings):
    """Rate-limit counters are per test; forms may be sent at once in tests; each
    test starts in Swedish (a request under /en/ leaves English active)."""
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def box(site):
    return make_box(site)


@pytest.fixture
def topic(db):
    return make_topic()


@pytest.fixture
def proposal_factory(box, topic):
    def factory(status="open", **kwargs):
        chosen_topic = kwargs.pop("topic", topic)
        return make_proposal(box, chosen_topic, status=status, **kwargs)

    return factory


@pytest.fixture
def walked_proposal(box, topic):
    """Like proposal_factory, through the real lifecycle (its announcements too)."""

    def walk(status="open", **kwargs):
        return walk_proposal(box, kwargs.pop("topic", topic), status=status, **kwargs)

    return walk


@pytest.fixture
def open_proposal(proposal_factory):
    return proposal_factory("open", title="Fler bänkar i Stadsparken")


@pytest.fixture
def committee(db):
    return make_committee()


@pytest.fixture
def politician(site, committee):
    """The demo user "politiker" (group Politiker) on the technical committee."""
    from django.contrib.auth.models import User

    from proposals.models import PoliticianProfile

    user = User.objects.get(username="politiker")
    profile = PoliticianProfile.objects.create(
        user=user,
        name="Per Holm",
        party="Mittenpartiet",
        role="ordförande i tekniska nämnden",
    )
    profile.committees.add(committee)
    return user


@pytest.fixture
def communicator_user(site):
    from django.contrib.auth.models import User

    return User.objects.get(username="kommunikator")


@pytest.fixture
def registered_proposal(proposal_factory, committee, communicator_user):
    """A referred proposal registered at the technical committee."""
    from proposals import lifecycle

    proposal = proposal_factory("referred", title="Säkrare övergångsställe")
    lifecycle.register_referral(
        proposal,
        committee=committee,
        case_number="TN 2026/42",
        user=communicator_user,
    )
    proposal.refresh_from_db()
    return proposal

"""The demo builds the statistics page, the population of every area, and
proposals whose handling times read true."""

import io

import pytest
from django.core.management import call_command

from municipality.models import Area, AreaPopulation
from proposals.constants import EntryKind
from proposals.models import Proposal
from stats import figures
from stats.models import StatisticsPage

pytestmark = pytest.mark.django_db


def test_demo_has_the_page_and_every_population(client):
    call_command("load_demo", stdout=io.StringIO())
    page = StatisticsPage.objects.get()
    assert page.live and "förslag" in page.introduction
    assert set(AreaPopulation.objects.values_list("area__slug", flat=True)) == set(
        Area.objects.values_list("slug", flat=True)
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert "uppgift saknas" not in response.content.decode()


def test_demo_proposals_were_received_before_they_were_published():
    call_command("load_demo", stdout=io.StringIO())
    medians = figures.median_days()
    assert medians["publication"].count == Proposal.objects.public().count()
    assert 1 <= medians["publication"].days <= 4
    assert medians["referral"].days > medians["publication"].days
    for proposal in Proposal.objects.public():
        assert proposal.created_at < proposal.confirmed_at < proposal.opened_at
        kinds = list(proposal.trail.values_list("kind", flat=True))
        assert kinds[:2] == [EntryKind.RECEIVED, EntryKind.PUBLISHED]

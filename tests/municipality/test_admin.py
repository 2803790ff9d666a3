"""The municipality's menu in the admin: areas, committees and population figures
side by side; an area that proposals name cannot be deleted."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from municipality.models import Area
from proposals.constants import Status
from tests.municipality.factories import make_area
from tests.proposals.factories import make_box, make_proposal, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def communicator(client, site):
    client.force_login(User.objects.get(username="kommunikator"))
    return client


def test_one_menu_holds_areas_committees_and_population(communicator):
    html = communicator.get(reverse("wagtailadmin_home")).content.decode()
    for model in ("area", "committee", "areapopulation"):
        url = reverse(f"wagtailsnippets_municipality_{model}:list")
        assert url in html
        assert communicator.get(url).status_code == 200
    assert "Kommunen" in html  # the group's label in the sidebar


def test_communicators_add_an_area(communicator):
    response = communicator.post(
        reverse("wagtailsnippets_municipality_area:add"),
        {"name": "Norra Mittköping", "slug": "norra"},
    )
    assert response.status_code == 302
    assert Area.objects.get(slug="norra").name == "Norra Mittköping"


def test_only_one_area_stands_for_the_whole_municipality(communicator):
    make_area("hela-kommunen", "Hela kommunen", whole_municipality=True)
    response = communicator.post(
        reverse("wagtailsnippets_municipality_area:add"),
        {"name": "Hela Mittköping", "slug": "hela", "whole_municipality": "on"},
    )
    assert response.status_code == 200
    assert "Ett annat område står redan för hela kommunen." in (
        response.content.decode()
    )


def test_an_area_proposals_name_is_not_deleted(communicator, site):
    area = make_area()
    make_proposal(make_box(site), make_topic(), status=Status.OPEN, area=area)
    url = reverse("wagtailsnippets_municipality_area:delete", args=[area.pk])
    response = communicator.post(url)
    assert response.status_code < 500
    assert Area.objects.filter(pk=area.pk).exists()

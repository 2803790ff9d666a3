"""The communicators' side: population figures as a snippet, the page in the
page tree."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from municipality.models import AreaPopulation
from stats.models import StatisticsPage
from tests.municipality.factories import make_area

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_municipality_areapopulation"


@pytest.fixture
def communicator(client, site):
    client.force_login(User.objects.get(username="kommunikator"))
    return client


def test_communicator_enters_a_population(communicator):
    centre = make_area("centrum", "Centrum")
    assert communicator.get(reverse(f"{NS}:list")).status_code == 200
    response = communicator.post(
        reverse(f"{NS}:add"),
        {"area": centre.pk, "population": "17900", "year": "2025"},
    )
    assert response.status_code == 302
    row = AreaPopulation.objects.get()
    assert (row.area, row.population, row.year) == (centre, 17_900, 2025)
    listing = communicator.get(reverse(f"{NS}:list")).content.decode()
    assert "Centrum" in listing and "17900" in listing.replace("\xa0", "")
    response = communicator.post(
        reverse(f"{NS}:edit", args=[row.pk]),
        {"area": centre.pk, "population": "18000", "year": "2026"},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.population, row.year) == (18_000, 2026)


@pytest.mark.parametrize(
    "data, field",
    [
        ({"area": "centrum", "population": "900", "year": "2025"}, "area"),
        ({"area": "norra", "population": "0", "year": "2025"}, "population"),
        ({"area": "norra", "population": "-5", "year": "2025"}, "population"),
        ({"area": "norra", "population": "många", "year": "2025"}, "population"),
        ({"area": "norra", "population": "900", "year": "25"}, "year"),
        ({"area": "atlantis", "population": "900", "year": "2025"}, "area"),
    ],
)
def test_bad_population_comes_back_with_a_message(communicator, data, field):
    """The area is posted by its row's id; "atlantis" is no area at all."""
    areas = {slug: make_area(slug).pk for slug in ("centrum", "norra")}
    AreaPopulation.objects.create(area_id=areas["centrum"], population=100, year=2024)
    data = {**data, "area": areas.get(data["area"], data["area"])}
    response = communicator.post(reverse(f"{NS}:add"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert AreaPopulation.objects.count() == 1
    assert AreaPopulation.objects.get().population == 100


def test_admin_menu_has_the_population_figures(communicator):
    html = communicator.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar is JSON for Wagtail's script: the label is escaped there.
    assert reverse(f"{NS}:list") in html
    assert "Inv\\u00e5nare per omr\\u00e5de" in html


def test_statistics_page_is_made_once_under_the_home_page(site):
    assert StatisticsPage.can_create_at(site.root_page)
    page = StatisticsPage(title="Statistik", slug="statistik")
    site.root_page.add_child(instance=page)
    assert not StatisticsPage.can_create_at(site.root_page)
    assert not StatisticsPage.can_create_at(page)


def test_editor_writes_the_introduction(client, site):
    client.force_login(User.objects.get(username="admin"))
    url = reverse(
        "wagtailadmin_pages:add", args=("stats", "statisticspage", site.root_page.pk)
    )
    assert client.get(url).status_code == 200

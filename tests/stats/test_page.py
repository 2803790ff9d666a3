"""The public statistics page: its tables hold the figures, its charts are
accessible SVG, the year filter works and bad input is a 400."""

import re

import pytest
from django.utils.formats import number_format

from municipality.models import Area, AreaPopulation
from proposals.constants import Status
from stats import figures
from tests.stats.helpers import (
    CENTRE,
    SOUTH,
    WHOLE,
    at,
    make_districts,
    read_tables,
    sign,
)

pytestmark = pytest.mark.django_db

PER_YEAR = "Förslag per år"
PER_COMMITTEE = "Förslag per nämnd"
MEDIANS = "Mediantid i dagar från inskickat förslag"
RESPONSES = "Publicerade förslag med svar från politiker"
LEVELS = "Dialoger per steg på delaktighetstrappan"
STATUSES = "Dialoger per status"
SIGNATURES = "Underskrifter per 1 000 invånare"


def counts_row(label, counts):
    return [
        label,
        str(counts.submitted),
        str(counts.published),
        str(counts.referred),
        str(counts.answered),
    ]


def test_tables_hold_the_figures(client, statistics_page, history, make_dialogue):
    sign(history["C"], CENTRE, confirmed_at=at(2025, 5, 6))
    sign(history["C"], SOUTH, confirmed_at=at(2025, 5, 6))
    AreaPopulation.objects.create(
        area=make_districts()[CENTRE], population=1_250, year=2025
    )
    AreaPopulation.objects.create(
        area=make_districts()[WHOLE], population=12_500, year=2025
    )
    make_dialogue()

    response = client.get("/statistik/")

    assert response.status_code == 200
    tables = read_tables(response.content.decode())
    assert tables[PER_YEAR][0] == [
        "År",
        "Inskickade",
        "Publicerade",
        "Till kommunen",
        "Besvarade",
    ]
    assert tables[PER_YEAR][1:] == [
        counts_row(str(year), counts)
        for year, counts in figures.counts_per_year().items()
    ]
    assert tables[PER_YEAR][1:] == [
        ["2024", "2", "2", "0", "0"],
        ["2025", "6", "3", "2", "1"],
    ]
    assert tables[PER_COMMITTEE][1:] == [
        counts_row(name or "Ingen nämnd ännu", counts)
        for name, counts in figures.counts_per_committee()
    ]
    assert tables[MEDIANS][1:] == [
        ["Till publicering", "3", "5"],
        ["Till kommunen", "62", "2"],
        ["Till beslut", "80", "1"],
    ]
    assert tables[RESPONSES][1:] == [
        ["Publicerade förslag", "5"],
        ["Med minst ett svar från en politiker", "0"],
        ["Andel med svar", "0 %"],
    ]
    assert tables[LEVELS][1:] == [
        [str(label), str(count)] for _v, label, count in figures.dialogues_per_level()
    ]
    assert tables[STATUSES][2] == ["Öppen", "1"]
    # The factory's proposals carry signatures without an area: they count for
    # the whole municipality only.
    total = figures.counted_signatures().count()
    whole = number_format(1000 * total / 12_500, decimal_pos=1)
    expected = {
        "Hela kommunen": ["Hela kommunen", str(total), "12 500 (2025)", whole],
        "Centrum": ["Centrum", "1", "1 250 (2025)", "0,8"],
        "Södra Mittköping": [
            "Södra Mittköping",
            "1",
            "uppgift saknas",
            "uppgift saknas",
        ],
    }
    missing = ["0", "uppgift saknas", "uppgift saknas"]
    # The whole municipality first, then the areas in their order.
    assert tables[SIGNATURES][1:] == [
        expected.get(area.name, [area.name, *missing]) for area in Area.objects.all()
    ]
    assert tables[SIGNATURES][1][0] == "Hela kommunen"


def test_half_days_are_written_the_swedish_way(client, statistics_page, dated):
    dated(Status.OPEN, confirmed=at(2025, 3, 1), opened=at(2025, 3, 2))
    dated(Status.OPEN, confirmed=at(2025, 3, 1), opened=at(2025, 3, 3))
    tables = read_tables(client.get("/statistik/").content.decode())
    assert tables[MEDIANS][1] == ["Till publicering", "1,5", "2"]
    assert tables[MEDIANS][2] == ["Till kommunen", "inga uppgifter", "0"]


def test_year_filter(client, statistics_page, history):
    response = client.get("/statistik/", {"ar": "2024"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Siffrorna nedan gäller 2024." in html
    assert '<option value="2024" selected>' in html
    tables = read_tables(html)
    assert tables[PER_YEAR][1:] == [["2024", "2", "2", "0", "0"]]
    assert tables[PER_COMMITTEE][1:] == [
        ["Tekniska nämnden", "1", "1", "0", "0"],
        ["Ingen nämnd ännu", "1", "1", "0", "0"],
    ]
    assert tables[MEDIANS][1:] == [
        ["Till publicering", "6", "2"],
        ["Till kommunen", "inga uppgifter", "0"],
        ["Till beslut", "inga uppgifter", "0"],
    ]


@pytest.mark.parametrize("year", ["1999", "abc", "2024<script>", "9" * 30])
def test_a_year_without_figures_is_a_400_with_every_year(
    client, statistics_page, history, year
):
    response = client.get("/statistik/", {"ar": year})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Året gick inte att använda. Nu visas alla år." in html
    assert "Det året finns inte. Välj ett år i listan." in html
    assert 'aria-invalid="true"' in html
    assert "<script>" not in html.split("<main")[1]
    assert len(read_tables(html)[PER_YEAR]) == 3


def test_empty_site_says_there_is_nothing_yet(client, statistics_page):
    response = client.get("/statistik/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Inga uppgifter.") == 9  # one per section
    assert 'class="chart"' not in html
    assert "<table" not in html


def test_charts_are_accessible_html_next_to_their_table(
    client, statistics_page, history, make_dialogue
):
    make_dialogue()
    html = client.get("/statistik/").content.decode()
    charts = re.findall(
        r'<div class="chart" .*?</div>\s*(?=<div class="table)', html, flags=re.S
    )
    assert len(charts) == 7  # no signatures with an area yet: no bars there
    for chart in charts:
        labelledby = re.search(r'role="img" aria-labelledby="([^"]+)"', chart)
        assert labelledby, chart[:200]
        title_id, desc_id = labelledby.group(1).split()
        assert f'id="{title_id}"' in chart and f'id="{desc_id}"' in chart
        # Every bar carries its label and number as text, not only a colour;
        # the text is HTML (it keeps the body's size), only the bar is drawn.
        assert chart.count("<rect") <= chart.count('class="chart__value"')
        assert "<text" not in chart
        following = html.split(chart, 1)[1]
        assert following.lstrip().startswith('<div class="table-wrapper"')
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert "<script" not in html.split("<main")[1].split("</main>")[0]


def test_rejected_proposals_leave_only_a_count(client, statistics_page, dated):
    rejected = dated(Status.REJECTED, confirmed=at(2025, 6, 1))
    html = client.get("/statistik/").content.decode()
    assert rejected.title not in html
    assert rejected.rejection_message not in html
    tables = read_tables(html)
    assert tables[PER_YEAR][1:] == [["2025", "1", "0", "0", "0"]]


def test_query_count_does_not_grow_with_proposals(
    client, statistics_page, dated, committee, django_assert_max_num_queries
):
    def add(count):
        for day in range(1, count + 1):
            dated(
                Status.REFERRED,
                confirmed=at(2025, 1, day),
                opened=at(2025, 1, day + 1),
                referred=at(2025, 2, day),
                committee=committee,
            )

    add(2)
    with django_assert_max_num_queries(40) as few:
        assert client.get("/statistik/").status_code == 200
    add(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/statistik/", {"ar": "2025"}).status_code == 200


def test_main_menu_links_to_the_page(client, statistics_page):
    html = client.get("/").content.decode()
    assert '<a href="/statistik/">Statistik</a>' in html
    html = client.get("/statistik/").content.decode()
    assert '<a href="/statistik/" aria-current="page">Statistik</a>' in html


def test_page_in_english(client, statistics_page, history):
    response = client.get("/en/statistik/")
    assert response.status_code == 200
    assert "<table" in response.content.decode()

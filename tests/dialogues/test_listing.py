"""The dialogue listing: filters (alone and combined), ordering, pagination,
bad filter values and a query count that does not grow with the dialogues."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialogues.choices import InfluenceLevel, Status
from dialogues.models import TargetGroup
from municipality.models import Area
from tests.dialogues.conftest import method

pytestmark = pytest.mark.django_db


def titles(response):
    return [page.title for page in response.context["dialogues"]]


@pytest.fixture
def varied(make_dialogue):
    centrum = Area.objects.create(name="Centrum", slug="centrum")
    norr = Area.objects.create(name="Norr", slug="norr")
    unga = TargetGroup.objects.create(name="Unga", slug="unga")
    seniorer = TargetGroup.objects.create(name="Seniorer", slug="seniorer")
    return {
        "cafe": make_dialogue(
            title="Kafé i centrum",
            influence_level=InfluenceLevel.DIALOGUE,
            methods=[method("kafedialog")],
            areas=[centrum],
            target_groups=[unga],
        ),
        "sms": make_dialogue(
            title="Sms i norr",
            methods=[method("sms-enkat")],
            areas=[norr],
            target_groups=[seniorer],
        ),
        "planned": make_dialogue(
            title="Planerad budget",
            status=Status.PLANNED,
            influence_level=InfluenceLevel.CO_DECISION,
            methods=[method("radslag")],
            areas=[centrum],
            target_groups=[unga],
        ),
        "closed": make_dialogue(
            title="Avslutat kafé",
            status=Status.CLOSED,
            influence_level=InfluenceLevel.DIALOGUE,
            methods=[method("kafedialog")],
            areas=[norr],
            target_groups=[unga],
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=open", {"Kafé i centrum", "Sms i norr"}),
        ("status=planned", {"Planerad budget"}),
        ("niva=dialogue", {"Kafé i centrum", "Avslutat kafé"}),
        ("metod=kafedialog", {"Kafé i centrum", "Avslutat kafé"}),
        ("omrade=norr", {"Sms i norr", "Avslutat kafé"}),
        ("malgrupp=seniorer", {"Sms i norr"}),
        ("malgrupp=unga&omrade=centrum", {"Kafé i centrum", "Planerad budget"}),
        ("status=open&niva=dialogue&metod=kafedialog", {"Kafé i centrum"}),
        ("niva=dialogue&omrade=norr&status=closed", {"Avslutat kafé"}),
        ("metod=radslag&status=open", set()),
    ],
)
def test_filters_alone_and_combined(client, index, varied, query, expected):
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_filters_are_a_plain_get_form(client, index, varied):
    html = client.get(index.url + "?status=open").content.decode()
    assert 'method="get"' in html
    assert '<option value="open" selected>' in html
    for name in ("status", "niva", "metod", "omrade", "malgrupp"):
        assert f'name="{name}"' in html
        assert f'<label for="id_{name}"' in html


def test_unknown_filter_value_is_a_400_with_a_message(client, index, varied):
    response = client.get(index.url + "?metod=finns-inte&status=open")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Det valet finns inte. Välj ett alternativ i listan." in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_metod-error"' in html
    # the valid filter still applies
    assert set(titles(response)) == {"Kafé i centrum", "Sms i norr"}


def test_cards_show_level_verb_status_period_and_committee(client, index, varied):
    html = client.get(index.url + "?status=planned").content.decode()
    assert "Medbestämmande" in html
    assert "du får bestämma" in html
    assert "Planerad" in html
    assert "Kommunstyrelsen" in html
    assert "Vad tycker du om fråga" in html
    assert "1 november 2026" in html


def test_open_first_then_planned_then_the_rest_by_date(client, index, make_dialogue):
    day = datetime.date
    early = day(2024, 1, 1)
    make_dialogue(
        title="Stängd tidigt",
        status=Status.CLOSED,
        start_date=early,
        end_date=day(2025, 3, 1),
    )
    make_dialogue(
        title="Planerad sent",
        status=Status.PLANNED,
        start_date=day(2027, 5, 1),
        end_date=None,
    )
    make_dialogue(title="Öppen länge", end_date=day(2027, 1, 31))
    make_dialogue(
        title="Sammanställs",
        status=Status.COMPILING,
        start_date=early,
        end_date=day(2026, 10, 1),
    )
    make_dialogue(title="Öppen kort", end_date=day(2026, 12, 1))
    make_dialogue(
        title="Planerad snart",
        status=Status.PLANNED,
        start_date=day(2027, 1, 10),
        end_date=None,
    )
    make_dialogue(
        title="Återkopplad",
        status=Status.FEEDBACK_GIVEN,
        feedback="<p>Tack</p>",
        start_date=early,
        end_date=day(2026, 6, 1),
    )
    assert titles(client.get(index.url)) == [
        "Öppen kort",
        "Öppen länge",
        "Planerad snart",
        "Planerad sent",
        "Sammanställs",
        "Återkopplad",
        "Stängd tidigt",
    ]


def test_pagination_keeps_the_filters(client, index, make_dialogue):
    index.per_page = 2
    index.save_revision().publish()
    for number in range(5):
        make_dialogue(title=f"Öppen {number}")
    make_dialogue(title="Planerad", status=Status.PLANNED)
    response = client.get(index.url + "?status=open")
    assert len(titles(response)) == 2
    html = response.content.decode()
    assert "Sida 1 av 3" in html
    assert "?status=open&amp;page=2" in html
    last = client.get(index.url + "?status=open&page=3")
    assert len(titles(last)) == 1
    assert client.get(index.url + "?page=999").status_code == 200
    assert client.get(index.url + "?page=abc").status_code == 200


def test_unpublished_dialogues_are_not_listed(client, index, make_dialogue):
    draft = make_dialogue(title="Utkast")
    draft.unpublish()
    assert "Utkast" not in titles(client.get(index.url))


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_dialogues(
    client, index, make_dialogue, django_assert_max_num_queries
):
    for _ in range(3):
        make_dialogue(methods=[method("kafedialog")])
    client.get(index.url)  # warm caches (site root paths, content types)
    few = _count_queries(client, index.url + "?metod=kafedialog")
    for _ in range(12):
        make_dialogue(methods=[method("kafedialog")])
    many = _count_queries(client, index.url + "?metod=kafedialog")
    assert many == few
    with django_assert_max_num_queries(few):
        client.get(index.url + "?metod=kafedialog")

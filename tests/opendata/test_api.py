"""The JSON API: lists, items, filters, pagination and what never appears."""

import pytest

from opendata.pagination import MAX_LIMIT
from proposals.constants import Status
from tests.municipality.factories import make_area
from tests.opendata.conftest import PRIVATE_NOTE
from tests.proposals.factories import PROPOSER_EMAIL

pytestmark = pytest.mark.django_db

PUBLIC = (
    Status.OPEN,
    Status.REFERRED,
    Status.ANSWERED,
    Status.CLOSED_UNSUPPORTED,
    Status.WITHDRAWN,
)
NEVER_PUBLIC = (
    Status.SUBMITTED,
    Status.IN_MODERATION,
    Status.REJECTED,
    "withdrawn_early",
)


def ids(response):
    return {item["id"] for item in response.json()["results"]}


def test_dialogue_list_and_detail(client, dialogues):
    response = client.get("/api/v1/dialogues/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["count"] == 2
    park = next(item for item in body["results"] if item["title"] == "Nya Stadsparken")
    assert park["id"] == dialogues["open"].pk
    assert park["url"] == dialogues["open"].get_full_url()
    assert park["question"] == "Hur vill du använda Stadsparken?"
    assert park["status"] == "open"
    assert park["status_label"] == "Öppen"
    assert park["influence_level"] == "consultation"
    assert park["committee"] == {"slug": "tekniska-namnden", "name": "Tekniska nämnden"}
    assert park["areas"] == [{"slug": "centrum", "name": "Centrum"}]
    assert park["target_groups"] == [{"slug": "unga", "name": "Unga"}]
    assert park["result"] == "Många vill ha fler bänkar.\nOch belysning."
    assert park["fixed_frame"] == "Budgeten."
    assert park["start_date"] == "2026-11-01"
    assert "contact_email" not in park

    detail = client.get(f"/api/v1/dialogues/{dialogues['open'].pk}/")
    assert detail.status_code == 200
    assert detail.json() == park


def test_unpublished_and_private_dialogues_are_absent(client, dialogues):
    from wagtail.models import PageViewRestriction

    draft = dialogues["planned"]
    draft.unpublish()
    restricted = dialogues["open"]
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert client.get("/api/v1/dialogues/").json()["count"] == 0
    assert client.get(f"/api/v1/dialogues/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/dialogues/{restricted.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=open", {"open"}),
        ("status=planned", {"planned"}),
        ("level=dialogue", {"planned"}),
        ("committee=tekniska-namnden", {"open"}),
        ("area=centrum", {"open"}),
        ("target_group=unga", {"open"}),
        ("status=open&level=dialogue", set()),
    ],
)
def test_dialogue_filters(client, dialogues, query, expected):
    response = client.get(f"/api/v1/dialogues/?{query}")
    assert response.status_code == 200
    assert ids(response) == {dialogues[key].pk for key in expected}


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v1/dialogues/?status=nonsense", "status"),
        ("/api/v1/dialogues/?level=top", "level"),
        ("/api/v1/dialogues/?committee=inte%20ett%20kortnamn", "committee"),
        ("/api/v1/dialogues/?status=", "status"),
        ("/api/v1/proposals/?committee=", "committee"),
        ("/api/v1/proposals/?status=open&status=", "status"),
        ("/api/v1/proposals/?offset=-1", "offset"),
        ("/api/v1/proposals/?offset=", "offset"),
        ("/api/v1/proposals/?limit=0", "limit"),
        ("/api/v1/proposals/?limit=abc", "limit"),
        ("/api/v1/proposals/?dialogue=0", "dialogue"),
        ("/api/v1/proposals/?status=rejected", "status"),
        ("/api/v1/proposals/?status=submitted", "status"),
        ("/api/v1/proposals/?topic=%00", "topic"),
        ("/api/v1/proposals/?updated_since=igar", "updated_since"),
        ("/api/v1/proposals/?submitted_since=", "submitted_since"),
        ("/api/v1/proposals/?dialogue=abc", "dialogue"),
        ("/api/v1/proposals/?dialogue=99999999999999999999999", "dialogue"),
        ("/api/v1/proposals.csv?area=mars!", "area"),
        ("/api/v1/proposals.csv?area=", "area"),
    ],
)
def test_invalid_filter_gives_400_with_a_message(client, db, path, parameter):
    response = client.get(path)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    message = response.json()[parameter]
    assert message and all(isinstance(text, str) and text for text in message)


def test_only_public_proposals_appear(client, proposals):
    body = client.get("/api/v1/proposals/?limit=100").json()
    assert ids_of(body) == {proposals[s].pk for s in PUBLIC}
    for key in NEVER_PUBLIC:
        pk = proposals[key].pk
        assert client.get(f"/api/v1/proposals/{pk}/").status_code == 404
    csv = client.get("/api/v1/proposals.csv").content.decode("utf-8-sig")
    for key in NEVER_PUBLIC:
        assert proposals[key].title not in csv
    for status in PUBLIC:
        assert proposals[status].title in csv


def ids_of(body):
    return {item["id"] for item in body["results"]}


def test_proposal_detail_with_public_trail(client, proposals, politician):
    referred = proposals[Status.REFERRED]
    body = client.get(f"/api/v1/proposals/{referred.pk}/").json()
    assert body["title"] == referred.title
    assert body["status"] == "referred"
    assert body["status_label"] == "Lämnat till kommunen"
    assert body["topic"] == {"slug": "trafik", "name": "Trafik"}
    assert body["area"] == "centrum"
    assert body["signature_count"] == referred.signature_count
    assert body["threshold"] == 3
    assert body["committee"]["slug"] == "tekniska-namnden"
    assert body["case_number"] == "TN 1/26"
    assert body["url"].endswith(f"/forslagslada/forslag/{referred.pk}/")
    assert body["url"].startswith("http")
    kinds = [entry["kind"] for entry in body["trail"]]
    assert "response" in kinds and "referred" in kinds
    response = next(e for e in body["trail"] if e["kind"] == "response")
    assert response["author"] == (
        "Per Holm (Mittenpartiet), ordförande i tekniska nämnden"
    )
    assert response["text"] == "Vi tittar på saken."
    received = next(e for e in body["trail"] if e["kind"] == "received")
    assert received["status"] == "in_moderation"
    municipal = next(e for e in body["trail"] if e["kind"] == "referred")
    assert municipal["author"] == "Mittköpings kommun"
    dates = [entry["date"] for entry in body["trail"]]
    assert dates == sorted(dates)
    assert PRIVATE_NOTE not in str(body)
    assert "author_name" not in body


def test_answered_proposal_has_outcome(client, proposals):
    answered = proposals[Status.ANSWERED]
    body = client.get(f"/api/v1/proposals/{answered.pk}/").json()
    assert body["outcome"] == "approved"
    assert body["outcome_label"] == "Bifall"
    assert body["decided_on"] == answered.decided_on.isoformat()
    assert body["answered_at"] is not None


def test_no_personal_data_in_any_response(client, proposals, dialogues):
    """The proposer's and signers' e-mail and IP never appear, nor private notes."""
    from proposals.models import Signature

    secrets = {PROPOSER_EMAIL, "203.0.113.9", PRIVATE_NOTE}
    secrets.update(Signature.objects.values_list("email", flat=True))
    secrets.update(
        ip for ip in Signature.objects.values_list("ip_address", flat=True) if ip
    )
    secrets.update(s.name for s in Signature.objects.all())
    assert len(secrets) > 3
    paths = [
        "/api/v1/dialogues/",
        "/api/v1/dialogues.csv",
        "/api/v1/proposals/?limit=100",
        "/api/v1/proposals.csv",
        "/api/v1/schema/",
    ]
    paths += [f"/api/v1/proposals/{p.pk}/" for p in proposals.values()]
    for path in paths:
        raw = client.get(path).content
        for secret in secrets:
            assert secret.encode() not in raw, (path, secret)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=open", {Status.OPEN}),
        ("status=withdrawn", {Status.WITHDRAWN}),
        ("status=answered", {Status.ANSWERED}),
        ("committee=tekniska-namnden", {Status.REFERRED}),
        ("topic=trafik", set(PUBLIC)),
        ("area=centrum", set(PUBLIC)),
        ("area=norra", set()),
        ("submitted_since=2000-01-01", set(PUBLIC)),
        ("submitted_since=2999-01-01T00:00:00Z", set()),
        ("updated_since=2999-01-01", set()),
        # An offset PostgreSQL would refuse (over ±16 hours) is read in UTC.
        ("submitted_since=2000-01-01T00:00:00%2B18:51", set(PUBLIC)),
    ],
)
def test_proposal_filters(client, proposals, query, expected):
    make_area("norra", "Norra Mittköping")  # an area no proposal names
    response = client.get(f"/api/v1/proposals/?{query}")
    assert response.status_code == 200
    assert ids(response) == {proposals[key].pk for key in expected}


def test_updated_since_follows_the_trail(client, proposals):
    from django.utils import timezone

    from proposals import lifecycle

    cutoff = timezone.now()
    lifecycle.add_status_update(proposals[Status.REFERRED], text="Ärendet bereds.")
    response = client.get("/api/v1/proposals/", {"updated_since": cutoff.isoformat()})
    assert ids(response) == {proposals[Status.REFERRED].pk}


def test_proposals_filtered_by_dialogue(client, proposals, dialogues):
    from proposals.models import Proposal

    chosen = proposals[Status.OPEN]
    Proposal.objects.filter(pk=chosen.pk).update(dialogue=dialogues["open"])
    response = client.get(f"/api/v1/proposals/?dialogue={dialogues['open'].pk}")
    assert ids(response) == {chosen.pk}
    assert response.json()["results"][0]["dialogue_id"] == dialogues["open"].pk


def test_pagination(client, proposals):
    first = client.get("/api/v1/proposals/?limit=2").json()
    assert first["count"] == len(PUBLIC)
    assert len(first["results"]) == 2
    assert "offset=2" in first["next"]
    assert first["previous"] is None
    second = client.get("/api/v1/proposals/?limit=2&offset=2").json()
    assert not ids_of(first) & ids_of(second)
    last = client.get("/api/v1/proposals/?limit=2&offset=4").json()
    assert last["next"] is None
    seen = ids_of(first) | ids_of(second) | ids_of(last)
    assert seen == {proposals[s].pk for s in PUBLIC}


def test_moments_outside_the_database_s_years_are_moved_into_them(client, proposals):
    everything = client.get("/api/v1/proposals/").json()["count"]
    early = client.get("/api/v1/proposals/?submitted_since=0001-01-01T00:00:00%2B14:00")
    assert early.status_code == 200
    assert early.json()["count"] == everything
    late = client.get("/api/v1/proposals/?updated_since=9999-12-31T23:00:00-18:00")
    assert late.status_code == 200
    assert late.json()["count"] == 0


def test_page_size_and_offset_outside_the_description_are_400(client, proposals):
    for query in (f"limit={MAX_LIMIT + 1}", "limit=-5", "limit=abc", "offset=-1"):
        response = client.get(f"/api/v1/proposals/?{query}")
        assert response.status_code == 400, query
        assert response["Content-Type"] == "application/json"
    full = client.get(f"/api/v1/proposals/?limit={MAX_LIMIT}").json()
    assert len(full["results"]) == len(PUBLIC)
    # Far past the end is an empty page, not an error.
    far = client.get(f"/api/v1/proposals/?offset={10**40}")
    assert far.status_code == 200
    assert far.json()["results"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/dialogues/?committee=finns-inte",
        "/api/v1/dialogues/?area=mars",
        "/api/v1/dialogues/?method=ingen",
        "/api/v1/dialogues/?target_group=ingen",
        "/api/v1/proposals/?committee=finns-inte",
        "/api/v1/proposals/?area=mars",
        "/api/v1/proposals/?topic=ingen",
    ],
)
def test_a_well_formed_slug_that_names_nothing_matches_nothing(
    client, proposals, dialogues, path
):
    assert client.get(path.split("?")[0]).json()["results"]
    response = client.get(path)
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_default_page_size(client, proposals):
    from opendata.pagination import DEFAULT_LIMIT

    assert DEFAULT_LIMIT < MAX_LIMIT
    body = client.get("/api/v1/proposals/").json()
    assert len(body["results"]) == min(DEFAULT_LIMIT, len(PUBLIC))


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/dialogues/0/",
        "/api/v1/dialogues/99999999/",
        "/api/v1/proposals/99999999/",
        "/api/v1/proposals/123456789012345678901234567890/",
        "/api/v1/proposals/-1/",
        "/api/v1/proposals/abc/",
        "/api/v1/finns-inte/",
        "/api/v1/proposals/1/extra/",
        "/api/v2/proposals/",
        "/api/",
    ],
)
def test_unknown_items_and_addresses_give_a_json_404(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_the_api_is_read_only(client, proposals):
    pk = proposals[Status.OPEN].pk
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(
            f"/api/v1/proposals/{pk}/", data="{}", content_type="application/json"
        )
        assert response.status_code in (403, 405), method
    assert client.post("/api/v1/proposals/", data={}).status_code in (403, 405)


def test_404s_outside_the_api_stay_the_site_s_page(client, db):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")

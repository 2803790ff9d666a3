"""Listing queries do not grow with the number of items (no N+1): counted with
10 items and again with 50, for the JSON list and the CSV file."""

import pytest

from dialogues.models import DialogueMethod
from proposals import lifecycle
from proposals.constants import Status

pytestmark = pytest.mark.django_db


def _queries(client, path, django_assert_max_num_queries):
    with django_assert_max_num_queries(40) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def _assert_flat(client, paths, build, django_assert_max_num_queries):
    build(10)
    for path in paths:
        client.get(path)
    small = {
        path: _queries(client, path, django_assert_max_num_queries)[0] for path in paths
    }
    build(40)
    responses = {}
    for path in paths:
        large, responses[path] = _queries(client, path, django_assert_max_num_queries)
        assert large <= small[path], path
    return responses


def test_proposal_queries_do_not_grow(
    client, proposal_factory, committee, politician, django_assert_max_num_queries
):
    def build(count):
        for i in range(count):
            proposal = proposal_factory(Status.REFERRED, title=f"Förslag {i}")
            lifecycle.register_referral(
                proposal, committee=committee, case_number=f"TN {i}"
            )
            lifecycle.add_response(proposal, user=politician, text="Svar")

    json_path, csv_path = "/api/v1/proposals/?limit=100", "/api/v1/proposals.csv"
    responses = _assert_flat(
        client, [json_path, csv_path], build, django_assert_max_num_queries
    )
    body = responses[json_path].json()
    assert body["count"] == len(body["results"]) == 50
    assert all(len(item["trail"]) >= 3 for item in body["results"])
    assert responses[csv_path].content.count(b"\r\n") == 51


def test_dialogue_queries_do_not_grow(
    client, make_dialogue, dialogues, django_assert_max_num_queries
):
    methods = list(DialogueMethod.objects.all()[:2])
    groups = list(dialogues["open"].target_groups.all())
    areas = list(dialogues["open"].areas.all())
    assert len(methods) == 2 and groups and areas

    def build(count):
        for _ in range(count):
            make_dialogue(methods=methods, target_groups=groups, areas=areas)

    json_path, csv_path = "/api/v1/dialogues/?limit=100", "/api/v1/dialogues.csv"
    responses = _assert_flat(
        client, [json_path, csv_path], build, django_assert_max_num_queries
    )
    body = responses[json_path].json()
    assert body["count"] == 52
    built = [item for item in body["results"] if item["title"].startswith("Dialog ")]
    assert len(built) == 50
    assert all(len(item["methods"]) == 2 and item["areas"] for item in built)

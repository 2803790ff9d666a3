"""The open data API keeps the promises of its OpenAPI description: schemathesis
generates valid and invalid requests for every operation (bounded, so the run
stays well under a minute) and runs all its checks on each response: no server
error, a documented status code and content type, a body that matches the
response schema, valid input accepted and invalid input refused."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings

# The open data fixtures: public and non-public dialogues and proposals.
from tests.dialogues.conftest import index, make_dialogue, swedish  # noqa: F401
from tests.opendata.conftest import dialogues, proposals  # noqa: F401


def _description():
    """The description the schema view serves, built without a request."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document, renderer_context={}))


schema = schemathesis.openapi.from_dict(_description())
schema.app = get_wsgi_application()


@pytest.fixture
def keep_test_connection():
    """The WSGI handler must not close the connection holding the test's
    transaction after each request (Django's test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_response_conforms_to_the_description(
    case,
    proposals,  # noqa: F811
    dialogues,  # noqa: F811
    keep_test_connection,
):
    case.call_and_validate()


def _uri_fields(description, component):
    properties = description["components"]["schemas"][component]["properties"]
    return [name for name, field in properties.items() if field.get("format") == "uri"]


@pytest.mark.django_db
def test_uri_fields_are_a_uri_or_null_never_empty(
    client,
    proposals,  # noqa: F811
    dialogues,  # noqa: F811
):
    description = _description()
    proposal_uris = _uri_fields(description, "Proposal")
    entry_uris = _uri_fields(description, "TrailEntry")
    assert {"url", "decision_url"} <= set(proposal_uris)
    assert "minutes_url" in entry_uris
    items = client.get("/api/v1/proposals/?limit=100").json()["results"]
    values = [item[name] for item in items for name in proposal_uris]
    values += [
        entry[name] for item in items for entry in item["trail"] for name in entry_uris
    ]
    assert None in values  # proposals without a decision link
    for value in values:
        assert value is None or value.startswith(("http://", "https://")), value

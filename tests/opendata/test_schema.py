"""The OpenAPI description: served, valid, complete, and survives fuzzing."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error

from opendata.serializers import ProposalSerializer

SCHEMA_PATH = "/api/v1/schema/"


@pytest.mark.django_db
def test_schema_is_valid_openapi(client):
    response = client.get(SCHEMA_PATH)
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["license"]["name"] == "CC0 1.0"
    assert set(schema["paths"]) == {
        "/api/v1/dialogues/",
        "/api/v1/dialogues/{id}/",
        "/api/v1/dialogues.csv",
        "/api/v1/proposals/",
        "/api/v1/proposals/{id}/",
        "/api/v1/proposals.csv",
        "/api/v1/you-said-we-did/",
        "/api/v1/you-said-we-did.csv",
    }


@pytest.mark.django_db
def test_field_descriptions_come_from_the_serializers(client):
    schema = client.get(SCHEMA_PATH).json()
    properties = schema["components"]["schemas"]["Proposal"]["properties"]
    for name, field in ProposalSerializer().fields.items():
        assert properties[name]["description"].startswith(str(field.help_text))
    for secret in ("author_email", "ip_address", "author_name", "email"):
        assert secret not in properties


def _generated_schema():
    """The description the schema view serves, built without a request. (Built at
    import: schemathesis' fixture-based loader does not run under pytest 9.)"""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document, renderer_context={}))


GENERATED = _generated_schema()
schema = schemathesis.openapi.from_dict(GENERATED)
schema.app = get_wsgi_application()


@pytest.mark.django_db
def test_the_fuzzed_description_is_the_served_one(client):
    assert client.get(SCHEMA_PATH).json() == GENERATED


@pytest.fixture
def keep_test_connection():
    """As Django's test client does: the WSGI handler must not close the database
    connection that holds the test's transaction after each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_for_any_input(
    case, proposals, dialogues, keep_test_connection
):
    """Schemathesis sends generated (also odd) filters and numbers to every
    operation, with public and non-public data in the database: never a 5xx."""
    case.call_and_validate(checks=[not_a_server_error])

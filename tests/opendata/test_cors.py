"""CORS: anyone may GET the open data from a browser; nothing else is opened."""

import pytest

pytestmark = pytest.mark.django_db

ORIGIN = "https://data.example.org"


@pytest.mark.parametrize(
    "path", ["/api/v1/dialogues/", "/api/v1/proposals.csv", "/api/v1/schema/"]
)
def test_get_on_the_api_allows_any_origin(client, site, path):
    response = client.get(path, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_preflight_allows_only_reading(client, site):
    response = client.options(
        "/api/v1/proposals/",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    allowed = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("path", ["/", "/sok/", "/forslagslada/"])
def test_no_cors_headers_outside_the_api(client, site, path):
    response = client.get(path, headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in response

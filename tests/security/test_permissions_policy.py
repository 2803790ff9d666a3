"""Every response carries a Permissions-Policy that switches off the browser
features the site never uses, whatever answered: a page (fresh or from the page
cache), the API, the admin, an error, a redirect."""

import pytest

pytestmark = pytest.mark.django_db

DISABLED = (
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "interest-cohort",
    "browsing-topics",
)


def features(response):
    header = response.headers.get("Permissions-Policy", "")
    return {
        name.strip(): value.strip()
        for name, _eq, value in (part.partition("=") for part in header.split(","))
    }


def test_every_kind_of_response_has_the_policy(client, open_proposal):
    responses = {
        "home": client.get("/"),
        "home from the page cache": client.get("/"),
        "proposal": client.get(open_proposal.get_url()),
        "english": client.get("/en/"),
        "api": client.get("/api/v1/proposals/"),
        "api 404": client.get("/api/v1/proposals/999999/"),
        "page 404": client.get("/finns-inte/"),
        "admin redirect": client.get("/admin/"),
        "admin login": client.get("/admin/login/"),
        "refused charset": client.generic(
            "POST",
            "/sok/",
            b"",
            content_type="application/x-www-form-urlencoded; charset=utf-16",
        ),
    }
    for name, response in responses.items():
        policy = features(response)
        for feature in DISABLED:
            assert policy.get(feature) == "()", (name, response.status_code, feature)

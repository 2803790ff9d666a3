"""E-legitimation in tests: the site's OpenID Connect client talks to the local
test identity provider (eid/testidp/) through Django's test client, never over a
network, and a resident's whole round trip is one function."""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.test import Client
from urllib3 import HTTPResponse

from eid import client as eid_client

ISSUER_HOST = "http://testserver/"
TOLVAN = "191212121212"  # the well-known fictitious test person
RESIDENT = "9999"  # the test settings' municipality code
ELSEWHERE = "0180"


class TestClientAdapter(requests.adapters.HTTPAdapter):
    """Sends the client's back-channel requests (metadata, keys, token) to the test
    identity provider in this process. `replace` may swap the token endpoint's
    answer (a function of the real answer's JSON) to forge or replay one."""

    def __init__(self, replace=None):
        super().__init__()
        self.replace = replace
        self.calls = []

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {}
        if "Authorization" in request.headers:
            headers["HTTP_AUTHORIZATION"] = request.headers["Authorization"]
        client = Client()
        if request.method == "POST":
            response = client.post(
                path,
                data=request.body or "",
                content_type=request.headers.get("Content-Type", ""),
                **headers,
            )
        else:
            response = client.get(path, **headers)
        self.calls.append(parts.path)
        content = response.content
        if self.replace and parts.path.endswith("/token/"):
            content = self.replace(response.json())
        headers = {k: v for k, v in response.items() if k.lower() != "content-length"}
        raw = HTTPResponse(
            body=io.BytesIO(content),
            headers={**headers, "Content-Length": str(len(content))},
            status=response.status_code,
            preload_content=False,
        )
        return self.build_response(request, raw)


@pytest.fixture
def eid_http(monkeypatch):
    """Route the client's requests for the test provider through the test client;
    a fresh client per test (it caches the provider's metadata and keys)."""
    adapter = TestClientAdapter()
    original = requests.Session.get_adapter

    def get_adapter(session, url):
        if url.startswith(ISSUER_HOST):
            return adapter
        return original(session, url)

    monkeypatch.setattr(requests.Session, "get_adapter", get_adapter)
    eid_client.forget()
    yield adapter
    eid_client.forget()


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def to_broker(client, proposal, **form):
    """Post the e-legitimation sign form: the response (a redirect to the provider)."""
    data = {"name": "Tolvan", "consent": "on", **form}
    return client.post(proposal.get_url() + "e-legitimation/", data)


def at_broker(client, authorize_url, pin=TOLVAN, municipality=RESIDENT, cancel=False):
    """Identify (or cancel) at the test provider: the redirect back to the site."""
    params = query(authorize_url)
    page = client.get(authorize_url)
    assert page.status_code == 200, page.content
    assert "TESTTJÄNST" in page.content.decode()
    action = {"cancel": "1"} if cancel else {"identify": "1"}
    response = client.post(
        urlsplit(authorize_url).path,
        {**params, "person": "", "other": pin, "municipality": municipality, **action},
    )
    assert response.status_code == 302, response.content
    return response["Location"]


def eid_sign(client, proposal, pin=TOLVAN, municipality=RESIDENT, **form):
    """A resident's whole round trip: the site's final response after the return."""
    started = to_broker(client, proposal, **form)
    assert started.status_code == 302, started.content
    back = at_broker(client, started["Location"], pin=pin, municipality=municipality)
    return client.get(back)

"""A form body declared in a character set the site does not read (Django ticket
#34709) gets a 400 on every POST endpoint, never a 500."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils.crypto import get_random_string

from tests.proposals.helpers import sign_data

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"
REFUSED = [
    f"{FORM}; charset=utf-16",
    f"{FORM}; charset=UTF-32",
    f"{FORM}; charset=utf8",
    f"{FORM}; charset=latin-1",
    f"{FORM}; charset=no-such-charset",
    # Django compares the charset as sent: padded UTF-8 is not UTF-8 to it.
    f'{FORM}; charset="utf-8 "',
    f'{FORM}; charset=" UTF-8"',
    "multipart/form-data; boundary=x; charset=utf-16",
    "text/plain; charset=utf-32-le",
]


def post_endpoints(proposal):
    """Every URL residents and staff POST to (one of each kind)."""
    box = proposal.box.url
    page = proposal.get_url()
    return [
        page + "skriv-under/",
        page + "kommentarer/1/svara/",
        page + "kommentarer/1/anmal/",
        box + "lamna-forslag/",
        box + "liknande/",
        box + "bekrafta-forslag/token/",
        box + "mitt-forslag/token/",
        box + "bekrafta-underskrift/token/",
        box + "min-underskrift/token/",
        box + "avregistrera/token/",
        "/kommentarer/post/",
        "/kommentarer/confirm/key/",
        "/kommentarer/mute/key/",
        "/kommentarer/flag/1/",
        "/mina-underskrifter/",
        "/mina-underskrifter/token/",
        "/en/mina-underskrifter/",
        "/sok/",
        "/admin/login/",
        "/api/v1/proposals/",
    ]


@pytest.fixture
def csrf_client():
    """A client that passes the CSRF check the way a browser does (cookie and
    header), so the 400 handler's own CSRF check runs, as in production."""
    token = get_random_string(32)  # a CSRF secret: 32 letters and digits
    client = Client(enforce_csrf_checks=True, HTTP_X_CSRFTOKEN=token)
    client.cookies["csrftoken"] = token
    return client


@pytest.mark.parametrize("content_type", REFUSED)
def test_every_post_endpoint_refuses_an_unread_charset_with_400(
    csrf_client, open_proposal, content_type, settings
):
    settings.DEBUG = False
    body = "name=Eva&email=eva%40example.se".encode("utf-16")
    for url in post_endpoints(open_proposal):
        response = csrf_client.generic("POST", url, body, content_type=content_type)
        assert response.status_code == 400, url
        assert "UTF-8" in response.content.decode()


def test_a_utf8_form_still_signs(csrf_client, open_proposal):
    csrf_client.get(open_proposal.get_url())
    response = csrf_client.post(
        open_proposal.get_url() + "skriv-under/",
        urlencode(sign_data()),
        content_type=f"{FORM}; charset=UTF-8",
    )
    assert response.status_code == 302

"""A comment keeps the resident's address, not the proxy's: behind the trusted
proxies (DELAKTIG_TRUSTED_PROXY_COUNT) it is the one they appended to
X-Forwarded-For, as for signatures and rate limits."""

import re
from urllib.parse import unquote

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django_comments_xtd import signed
from django_comments_xtd.models import XtdComment

from tests.proposals.test_comments import post_comment

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.7"
RESIDENT = "203.0.113.9"
# The client may write anything in front; the proxy appends what it saw.
FORWARDED = f"6.6.6.6, {RESIDENT}"


@pytest.fixture
def behind_a_proxy(settings, client):
    settings.DELAKTIG_TRUSTED_PROXY_COUNT = 1
    client.defaults.update(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=FORWARDED)
    return client


def test_a_resident_s_comment_waiting_for_its_link_keeps_their_address(
    behind_a_proxy, open_proposal
):
    response = post_comment(
        behind_a_proxy,
        open_proposal,
        name="Bo",
        email="bo.hemlig@example.org",
        comment="Bra förslag.",
    )
    assert response.status_code == 302
    link = re.search(r"https?://\S+/confirm/(\S+?)/", mail.outbox[-1].body)
    # The comment waits inside its signed link until the resident confirms it.
    pending = signed.loads(
        unquote(link.group(1)), extra_key=django_settings.COMMENTS_XTD_SALT
    )
    assert pending["ip_address"] == RESIDENT


def test_a_signed_in_comment_is_stored_with_the_resident_s_address(
    behind_a_proxy, registered_proposal, politician
):
    behind_a_proxy.force_login(politician)
    response = post_comment(
        behind_a_proxy,
        registered_proposal,
        comment="Vi tittar på det.",
        name="",
        email="",
    )
    assert response.status_code == 302
    assert XtdComment.objects.get().ip_address == RESIDENT


def test_without_trusted_proxies_the_connecting_address_is_kept(
    client, registered_proposal, politician, settings
):
    settings.DELAKTIG_TRUSTED_PROXY_COUNT = 0
    client.defaults.update(REMOTE_ADDR=RESIDENT, HTTP_X_FORWARDED_FOR="6.6.6.6")
    client.force_login(politician)
    post_comment(client, registered_proposal, comment="Noterat.", name="", email="")
    assert XtdComment.objects.get().ip_address == RESIDENT

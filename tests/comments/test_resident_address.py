"""Behind the site's reverse proxy, a comment records the resident's address (the
one the trusted proxy appended to X-Forwarded-For), not the proxy's."""

import re

import pytest
from django.core import mail
from django_comments_xtd.models import XtdComment

from tests.comments.test_one_path import form_data, post_url

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
RESIDENT = "203.0.113.5"


@pytest.fixture(params=["dialogue", "proposal"])
def target(request):
    return request.getfixturevalue(request.param)


def test_a_confirmed_comment_keeps_the_residents_address(client, target, settings):
    settings.DELAKTIG_TRUSTED_PROXY_COUNT = 1
    behind_proxy = {
        "REMOTE_ADDR": PROXY,
        "HTTP_X_FORWARDED_FOR": f"6.6.6.6, {RESIDENT}",
    }
    response = client.post(post_url(target), form_data(target), **behind_proxy)
    assert response.status_code == 302
    [message] = mail.outbox
    link = re.search(r"https?://[^/\s]+(/kommentarer/confirm/\S+/)", message.body)
    client.post(link.group(1), **behind_proxy)
    assert XtdComment.objects.get().ip_address == RESIDENT


def test_a_logged_in_users_comment_keeps_their_address(
    client, target, settings, django_user_model
):
    settings.DELAKTIG_TRUSTED_PROXY_COUNT = 1
    user = django_user_model.objects.create_user(
        "kim", "kim@example.org", "lösenord-123", first_name="Kim"
    )
    client.force_login(user)
    client.post(
        post_url(target),
        form_data(target),
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=RESIDENT,
    )
    assert XtdComment.objects.get().ip_address == RESIDENT

"""When mail, cache or database fail, residents' actions still behave."""

import logging
import uuid
from unittest import mock

import pytest
from django.db import DatabaseError
from django.test import override_settings
from django_tasks import default_task_backend

from proposals import mails
from proposals.models import Proposal, Signature
from tests.proposals.helpers import sign_data, submit_data

pytestmark = pytest.mark.django_db

DOWN_MAIL = "tests.failing_backends.DownMailBackend"
DEAD_REDIS = {
    "default": {
        "BACKEND": "delaktig_site.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def sign_url(proposal):
    return proposal.get_url() + "skriv-under/"


def submit_url(box):
    return box.get_url() + box.reverse_subpage("submit_view")


@override_settings(EMAIL_BACKEND=DOWN_MAIL)
def test_signing_succeeds_when_the_mail_server_is_down(client, open_proposal, caplog):
    with caplog.at_level(logging.WARNING, logger="delaktig.mail"):
        response = client.post(sign_url(open_proposal), sign_data())
    assert response.status_code == 302
    assert Signature.objects.filter(proposal=open_proposal).count() == 1
    assert "E-mail not sent" in caplog.text


@override_settings(EMAIL_BACKEND=DOWN_MAIL)
def test_submitting_succeeds_when_the_mail_server_is_down(client, box, topic):
    response = client.post(submit_url(box), submit_data(topic))
    assert response.status_code == 302
    assert Proposal.objects.filter(title__startswith="Fler cykelställ").count() == 1


def _signature(proposal):
    return Signature.objects.create(
        proposal=proposal, name="Eva", email="a@b.se", language="sv"
    )


@override_settings(EMAIL_BACKEND=DOWN_MAIL, TASKS=DUMMY_TASKS)
def test_failed_mail_is_queued_again_for_later(open_proposal):
    signature = _signature(open_proposal)
    default_task_backend.clear()
    mails.send_mail.call("signature_confirm", "sv", signature=signature.pk)
    retries = default_task_backend.results
    assert len(retries) == 1
    retry = retries[0]
    assert retry.args == ["signature_confirm", "sv"]
    assert retry.kwargs == {"attempt": 2, "signature": signature.pk}
    assert retry.task.run_after is not None


@override_settings(EMAIL_BACKEND=DOWN_MAIL, TASKS=DUMMY_TASKS)
def test_mail_gives_up_after_the_last_attempt(open_proposal):
    signature = _signature(open_proposal)
    default_task_backend.clear()
    with pytest.raises(OSError):
        mails.send_mail.call(
            "signature_confirm",
            "sv",
            attempt=mails.MAX_ATTEMPTS,
            signature=signature.pk,
        )
    assert default_task_backend.results == []


@override_settings(CACHES=DEAD_REDIS)
def test_pages_and_signing_work_when_the_cache_is_down(client, open_proposal, caplog):
    with caplog.at_level(logging.WARNING, logger="delaktig.cache"):
        assert client.get("/").status_code == 200
        assert client.get(open_proposal.get_url()).status_code == 200
        response = client.post(sign_url(open_proposal), sign_data())
    assert response.status_code == 302
    signature = Signature.objects.get(proposal=open_proposal)
    assert not signature.flagged  # rate limits let people through, and say so
    assert "Cache unavailable" in caplog.text


def test_database_error_while_signing_leaves_nothing_half_saved(client, open_proposal):
    before = Proposal.objects.get(pk=open_proposal.pk).signature_count
    with (
        mock.patch(
            "proposals.lifecycle.signing.Signature.objects.create",
            side_effect=DatabaseError("disk full"),
        ),
        pytest.raises(DatabaseError),
    ):
        client.post(sign_url(open_proposal), sign_data())
    assert Signature.objects.filter(proposal=open_proposal).count() == 0
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == before


def test_the_redis_cache_reuses_one_client_per_pool(live_redis_url):
    from delaktig_site.cache import ResilientRedisCache

    cache = ResilientRedisCache(live_redis_url, {"KEY_PREFIX": "delaktig-test"})
    first = cache.client.get_client(write=True)
    assert cache.client.get_client(write=True) is first
    cache.set("reuse", {"page": 1}, timeout=5)
    assert cache.get("reuse") == {"page": 1}
    assert cache.client.get_client(write=True) is first
    cache.delete("reuse")


def test_redis_keeps_sliding_logs_with_their_expiry(live_redis_url):
    from delaktig_site.cache import ResilientRedisCache

    cache = ResilientRedisCache(live_redis_url, {"KEY_PREFIX": "delaktig-test"})
    cache.delete_many(["burst", "day"])
    limits = [("burst", 600, 2), ("day", 86400, 5)]
    assert cache.sliding_hit(limits)
    assert cache.sliding_hit(limits)
    assert not cache.sliding_hit(limits)  # refused, and not counted
    client = cache.client.get_client(write=True)
    assert client.zcard(cache.make_and_validate_key("day")) == 2
    assert 0 < client.pttl(cache.make_and_validate_key("burst")) <= 600_000
    assert 600_000 < client.pttl(cache.make_and_validate_key("day")) <= 86_400_000
    cache.delete_many(["burst", "day"])


def test_rate_limits_hold_on_redis(redis_cache, settings):
    from django.core.cache import caches

    from municipality import ratelimit

    settings.RATE_LIMITS = {"sign": {"burst": (2, 600), "sustained": (50, 86400)}}
    assert hasattr(caches["default"], "sliding_hit")
    # Fresh addresses each run: the counters stay in Redis for their window.
    first, second = (f"test-{uuid.uuid4()}" for _ in range(2))
    assert ratelimit.hit("sign", first)
    assert ratelimit.hit("sign", first)
    assert not ratelimit.hit("sign", first)
    assert ratelimit.hit("sign", second)

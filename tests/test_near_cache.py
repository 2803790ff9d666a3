"""The Redis cache keeps the keys read on nearly every request (Wagtail's site root
paths) in the process for a second: the second read costs no round trip, a change
made in the process shows at once and one made by another process within the
second; other keys are always read from Redis."""

import uuid

import pytest
from wagtail.models import Site

from delaktig_site import cache as near_cache
from delaktig_site.cache import NEAR_SECONDS, ResilientRedisCache

KEY = "wagtail_site_root_paths"


@pytest.fixture
def clock(monkeypatch):
    moment = {"now": 1000.0}
    monkeypatch.setattr(near_cache, "now", lambda: moment["now"])
    return moment


@pytest.fixture
def processes(live_redis_url):
    """Two web processes' caches on one Redis, with a prefix of this test's own."""
    params = {"KEY_PREFIX": f"near-{uuid.uuid4().hex}"}
    first = ResilientRedisCache(live_redis_url, params)
    second = ResilientRedisCache(live_redis_url, params)
    yield first, second
    first.delete(KEY, version=2)
    first.delete("other")


def test_the_second_read_costs_no_round_trip(processes, clock):
    first, _second = processes
    first.set(KEY, ["/home/"], version=2)
    assert first.get(KEY, version=2) == ["/home/"]
    # Gone from Redis behind the process's back: the kept copy answers.
    first.client.get_client(write=True).delete(first.make_key(KEY, version=2))
    assert first.get(KEY, version=2) == ["/home/"]
    clock["now"] += NEAR_SECONDS + 0.1
    assert first.get(KEY, version=2) is None


def test_a_change_in_the_process_shows_at_once(processes, clock):
    first, _second = processes
    first.set(KEY, ["/home/"], version=2)
    assert first.get(KEY, version=2) == ["/home/"]
    first.delete(KEY, version=2)
    assert first.get(KEY, version=2) is None
    first.set(KEY, ["/ny/"], version=2)
    assert first.get(KEY, version=2) == ["/ny/"]


def test_a_change_elsewhere_shows_within_the_second(processes, clock):
    first, second = processes
    first.set(KEY, ["/home/"], version=2)
    assert first.get(KEY, version=2) == ["/home/"]
    second.delete(KEY, version=2)
    second.set(KEY, ["/ny/"], version=2)
    clock["now"] += NEAR_SECONDS + 0.1
    assert first.get(KEY, version=2) == ["/ny/"]


def test_other_keys_are_always_read_from_redis(processes, clock):
    first, second = processes
    first.set("other", 1)
    assert first.get("other") == 1
    second.set("other", 2)
    assert first.get("other") == 2


def test_wagtail_reads_the_site_root_paths_through_it(redis_cache, site):
    from django.core.cache import cache

    Site.clear_site_root_paths_cache()
    paths = Site.get_site_root_paths()  # made from the database and stored
    assert Site.get_site_root_paths() == paths  # read from Redis, and kept
    assert cache.near[(KEY, 2)][1] == paths
    site.hostname = "ny.example.org"
    site.save()  # Wagtail empties the key: this process sees it at once
    assert (KEY, 2) not in cache.near
    assert Site.get_site_root_paths()[0].root_url.startswith("http://ny.example.org")
    cache.delete(KEY, version=2)

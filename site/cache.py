"""A Redis cache that degrades instead of failing.

If Redis is unreachable, pages must still be served: reads miss, writes are
dropped, counters read as zero (so rate limits let people through rather than
locking everyone out), and every failure is logged. A few hot keys are kept in
the process for a second (NEAR_KEYS)."""

import logging
import time
import uuid

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("delaktig.cache")

# KEYS: one sorted set (a log of accepted attempts' times in ms) per limit;
# ARGV: a unique member, then each key's window in ms and its number of hits.
SLIDING_WINDOW_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i, key in ipairs(KEYS) do
  local window = tonumber(ARGV[2 * i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[2 * i + 1]) then
    return 0
  end
end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[1])
  redis.call('PEXPIRE', key, ARGV[2 * i])
end
return 1
"""


def _fallback(method, default):
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            logger.warning("Cache unavailable (%s): %s", method.__name__, error)
            return default

    wrapper.__name__ = method.__name__
    return wrapper


# Keys read on nearly every request and changed rarely: each process keeps what it
# read for NEAR_SECONDS (a Redis round trip saved per request). A change made in the
# process is seen at once, one made elsewhere within NEAR_SECONDS, as the page
# cache's generation is (caching/generation.py).
NEAR_KEYS = frozenset({"wagtail_site_root_paths"})
NEAR_SECONDS = 1.0
now = time.monotonic


class ResilientRedisCache(RedisCache):
    """django-redis (one client per server and process, reused; its public raw
    client for the Lua script) with every operation degrading as above."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.sliding_script = None
        self.near = {}

    get_many = _fallback(RedisCache.get_many, {})
    has_key = _fallback(RedisCache.has_key, False)
    _set = _fallback(RedisCache.set, None)
    set_many = _fallback(RedisCache.set_many, [])
    add = _fallback(RedisCache.add, False)
    touch = _fallback(RedisCache.touch, False)
    _delete = _fallback(RedisCache.delete, False)
    delete_many = _fallback(RedisCache.delete_many, None)
    incr = _fallback(RedisCache.incr, 0)
    _clear = _fallback(RedisCache.clear, False)

    def get(self, key, default=None, version=None):
        if key in NEAR_KEYS:
            kept = self.near.get((key, version))
            if kept is not None and kept[0] > now():
                return kept[1]
        try:
            value = super().get(key, default, version)
        except RedisError as error:
            logger.warning("Cache unavailable (get): %s", error)
            return default
        if key in NEAR_KEYS and value is not None:
            self.near[(key, version)] = (now() + NEAR_SECONDS, value)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        self.near.pop((key, version), None)
        return self._set(key, value, timeout, version, **kwargs)

    def delete(self, key, version=None, **kwargs):
        self.near.pop((key, version), None)
        return self._delete(key, version, **kwargs)

    def clear(self):
        self.near.clear()
        return self._clear()

    def sliding_hit(self, entries):
        """One attempt against sliding-window limits, [(key, seconds, hits)]
        (municipality/ratelimit.py): in one round trip, a Lua script drops each
        log's times older than its window and, only if every log holds fewer than
        its hits, records the attempt in all of them at the server's time. True
        when accepted; True as well while Redis is unreachable (residents are let
        through rather than locked out, as before)."""
        keys = [self.make_and_validate_key(key) for key, _s, _h in entries]
        args = [uuid.uuid4().hex]
        for _key, seconds, hits in entries:
            args += [int(seconds * 1000), int(hits)]
        try:
            client = self.client.get_client(write=True)
            if self.sliding_script is None:
                # Sent by its SHA after the first call (redis-py's Script).
                self.sliding_script = client.register_script(SLIDING_WINDOW_SCRIPT)
            return bool(self.sliding_script(keys=keys, args=args, client=client))
        except RedisError as error:
            logger.warning("Cache unavailable (sliding_hit): %s", error)
            return True

"""What many requests compute the same way, shared between them while the page cache
is on (PAGE_CACHE_SECONDS > 0): the layer's template fragments
(caching/templatetags/caching.py) keep their rendered HTML here.

Everything is kept under the page cache's generation, so whatever empties the page
cache makes it stale; otherwise an entry lives PAGE_CACHE_SECONDS from when it was
made. Each process also keeps what it read, pickled, until that same moment (at
most LOCAL_ENTRIES keys), which saves a Redis round trip per lookup; the key holds
the generation, which the process re-reads at least once a second, so what empties
the cache still reaches it within a second. Every use unpickles a fresh copy: no
object is shared between requests. With the page cache off, nothing is shared."""

import pickle
import time

from django.core.cache import cache

from caching.generation import generation, seconds

LOCAL_ENTRIES = 1000
# The request attribute holding when the earliest shared entry it used expires.
EXPIRES_ATTRIBUTE = "cache_shared_expires"
_local = {}


def enabled():
    return seconds() > 0


def remember(request, name, make):
    """make(), or what it gave for `name` earlier in this generation. Notes on the
    request when the earliest entry it used expires (EXPIRES_ATTRIBUTE), so the page
    cache keeps no page longer than what it was made from."""
    if not enabled():
        return make()
    key = f"shared:v3:{generation(request)}:{name}"
    now = time.time()
    local = _local.get(key)
    if local is not None and local[0] > now:
        _note_expiry(request, local[0])
        return pickle.loads(local[1])  # noqa: S301 (our own pickle, made below)
    found = cache.get(key)
    if found is None:
        found = (make(), now + seconds())
        cache.set(key, found, timeout=seconds())
    value, expires = found
    if len(_local) >= LOCAL_ENTRIES:
        _local.clear()
    _local[key] = (expires, pickle.dumps(value))
    _note_expiry(request, expires)
    return value


def _note_expiry(request, expires):
    if request is not None:
        earliest = getattr(request, EXPIRES_ATTRIBUTE, expires)
        setattr(request, EXPIRES_ATTRIBUTE, min(earliest, expires))


def forget_local():
    """Drop what this process kept (for tests that empty the cache)."""
    _local.clear()

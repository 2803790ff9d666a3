"""What every request looks up the same way, shared between requests while the
anonymous page cache is on (home/page_cache.py): the Wagtail Site, the site's
settings, the layout's links, the first step of page routing and whether a page is
restricted.

Everything is kept under the page cache's generation, so whatever empties the page
cache (publishing, unpublishing, moving or deleting a page, a view restriction, a
site or its settings saved) makes it stale; otherwise an entry lives
PAGE_CACHE_SECONDS from when it was made. Each process also keeps what it read,
pickled, until that same moment (at most LOCAL_ENTRIES keys), which saves a Redis
round trip per lookup; the key holds the generation, which the process re-reads at
least once a second, so what empties the cache still reaches it within a second.
Every use unpickles a fresh copy: no object is shared between requests.
(Should Redis be emptied, its generation starts again from 0, and a process may
use what it kept under those keys until they expire.) With the page cache off,
nothing is shared."""

import pickle
import time

from django.core.cache import cache

from home import page_cache

LOCAL_ENTRIES = 1000
_local = {}


def enabled():
    return page_cache.seconds() > 0


def remember(request, name, make, *, keep_none=True):
    """make(), or what it gave for `name` earlier in this generation."""
    if not enabled():
        return make()
    key = f"shared:v2:{page_cache.generation(request)}:{name}"
    now = time.monotonic()
    local = _local.get(key)
    if local is not None and local[0] > now:
        return pickle.loads(local[1])  # noqa: S301 (our own pickle, made above)
    found = cache.get(key)
    if found is None:
        value = make()
        if value is None and not keep_none:
            return None
        found = (value, time.time() + page_cache.seconds())
        cache.set(key, found, timeout=page_cache.seconds())
    value, expires = found
    if len(_local) >= LOCAL_ENTRIES:
        _local.clear()
    _local[key] = (now + expires - time.time(), pickle.dumps(value))
    return value


def forget_local():
    """Drop what this process kept (for tests that empty the cache)."""
    _local.clear()

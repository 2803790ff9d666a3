"""The cache generation: a number in every page, fragment and shared key, so
bumping it (invalidate) makes everything cached stale at once."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "pagecache:generation"
# The request attribute the generation is kept on for the rest of the request.
REQUEST_ATTRIBUTE = "cache_generation"

# The generation as this process last read it, trusted for LOCAL_SECONDS: a
# change made by another process is seen within that time, one made here at once.
LOCAL_SECONDS = 1.0
_local = {"value": 0, "until": 0.0}


def seconds():
    """How long a page or fragment is kept (PAGE_CACHE_SECONDS); 0 turns all off."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def generation(request=None):
    """The current cache generation (kept on the request, and for LOCAL_SECONDS in
    this process, so most requests do not ask the cache for it)."""
    if request is not None and hasattr(request, REQUEST_ATTRIBUTE):
        return getattr(request, REQUEST_ATTRIBUTE)
    now = time.monotonic()
    if _local["until"] > now:
        value = _local["value"]
    else:
        value = cache.get(GENERATION_KEY, 0)
        _local.update(value=value, until=now + LOCAL_SECONDS)
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, value)
    return value


def invalidate(**_kwargs):
    """Make every cached page, fragment and shared entry stale (signal receiver):
    at once, and again when the change is committed, since a request elsewhere may
    have filled the cache from the rows as they were in between."""
    _bump()
    transaction.on_commit(_bump)


def _bump():
    _local["until"] = 0.0
    if not seconds():
        return
    if not cache.add(GENERATION_KEY, 1, timeout=None):
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, 1, timeout=None)


def forget_local():
    """Forget the generation this process read (for tests)."""
    _local["until"] = 0.0

"""Per-IP rate limits for submitting and signing, counted in the shared cache.

The counters live in Django's cache (Redis in production), so every web process
sees the same numbers. Limits are configurable with PROPOSALS_RATE_LIMITS:
{"sign": {"burst": (hits, seconds), "sustained": (hits, seconds)}, "submit": ...}."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_RATE_LIMITS = {
    "submit": {"burst": (3, 10 * 60), "sustained": (10, 24 * 3600)},
    "sign": {"burst": (10, 10 * 60), "sustained": (50, 24 * 3600)},
    "remove": {"burst": (5, 10 * 60), "sustained": (20, 24 * 3600)},
}


def _limits(action):
    configured = getattr(settings, "PROPOSALS_RATE_LIMITS", {})
    return configured.get(action, DEFAULT_RATE_LIMITS[action])


def _key(action, name, ip, window):
    # The IP is hashed with the secret key: the cache never holds a raw address.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]
    return f"proposals:rate:{action}:{name}:{digest}:{int(time.time() // window)}"


def hit(action, ip):
    """Count one attempt; return True while the address is within every limit."""
    limits = _limits(action).items()
    windows = [
        (_key(action, name, ip or "unknown", window), window)
        for name, (_limit, window) in limits
    ]
    counts = _count(windows)
    return all(
        count <= limit
        for count, (_name, (limit, _w)) in zip(counts, limits, strict=True)
    )


def _count(windows):
    """One hit in each window: in one round trip where the cache offers it (Redis,
    delaktig_site.cache), otherwise with the cache API's add and incr."""
    if hasattr(cache, "count_hits"):
        return cache.count_hits(windows)
    counts = []
    for key, window in windows:
        cache.add(key, 0, timeout=window)
        try:
            counts.append(cache.incr(key))
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            counts.append(1)
    return counts

"""Sliding-window rate limits, counted in the shared cache, for every app.

A limit is (hits, seconds): at most that many accepted attempts in ANY span of that
many seconds (a log of the accepted attempts' times, not a counter per calendar
window, so no burst of twice the limit fits across a window's boundary). A check
names one or more (action, value) pairs, e.g. the client's address and the
recipient's: the attempt is accepted, and counted under every pair, only if every
pair is within all of its limits; a refused attempt is not counted, so the logs
stay as small as the limits.

Limits are set per action with RATE_LIMITS in the settings:
{"sign": {"burst": (10, 600), "sustained": (50, 86400)}, ...}; an action not named
there keeps DEFAULT_RATE_LIMITS. Values are hashed with the secret key, so the
cache never holds a raw address. With Redis (delaktig_site.cache) one Lua script
checks and records everything atomically on the server's clock; with another cache
(the local memory of tests and development) the log is a list under a process lock."""

import hashlib
import ipaddress
import threading
import time

from django.conf import settings
from django.core.cache import cache

from municipality import mailbox

HOUR = 3600
DAY = 24 * HOUR

DEFAULT_RATE_LIMITS = {
    # Per client address.
    "submit": {"burst": (3, 10 * 60), "sustained": (10, DAY)},
    "sign": {"burst": (10, 10 * 60), "sustained": (50, DAY)},
    "remove": {"burst": (5, 10 * 60), "sustained": (20, DAY)},
    "comment": {"burst": (5, 10 * 60), "sustained": (30, DAY)},
    "report": {"burst": (10, 10 * 60), "sustained": (50, DAY)},
    "password-reset": {"burst": (5, HOUR), "sustained": (20, DAY)},
    # Per recipient (a normalised e-mail address) of a mail whose address a
    # stranger typed: confirmation links, removal links, whatever the form.
    "mail-to": {"burst": (5, HOUR), "sustained": (20, DAY)},
    # Per recipient, for signatures sent faster than a person types.
    "mail-to-flagged": {"day": (1, DAY)},
    # Per reported comment: the moderators hear of its reports once an hour.
    "report-mail": {"window": (1, HOUR)},
}

_local_lock = threading.Lock()


def limits(action):
    configured = getattr(settings, "RATE_LIMITS", {})
    return configured.get(action, DEFAULT_RATE_LIMITS[action])


def counted(value):
    """What a limit counts: an IPv6 client by its /64 network (a home or a server
    is handed a whole /64 to rotate through), an IPv4 address (also written
    IPv4-mapped) and any other value as it is."""
    try:
        address = ipaddress.ip_address(str(value))
    except ValueError:
        return value
    if address.version == 6 and address.ipv4_mapped:
        return str(address.ipv4_mapped)
    if address.version == 6:
        return str(ipaddress.IPv6Network((int(address) >> 64 << 64, 64)))
    return str(address)


def _hashed(value):
    text = f"{settings.SECRET_KEY}:{value or 'unknown'}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _entries(checks):
    """[(cache key, seconds, hits)] for every limit of every (action, value)."""
    return [
        (f"rate:{action}:{name}:{_hashed(counted(value))}", seconds, hits)
        for action, value in checks
        for name, (hits, seconds) in limits(action).items()
    ]


def allow(*checks):
    """Count one attempt under every (action, value) of `checks` and return True
    while all are within their limits; return False (counting nothing) otherwise."""
    entries = _entries(checks)
    if hasattr(cache, "sliding_hit"):
        return cache.sliding_hit(entries)
    return _local_hit(entries)


def hit(action, value):
    """allow() for one (action, value)."""
    return allow((action, value))


def now():
    """The clock of the local log (tests move it)."""
    return time.time()


def _local_hit(entries):
    """The sliding log in a cache without server-side scripts. The lock makes it
    exact within a process (the local-memory cache is per process anyway)."""
    moment = now()
    with _local_lock:
        logs = []
        for key, seconds, hits in entries:
            stamps = [s for s in cache.get(key) or [] if s > moment - seconds]
            if len(stamps) >= hits:
                return False
            logs.append((key, seconds, stamps))
        for key, seconds, stamps in logs:
            cache.set(key, [*stamps, moment], timeout=seconds)
    return True


def mail_to(address):
    """The check for a mail to a typed address: spellings of one mailbox (case,
    +tags, IDN forms) are one recipient."""
    return ("mail-to", mailbox.reached(address or ""))

"""Deprecated: what proposals/lifecycle.py still calls; goes when the lifecycle
package (sending proposals.signals) lands."""

from contextlib import contextmanager
from contextvars import ContextVar

from caching.generation import invalidate as _invalidate

_counts_only = ContextVar("page_cache_counts_only", default=False)


def counts_only():
    """Inside like_counts(): a save shows within PAGE_CACHE_SECONDS, as counts do."""
    return _counts_only.get()


@contextmanager
def like_counts():
    token = _counts_only.set(True)
    try:
        yield
    finally:
        _counts_only.reset(token)


def invalidate():
    if not counts_only():
        _invalidate()

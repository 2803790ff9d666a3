"""What every request looks up the same way, shared between requests while the
anonymous page cache is on (home/page_cache.py): the Wagtail Site, the site's
settings, the layout's links and the first step of page routing.

Everything is kept under the page cache's generation, so whatever empties the page
cache (publishing, unpublishing, moving or deleting a page, a view restriction, a
site or its settings saved) makes it stale at once, and for at most
PAGE_CACHE_SECONDS otherwise. With the page cache off, nothing is shared."""

from django.core.cache import cache

from home import page_cache


def enabled():
    return page_cache.seconds() > 0


def remember(request, name, make, *, keep_none=True):
    """make(), or what it gave for `name` earlier in this generation."""
    if not enabled():
        return make()
    key = f"shared:{page_cache.generation(request)}:{name}"
    found = cache.get(key)
    if found is not None:
        return found[0]
    value = make()
    if value is not None or keep_none:
        cache.set(key, (value,), timeout=page_cache.seconds())
    return value

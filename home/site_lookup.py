"""The Wagtail Site of a request, from the shared cache while the page cache is on.

Wagtail finds the Site with one query per request (by host name and port) and then
reads the site's root page; both change only when an editor changes the sites or
publishes, which empties the cache (home.page_cache.invalidate bumps the generation
in every key). Wagtail keeps the Site it found on request._wagtail_site (documented
on Site.find_for_request); this middleware fills that in from the cache."""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from home import page_cache


def _find(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    key = f"site:{page_cache.generation(request)}:{hostname}:{port}"
    found = cache.get(key)
    if found is None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.localized.specific  # noqa: B018 (kept with the site)
        found = (site,)
        cache.set(key, found, timeout=page_cache.seconds())
    return found[0]


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if page_cache.seconds() > 0 and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = _find(request)
        return self.get_response(request)

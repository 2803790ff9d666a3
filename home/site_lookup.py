"""The Wagtail Site of a request, from the shared cache (home/shared_cache.py).

Wagtail finds the Site with one query per request (by host name and port) and then
reads the site's root page. Wagtail keeps the Site it found on
request._wagtail_site (documented on Site.find_for_request); this middleware fills
that in from the shared cache, root page included. Likewise the sites' root paths,
which every page URL is made from: Wagtail reads them from Django's cache once per
request (request._wagtail_cached_site_root_paths, see Page._get_site_root_paths),
here they come from this process's copy."""

from django.http.request import split_domain_port
from wagtail.models import Site

from home import shared_cache


def _find_with_root(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page.localized.specific  # noqa: B018 (kept with the site)
    return site


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if shared_cache.enabled() and not hasattr(request, "_wagtail_site"):
            hostname = split_domain_port(request._get_raw_host())[0]
            request._wagtail_site = shared_cache.remember(
                request,
                f"site:{hostname}:{request.get_port()}",
                lambda: _find_with_root(request),
            )
            request._wagtail_cached_site_root_paths = shared_cache.remember(
                request, "site-root-paths", Site.get_site_root_paths
            )
        return self.get_response(request)

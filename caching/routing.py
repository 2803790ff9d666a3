"""Wagtail's routing from the shared cache: which live page answers a path.

Routing a request through Wagtail asks the database for the site, then each page on
the way down and the view restrictions above the page (five or six queries and most
of a signature's CPU). Here the site's map of paths to pages and each page object
are shared entries (caching/shared.py) under the cache generation, which publishing,
moving or deleting a page, a view restriction or a site saved all bump
(caching/receivers.py). Pages under a view restriction, aliases and what lies below
them are never in the map: Wagtail routes those and checks their restrictions."""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site

from caching import shared


def route(request, path):
    """(page, args, kwargs) as Wagtail's Page.route gives them, or None where
    Wagtail should route the request itself (cache off, no such page, restricted)."""
    if not shared.enabled():
        return None
    # The host and port Wagtail matches sites on (the port is the server's, not
    # the Host header's, so a made-up port makes no new map).
    domain = split_domain_port(request.get_host())[0]
    pages = shared.remember(
        request,
        f"routes:{domain}:{request.get_port()}:{get_language()}",
        lambda: site_pages(request),
    )
    page_id, rest = _deepest(pages, [part for part in path.split("/") if part])
    if page_id is None:
        return None
    try:
        page = shared.remember(
            request,
            f"route-page:{page_id}",
            lambda: Page.objects.get(pk=page_id).specific,
        )
        found = page.route(request, rest)
    except (Http404, Page.DoesNotExist):
        return None
    # Only the page itself or its own sub-routes (a routable page's views): a page
    # reached by walking on to its children may be one the map left out.
    return found if found[0].pk == page_id else None


def _deepest(pages, components):
    """The deepest mapped page on the path, walking down from the site's root and
    stopping at the first part that is not a mapped page; and the parts left."""
    page_id, depth, prefix = pages.get(""), 0, ""
    for number, part in enumerate(components, 1):
        prefix += f"{part}/"
        if prefix not in pages:
            break
        page_id, depth = pages[prefix], number
    return page_id, components[depth:]


def site_pages(request):
    """{path below the site's root page: page id} for its live pages that no view
    restriction covers and that are not aliases (Wagtail checks an alias against
    the restrictions of the page it copies), nor below one. In another language
    the translated pages take the place of the Swedish ones they translate, and
    the Swedish ones stand where there is no translation (home/localised.py)."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    left_to_wagtail = tuple(
        PageViewRestriction.objects.values_list("page__path", flat=True)
    ) + tuple(
        Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    )
    pages = {}
    for root in dict.fromkeys([site.root_page, site.root_page.localized]):
        found = (
            Page.objects.descendant_of(root, inclusive=True)
            .live()
            .values_list("id", "path", "url_path")
        )
        pages.update(
            (url_path[len(root.url_path) :], page_id)
            for page_id, path, url_path in found
            if not path.startswith(left_to_wagtail)
        )
    return pages

"""Wagtail's routing from the shared cache: which live page answers a path.

Routing a request through Wagtail asks the database for the site, then each page on
the way down and the view restrictions above the page (five or six queries and most
of a signature's CPU). Here the site's map of paths to pages and each page object
are shared entries (caching/shared.py) under the cache generation, which publishing,
moving or deleting a page, a view restriction or a site saved all bump
(caching/receivers.py). Pages under a view restriction are never in the map: they
are routed, and their restriction checked, by Wagtail itself."""

from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site

from caching import shared


def route(request, path):
    """(page, args, kwargs) as Wagtail's Page.route gives them, or None where
    Wagtail should route the request itself (cache off, no such page, restricted)."""
    if not shared.enabled():
        return None
    components = [component for component in path.split("/") if component]
    pages = shared.remember(
        request,
        f"routes:{request.get_host()}:{get_language()}",
        lambda: site_pages(request),
    )
    for depth in range(len(components), -1, -1):
        page_id = pages.get("".join(f"{part}/" for part in components[:depth]))
        if page_id is not None:
            break
    else:
        return None
    page = shared.remember(
        request, f"route-page:{page_id}", lambda: Page.objects.get(pk=page_id).specific
    )
    try:
        found = page.route(request, components[depth:])
    except Http404:
        return None
    # Only the page itself or its own sub-routes (a routable page's views): a page
    # reached by walking on to its children may be one the map left out.
    return found if found[0].pk == page_id else None


def site_pages(request):
    """{path below the site's root page: page id} for its live pages that no view
    restriction covers (a restriction covers the page it is on and those below)."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    root = site.root_page.localized
    restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    found = (
        Page.objects.descendant_of(root, inclusive=True)
        .live()
        .values_list("id", "path", "url_path")
    )
    return {
        url_path[len(root.url_path) :]: page_id
        for page_id, path, url_path in found
        if not path.startswith(restricted)
    }

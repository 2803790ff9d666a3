"""Wagtail's page view, routed from the shared cache (caching/routing.py)."""

from django.http import HttpResponse
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.wagtail_hooks import check_view_restrictions

from caching import routing


def serve(request, path):
    """Serve a page as Wagtail's serve view does, with the same hooks; a route from
    the cache is to a page no view restriction covers, so Wagtail's restriction
    check (a query for nothing) is the one hook left out."""
    found = routing.route(request, path)
    if found is None:
        return wagtail_views.serve(request, path)
    page, args, kwargs = found
    chain = wagtail_views.serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        if wrap is not check_view_restrictions:
            chain = wrap(chain)
    for before in hooks.get_hooks("before_serve_page"):
        result = before(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)

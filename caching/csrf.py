"""One exception to Django's CSRF protection, for the public forms on pages the
caching proxy shares (caching/edge.py), which cannot carry a per-visitor token.

A POST that carries no session cookie (nobody is signed in: Django keeps log-ins
in the session) and is not for the admin is accepted without a token when the
browser says it comes from the site itself: its Origin header (sent by every
current browser on a form POST) is the site's, or, without one, Sec-Fetch-Site
or the Referer is. A page on another site cannot post through a visitor's
browser, and a visitor has nothing a forged post could use: no session, no
log-in. Everything else (staff, the admin's log-in form, any request with a
session) gets Django's check unchanged. The README's security section has the
reasoning, and what else protects those forms."""

from urllib.parse import urlsplit

from django.conf import settings

from caching import edge

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
SAME_SITE_FETCH = ("same-origin", "none")


def _origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def from_the_site(request):
    """The browser says the request comes from one of the site's own pages."""
    own = {_origin_of(request.build_absolute_uri("/")), *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin in own
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site in SAME_SITE_FETCH
    referer = request.META.get("HTTP_REFERER")
    if referer:
        return _origin_of(referer) in own
    # No browser header at all: not a browser, which no token would stop either.
    return True


def anonymous_public_post(request):
    """A POST to the public site by someone not signed in, from the site's pages."""
    return (
        request.method not in SAFE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(f"/{settings.ADMIN_PATH}/")
        and from_the_site(request)
    )


class AnonymousFormsMiddleware:
    """Just before Django's CsrfViewMiddleware: marks an anonymous public post as
    checked while the caching proxy shares pages (see the module docstring), with
    Django's own flag, which its middleware and the csrf_protect decorator (the
    comment library's views) honour. Every other request is Django's to check."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if edge.enabled() and anonymous_public_post(request):
            request.csrf_processing_done = True

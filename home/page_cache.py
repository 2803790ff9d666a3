"""Whole-page cache for anonymous visitors who carry no cookies.

Only a request without any cookie can be served from the cache or fill it, so no
visitor ever gets another's CSRF token, messages, session or logged-in state (all of
those need a cookie), and only a response that sets no cookie is stored: a page with
a form sets the CSRF cookie and is therefore never stored. The language is part of
the key (it comes from the path: / is Swedish, /en/ English).

Counts and comments shown on a cached page are at most PAGE_CACHE_SECONDS old; a
published or unpublished page, a proposal saved through its lifecycle, or a new
trail entry empties the whole cache at once by bumping a generation number that is
part of every key (one extra cache read per request)."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.cache import cc_delim_re

logger = logging.getLogger("delaktig.cache")

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
ALLOWED_VARY = {"cookie", "accept-language"}
MAX_URL_LENGTH = 500


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def invalidate(**_kwargs):
    """Make every cached page stale (signal receiver)."""
    if not seconds():
        return
    if not cache.add(GENERATION_KEY, 1, timeout=None):
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, 1, timeout=None)


def _cacheable_request(request):
    return (
        seconds() > 0
        and request.method in ("GET", "HEAD")
        and not request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and len(request.get_full_path()) <= MAX_URL_LENGTH
        and not request.path.startswith(f"/{settings.ADMIN_PATH}/")
    )


def _cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
    return vary - {""} <= ALLOWED_VARY


def _key(request):
    language = (
        translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    )
    generation = cache.get(GENERATION_KEY, 0)
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"pagecache:{generation}:{language}:{url}"


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for cookie-less GETs (see the module docstring).

    Placed near the top of MIDDLEWARE, so a hit skips sessions, CSRF, messages and
    the view; the security middleware above it still adds its headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if _cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, timeout=seconds())
            response[HEADER] = "miss"
        return response

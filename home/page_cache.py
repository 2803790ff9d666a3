"""Whole-page cache for anonymous visitors.

Only a request that carries no cookie but the CSRF cookie can be served from the
cache or fill it, so no visitor ever gets another's messages, session or logged-in
state (all of those need another cookie). A page with a form is stored without its
per-visitor values: every hidden input named in FRESH_FIELDS (the CSRF token, and
what apps register with register_fresh_field, such as the sign form's start time) is
blanked before storing and filled in anew for each visitor it is served to, and the
CSRF cookie is set as Django's CSRF middleware would set it. So a first-time visitor
to a popular proposal gets the cached page and can still sign on it.

Counts, comments and what signatures set off (like_counts) shown on a cached page
are at most PAGE_CACHE_SECONDS old; a
published or unpublished page, a proposal saved through its lifecycle, or a new
trail entry empties the whole cache by bumping a generation number that is part of
every key: at once in the process that made the change, within LOCAL_SECONDS in the
others (each process reads the generation at most once a second)."""

import functools
import hashlib
import logging
import re
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import translation
from django.utils.cache import cc_delim_re

logger = logging.getLogger("delaktig.cache")

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
ALLOWED_VARY = {"cookie", "accept-language"}
MAX_URL_LENGTH = 500
CSRF_FIELD = "csrfmiddlewaretoken"

# Hidden inputs whose value belongs to one visitor: name -> function(request) -> str.
FRESH_FIELDS = {CSRF_FIELD: get_token}


def register_fresh_field(name, make_value):
    """Have the hidden input `name` filled in per visitor on every cached page."""
    FRESH_FIELDS[name] = make_value


def _fresh_input_re():
    return _compiled(tuple(sorted(FRESH_FIELDS)))


@functools.lru_cache(maxsize=4)
def _compiled(names):
    alternatives = "|".join(re.escape(name) for name in names)
    pattern = f'(<input type="hidden" name="({alternatives})" value=")[^"]*(")'
    return re.compile(pattern.encode())


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


# The generation as this process last read it, trusted for LOCAL_SECONDS: a
# change made by another process is seen within that time, one made here at once.
LOCAL_SECONDS = 1.0
_local = {"value": 0, "until": 0.0}


def generation(request=None):
    """The current cache generation (kept on the request, and for LOCAL_SECONDS in
    this process, so most requests do not ask the cache for it)."""
    if request is not None and hasattr(request, "_delaktig_cache_generation"):
        return request._delaktig_cache_generation
    now = time.monotonic()
    if _local["until"] > now:
        value = _local["value"]
    else:
        value = cache.get(GENERATION_KEY, 0)
        _local.update(value=value, until=now + LOCAL_SECONDS)
    if request is not None:
        request._delaktig_cache_generation = value
    return value


_like_counts = ContextVar("page_cache_like_counts", default=False)


@contextmanager
def like_counts():
    """Inside this block, changes do not empty the cache: they show on cached pages
    within PAGE_CACHE_SECONDS, as counts do. For what a signature sets off (the
    half-way and threshold entries, the referral): emptying the whole cache at every
    line crossed would cost a full render of every page during a signing peak."""
    token = _like_counts.set(True)
    try:
        yield
    finally:
        _like_counts.reset(token)


def invalidate(**_kwargs):
    """Make every cached page stale (signal receiver)."""
    if _like_counts.get():
        return
    _local["until"] = 0.0
    if not seconds():
        return
    if not cache.add(GENERATION_KEY, 1, timeout=None):
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, 1, timeout=None)


def _only_csrf(cookie_names):
    if getattr(settings, "CSRF_USE_SESSIONS", False):
        return not cookie_names
    return set(cookie_names) <= {settings.CSRF_COOKIE_NAME}


def _cacheable_request(request):
    return (
        seconds() > 0
        and request.method in ("GET", "HEAD")
        and _only_csrf(request.COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
        and len(request.get_full_path()) <= MAX_URL_LENGTH
        and not request.path.startswith(f"/{settings.ADMIN_PATH}/")
    )


def _cacheable_response(response):
    if response.status_code != 200 or response.streaming:
        return False
    if not _only_csrf(response.cookies):
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
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"pagecache:{generation(request)}:{language}:{url}"


def _stored(response):
    """What is kept of a response: no cookie, no per-visitor value."""
    if hasattr(response, "render") and callable(response.render):
        response.render()
    content, blanked = _fresh_input_re().subn(rb"\1\3", response.content)
    headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
    return {
        "status": response.status_code,
        "headers": headers,
        "content": content,
        "fresh": blanked > 0,
    }


def _served(request, stored):
    response = HttpResponse(stored["content"], status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    if stored["fresh"]:
        csrf = CsrfViewMiddleware(lambda request: response)
        csrf.process_request(request)  # the visitor's own secret, if they have one

        values = {}  # one value per field and page, as a rendered page has

        def fill(match):
            name = match.group(2).decode()
            if name not in values:
                values[name] = FRESH_FIELDS[name](request).encode()
            return match.group(1) + values[name] + match.group(3)

        response.content = _fresh_input_re().sub(fill, stored["content"])
        csrf.process_response(request, response)  # sets the cookie when used
    response[HEADER] = "hit"
    return response


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for anonymous GETs (see the module docstring).

    Placed near the top of MIDDLEWARE, so a hit skips sessions, messages and the
    view; the security middleware above it still adds its headers, and the headers
    the middleware below added when the page was made (CSP, framing) are stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if isinstance(stored, dict):
            return _served(request, stored)
        response = self.get_response(request)
        if _cacheable_response(response):
            cache.set(key, _stored(response), timeout=seconds())
            response[HEADER] = "miss"
        return response

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
others (each process reads the generation at most once a second).

Each process also keeps the pages it served (at most LOCAL_PAGES, the least recently
used go first) until the moment their Redis entry expires, under the same key, so a
hit costs no Redis round trip and no unpickling, and a page is never older than the
Redis entry would be. The stored page is kept split at its per-visitor values, so a
hit fills them in without searching the page."""

import functools
import hashlib
import logging
import re
import time
from collections import OrderedDict
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
LOCAL_PAGES = 200
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


def cacheable_request(request):
    """An anonymous GET whose page the cache may serve: no cookie but the CSRF one."""
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
    return f"pagecache:v2:{generation(request)}:{language}:{url}"


def split_fresh(content):
    """HTML (bytes) split at its per-visitor values (FRESH_FIELDS): text, field
    name, text, ..., text; the values themselves are left out."""
    parts = _fresh_input_re().split(content)
    # re.split gives text, group 1, group 2, group 3, text, ... per match.
    split = [parts[0]]
    for at in range(1, len(parts), 4):
        start, name, end, text = parts[at : at + 4]
        split[-1] += start
        split.extend([name.decode(), end + text])
    return split


def fill_fresh(request, parts):
    """The HTML split_fresh split, with this visitor's values filled in (one value
    per field, as a rendered page has)."""
    values = {}
    for name in parts[1::2]:
        if name not in values:
            values[name] = FRESH_FIELDS[name](request).encode()
    return b"".join(values[part] if i % 2 else part for i, part in enumerate(parts))


def _stored(response):
    """What is kept of a response: no cookie, no per-visitor value. `parts` is the
    content split at the per-visitor values (split_fresh)."""
    if hasattr(response, "render") and callable(response.render):
        response.render()
    headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
    return {
        "status": response.status_code,
        "headers": headers,
        "parts": split_fresh(response.content),
        "expires": time.time() + seconds(),
    }


def _served(request, stored):
    parts = stored["parts"]
    response = HttpResponse(
        parts[0] if len(parts) == 1 else b"", status=stored["status"]
    )
    for name, value in stored["headers"]:
        response[name] = value
    if len(parts) > 1:
        csrf = CsrfViewMiddleware(lambda request: response)
        csrf.process_request(request)  # the visitor's own secret, if they have one
        response.content = fill_fresh(request, parts)
        csrf.process_response(request, response)  # sets the cookie when used
    response[HEADER] = "hit"
    return response


_pages = OrderedDict()  # key -> stored page, this process's copies


def _local_copy(key):
    stored = _pages.get(key)
    if stored is None:
        return None
    if stored["expires"] <= time.time():
        del _pages[key]
        return None
    _pages.move_to_end(key)
    return stored


def _keep(key, stored):
    _pages[key] = stored
    if len(_pages) > LOCAL_PAGES:
        _pages.popitem(last=False)


def forget_local():
    """Drop this process's copies of pages and of the generation (for tests)."""
    _pages.clear()
    _local["until"] = 0.0


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for anonymous GETs (see the module docstring).

    Placed near the top of MIDDLEWARE, so a hit skips sessions, messages and the
    view; the security middleware above it still adds its headers, and the headers
    the middleware below added when the page was made (CSP, framing) are stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        stored = _local_copy(key)
        if stored is None:
            stored = cache.get(key)
            if isinstance(stored, dict):
                _keep(key, stored)
        if isinstance(stored, dict):
            return _served(request, stored)
        response = self.get_response(request)
        if _cacheable_response(response):
            stored = _stored(response)
            cache.set(key, stored, timeout=seconds())
            _keep(key, stored)
            response[HEADER] = "miss"
        return response

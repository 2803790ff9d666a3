"""Whole-page cache for anonymous visitors.

Only a request that carries no cookie but the CSRF cookie can be served from the
cache or fill it, so no visitor ever gets another's messages, session or logged-in
state (all of those need another cookie). A page with a form is stored without its
per-visitor values (caching/fresh.py: the CSRF token and what
PAGE_CACHE_FRESH_FIELDS names, such as the sign form's start time), which are filled
in anew for each visitor it is served to, and the CSRF cookie is set as Django's
CSRF middleware would set it. So a first-time visitor to a popular proposal gets the
cached page and can still sign on it.

Counts on a cached page are at most PAGE_CACHE_SECONDS old; what the receivers
(caching/receivers.py) hear of empties the whole cache by bumping the generation
(caching/generation.py) that is part of every key.

Each process also keeps the pages it served (at most LOCAL_PAGES, the least recently
used go first) until the moment their Redis entry expires, under the same key, so a
hit costs no Redis round trip and no unpickling, and a page is never older than the
Redis entry would be. The stored page is kept split at its per-visitor values, so a
hit fills them in without searching the page.

With a caching proxy in front (caching/edge.py), a page served or stored here goes
out with the values every visitor may share instead (no CSRF token, no cookie) and
`Cache-Control: s-maxage` set to what is left of its time here, so the proxy keeps
it no longer than this cache would."""

import hashlib
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_cache_control

from caching import edge
from caching.fresh import fill_fresh, split_fresh
from caching.generation import generation, seconds
from caching.shared import EXPIRES_ATTRIBUTE

HEADER = "X-Page-Cache"
ALLOWED_VARY = {"cookie", "accept-language"}
MAX_URL_LENGTH = 500
LOCAL_PAGES = 200


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


def page_key(request):
    language = (
        translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    )
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"pagecache:v2:{generation(request)}:{language}:{url}"


def _stored(response, expires):
    """What is kept of a response: no cookie, no per-visitor value. `parts` is the
    content split at the per-visitor values (split_fresh)."""
    headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
    return {
        "status": response.status_code,
        "headers": headers,
        "parts": split_fresh(response.content),
        "expires": expires,
    }


def _served(request, stored):
    parts = stored["parts"]
    response = HttpResponse(
        parts[0] if len(parts) == 1 else b"", status=stored["status"]
    )
    for name, value in stored["headers"]:
        response[name] = value
    if edge.enabled():
        _for_the_edge(response, parts, stored["expires"])
    elif len(parts) > 1:
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


def _for_the_edge(response, parts, expires):
    """The page as the proxy may give it to everyone until `expires`: the shared
    values filled in, no cookie (the CSRF cookie is the only one a stored page
    may have set: _cacheable_response)."""
    response.content = fill_fresh(None, parts, shared=True)
    if response.has_header("Content-Length"):  # set below, for the tokens
        response["Content-Length"] = str(len(response.content))
    for name in list(response.cookies):
        del response.cookies[name]
    remaining = int(expires - time.time())
    patch_cache_control(response, public=True, max_age=0, s_maxage=max(remaining, 0))


def forget_local():
    """Drop this process's copies of pages (for tests)."""
    _pages.clear()


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
        key = page_key(request)
        stored = _local_copy(key)
        if stored is None:
            stored = cache.get(key)
            if isinstance(stored, dict):
                _keep(key, stored)
        if isinstance(stored, dict):
            return _served(request, stored)
        response = self.get_response(request)
        if not _cacheable_response(response):
            return response
        if hasattr(response, "render") and callable(response.render):
            response.render()
        # No page outlives a shared fragment it was made from.
        expires = time.time() + seconds()
        expires = min(expires, getattr(request, EXPIRES_ATTRIBUTE, expires))
        timeout = int(expires - time.time())
        if timeout > 0:
            stored = _stored(response, expires)
            cache.set(key, stored, timeout=timeout)
            _keep(key, stored)
            if edge.enabled():
                _for_the_edge(response, stored["parts"], expires)
        response[HEADER] = "miss"
        return response

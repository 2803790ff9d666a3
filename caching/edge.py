"""The caching proxy in front of the site (the edge, deploy/varnish.vcl), when
DELAKTIG_EDGE_URL names it.

The proxy keeps what the page cache would keep (caching/middleware.py), for as long
as the page cache still would (the response's s-maxage), and serves it without
reaching Python. So a page it keeps must be the same for every visitor: it carries
no CSRF token and sets no cookie (the public forms are protected another way,
caching/csrf.py), and the sign form's start time is the time the page was made.

What the receivers (caching/receivers.py) hear of is purged from it through
Wagtail's frontend cache (wagtail.contrib.frontend_cache, the HTTP backend: PURGE
requests), in both languages: the page or proposal that changed, the listing it is
on and the front page. Everything else a change shows (menus, other listings,
counts) is at most PAGE_CACHE_SECONDS old, as with the page cache alone."""

import datetime
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page

from caching.generation import LOCAL_SECONDS, seconds

# The header the proxy sets on what it serves: HIT or MISS (deploy/varnish.vcl).
HEADER = "X-Edge-Cache"


def enabled():
    """Pages are shared at the edge: a proxy is named and the page cache is on."""
    return bool(getattr(settings, "DELAKTIG_EDGE_URL", "")) and seconds() > 0


def purging():
    """A proxy is named to send purges to (Wagtail's WAGTAILFRONTENDCACHE)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def in_both_languages(url):
    """The URL and its twin in the other language: Swedish has no prefix, English
    is under /en/ (i18n_patterns, prefix_default_language=False)."""
    scheme, netloc, path, query, fragment = urlsplit(url)
    paths = {path}
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code == settings.LANGUAGE_CODE:
            continue
        if path.startswith(prefix):
            paths.add(path[len(prefix) - 1 :])
        else:
            paths.add(prefix.rstrip("/") + path)
    return {urlunsplit((scheme, netloc, each, query, "")) for each in paths}


def purge(urls):
    """Purge these URLs, in both languages, from the proxy: now, and once more
    after every web process has seen the new cache generation (generation.py
    trusts its copy for LOCAL_SECONDS), so no process can hand the proxy a page
    from before the change to keep."""
    if not purging():
        return
    every = sorted({twin for url in urls if url for twin in in_both_languages(url)})
    if not every:
        return
    purge_urls_from_cache(every)
    if default_task_backend.supports_defer:
        later = timezone.now() + datetime.timedelta(seconds=LOCAL_SECONDS + 1)
        purge_urls_from_cache_task.using(run_after=later).enqueue(every, None, None)


def page_urls(page, *, with_parent=True):
    """The page's own address, its parent's (a listing of it) and the front page."""
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    urls = [page.get_full_url()]
    if with_parent:
        try:
            parent = page.get_parent()
        except Page.DoesNotExist:  # deleted with the page
            parent = None
        if parent is not None and parent.depth > 1:
            urls.append(parent.get_full_url())
        site = page.get_site()
        if site is not None:
            urls.append(site.root_page.get_full_url())
    return urls


def proposal_urls(proposal):
    """A proposal's page, its suggestion box (the listing) and the front page."""
    box = proposal.box
    box_url = box.get_full_url()
    if box_url is None:
        return []
    own = box_url + box.reverse_subpage("proposal_view", args=[proposal.pk])
    return [own, *page_urls(box)]

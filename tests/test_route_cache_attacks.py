"""Attacks on the routing from the shared cache (caching/routing.py, caching/views.py):
each test holds the cached routing to what Wagtail's own routing answers."""

import time

import pytest
from django.test import Client
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from caching import generation, routing
from home.demo import standard_page
from home.models import StandardPage


@pytest.fixture(autouse=True)
def _cache_on(cache_on):
    yield


def signed_in_get(path, **extra):
    """A visitor with a session: never a page-cache hit, always routed."""
    client = Client()
    client.cookies["sessionid"] = "not-a-session"
    return client.get(path, **extra)


def wagtails_answer(settings, path, **extra):
    """The status Wagtail's own routing gives (the cache off for one request)."""
    settings.PAGE_CACHE_SECONDS = 0
    try:
        return signed_in_get(path, **extra).status_code
    finally:
        settings.PAGE_CACHE_SECONDS = 30


# --- view restrictions -------------------------------------------------------------


def test_an_alias_of_a_restricted_page_is_restricted_too(site, settings):
    """Wagtail checks an alias against its source page's restrictions
    (Page.get_view_restrictions); the map only looks at the alias's own path."""
    secret = standard_page(site.root_page, "intern", "Internt", "Bara personal.", [])
    secret.create_alias(parent=site.root_page, update_slug="intern-kopia")
    # Restricted after the alias was made (create_alias copies restrictions only
    # then; Wagtail ignores the alias's own anyway and checks the source's).
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert wagtails_answer(settings, "/intern-kopia/") == 302
    response = signed_in_get("/intern-kopia/")
    assert response.status_code == 302  # Wagtail: login; the cache: 200


def test_a_page_below_an_alias_of_a_restricted_page_is_restricted_too(site, settings):
    secret = standard_page(site.root_page, "intern", "Internt", "Bara personal.", [])
    standard_page(secret, "lista", "Lista", "Personalens lista.", [])
    secret.create_alias(
        parent=site.root_page, update_slug="intern-kopia", recursive=True
    )
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert wagtails_answer(settings, "/intern-kopia/lista/") == 302
    response = signed_in_get("/intern-kopia/lista/")
    assert response.status_code == 302  # Wagtail: login; the cache: 200


@pytest.mark.parametrize("kind", ["login", "groups", "password"])
def test_held_restriction_on_an_ancestor_and_removed_later(site, kind):
    parent = standard_page(site.root_page, "intern", "Internt", "Bara personal.", [])
    standard_page(parent, "lista", "Lista", "Personalens lista.", [])
    assert signed_in_get("/intern/lista/").status_code == 200  # map filled
    restriction = PageViewRestriction.objects.create(
        page=parent, restriction_type=kind, password="hemligt"
    )

    def blocked(response):
        if kind == "password":
            return b'name="password"' in response.content
        return response.status_code == 302

    for _ in range(2):
        assert blocked(signed_in_get("/intern/lista/"))
        assert blocked(signed_in_get("/en/intern/lista/"))
        assert blocked(Client().get("/intern/lista/"))  # anonymous, page cache
    restriction.delete()
    assert signed_in_get("/intern/lista/").status_code == 200


# --- several sites -----------------------------------------------------------------


def test_a_page_of_another_site_on_the_same_host_but_another_port(site, settings):
    """Wagtail picks the site by host name and the request's port; the map's key is
    the Host header only, so the first request decides the map for every port."""
    public = standard_page(site.root_page, "bara-a", "Bara A", "Plats A.", [])
    other_root = StandardPage(title="Plats B", slug="plats-b")
    Page.get_first_root_node().add_child(instance=other_root)
    other_root.save_revision().publish()
    Site.objects.create(
        hostname=site.hostname, port=443, root_page=other_root, site_name="B"
    )
    assert public.url_path.endswith("/bara-a/")
    assert signed_in_get("/bara-a/").status_code == 200  # site A, port 80
    # The same Host header on port 443: Wagtail routes site B, which has no bara-a.
    assert wagtails_answer(settings, "/bara-a/", secure=True) == 404
    response = signed_in_get("/bara-a/", secure=True)
    assert response.status_code == 404  # the cache: 200, site A's page


def test_a_port_in_the_host_header_does_not_build_another_map(site):
    """Django's ALLOWED_HOSTS ignores the Host header's port and so does Wagtail's
    site lookup; the map's key keeps it, so any visitor can have the whole map of
    live pages rebuilt (and stored again) on every request: Host: testserver:1, :2..."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    standard_page(site.root_page, "nyheter", "Nyheter", "Öppet.", [])
    assert signed_in_get("/nyheter/").status_code == 200

    def map_built(**extra):
        with CaptureQueriesContext(connection) as queries:
            assert signed_in_get("/nyheter/", **extra).status_code == 200
        return any('AS "page__path"' in q["sql"] for q in queries)

    assert not map_built()  # the same Host: the map is reused
    assert not map_built(HTTP_HOST="testserver:4711")  # the cache: built again


# --- stale entries, errors ---------------------------------------------------------


def test_a_page_deleted_while_another_process_still_has_the_old_generation(site):
    """Other processes trust their generation for up to a second (by design); a
    page deleted in that second, whose own entry was not cached yet, must answer
    404, not raise (Page.DoesNotExist -> 500)."""
    standard_page(site.root_page, "nyheter", "Nyheter", "Öppet.", [])
    gone = standard_page(site.root_page, "borta", "Borta", "Snart borta.", [])
    assert signed_in_get("/nyheter/").status_code == 200  # the map, not borta's page
    old = generation.generation()
    gone.delete()
    # As another process sees it: the generation it read less than a second ago.
    generation._local.update(value=old, until=time.monotonic() + 5)
    response = Client(raise_request_exception=False).get(
        "/borta/", HTTP_COOKIE="sessionid=x"
    )
    assert response.status_code == 404  # the cache: 500 (Page.DoesNotExist)


@pytest.mark.parametrize("step", ["unpublish", "slug", "move", "delete"])
def test_held_no_stale_page_after_a_change(site, step):
    parent = standard_page(site.root_page, "nyheter", "Nyheter", "Öppet.", [])
    other = standard_page(site.root_page, "annat", "Annat", "Annat.", [])
    page = standard_page(parent, "sida", "Sida", "En sida.", [])
    assert signed_in_get("/nyheter/sida/").status_code == 200
    if step == "unpublish":
        page.unpublish()
    elif step == "slug":
        parent.slug = "nytt"
        parent.save_revision().publish()
        assert signed_in_get("/nytt/sida/").status_code == 200
    elif step == "move":
        page.move(other, pos="last-child")
        assert signed_in_get("/annat/sida/").status_code == 200
    else:
        parent.delete()
    # Moved: Wagtail's automatic redirect to the new place.
    assert signed_in_get("/nyheter/sida/").status_code == (
        301 if step == "move" else 404
    )


@pytest.mark.parametrize(
    "path",
    [
        "/nyheter/sida/extra/",
        "/Nyheter/",
        "/nyh%C3%A9ter/",
        "/%00/",
        "/nyheter//",
        "/nyheter/%2F/",
        "/_util/",
        "/nyheter/_util/",
        "/" + "a/" * 300,
        "/\u0663/",
    ],
)
def test_held_odd_paths_answer_as_wagtail_does(site, path):
    parent = standard_page(site.root_page, "nyheter", "Nyheter", "Öppet.", [])
    standard_page(parent, "sida", "Sida", "En sida.", [])
    client = Client(raise_request_exception=False)
    assert client.get(path, HTTP_COOKIE="sessionid=x").status_code in (404, 301, 302)


class _CountedMap(dict):
    def __init__(self, *args):
        super().__init__(*args)
        self.lookups = 0

    def __contains__(self, key):
        self.lookups += 1
        return super().__contains__(key)


def test_a_long_path_is_looked_up_part_by_part_only_while_pages_match():
    """Wagtail gives up at the first unknown slug; so does the map's walk down, so a
    path of 2,000 parts (it fits in a 4 KB request line) costs two lookups."""
    pages = _CountedMap({"": 1, "a/": 2})
    page_id, rest = routing._deepest(pages, ["a"] * 2000)
    assert (page_id, len(rest)) == (2, 1999)
    assert pages.lookups == 2


# --- hooks and URL names -----------------------------------------------------------


def test_held_language_links_and_options(site):
    standard_page(site.root_page, "nyheter", "Nyheter", "Öppet.", [])
    with translation.override("sv"):
        assert translate_url("/nyheter/", "en") == "/en/nyheter/"
    with translation.override("en"):
        assert translate_url("/en/nyheter/", "sv") == "/nyheter/"
    assert signed_in_get("/en/nyheter/").status_code == 200
    # Wagtail's own before_serve_page hook (check_request_method) still runs.
    client = Client()
    client.cookies["sessionid"] = "x"
    assert client.options("/nyheter/").status_code == 200
    assert "Allow" in client.options("/nyheter/")
    # Wagtail allows every method on a page by default (same with the cache off).
    assert client.delete("/nyheter/").status_code == 200


def test_held_other_serve_hooks_still_run(site):
    from django.http import HttpResponse
    from wagtail import hooks

    standard_page(site.root_page, "nyheter", "Nyheter", "Öppet.", [])
    seen = []

    def wrap(serve):
        def inner(page, request, args, kwargs):
            seen.append(("on", page.slug))
            return serve(page, request, args, kwargs)

        return inner

    def before(page, request, args, kwargs):
        seen.append(("before", page.slug))
        if request.GET.get("stop"):
            return HttpResponse("stopped", status=418)

    with (
        hooks.register_temporarily("on_serve_page", wrap),
        hooks.register_temporarily("before_serve_page", before),
    ):
        assert signed_in_get("/nyheter/").status_code == 200
        assert signed_in_get("/nyheter/?stop=1").status_code == 418
    assert seen == [("before", "nyheter"), ("on", "nyheter"), ("before", "nyheter")]

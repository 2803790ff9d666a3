"""Shared fixtures: the demo site, and a real browser for browser tests."""

import io
import os
import shutil
import uuid
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from caching import generation, middleware, shared
from home import demo as home_demo
from municipality.language import vocabulary
from proposals.lifecycle import announce
from tests.eid_helpers import eid_http  # noqa: F401 (a fixture for e-legitimation tests)

CHROMIUM = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
)


@pytest.fixture(autouse=True)
def _no_local_cache_copies():
    """Each test starts with no page or shared entry kept in this process from an
    earlier test (the keys repeat once the cache is emptied)."""
    middleware.forget_local()
    generation.forget_local()
    shared.forget_local()
    # The search words stored by an earlier test were rolled back with it.
    vocabulary.forget()
    # Rate-limit logs of an earlier test's posts (all from one address) are gone.
    cache.clear()
    # The language a request activated stays active in the thread: each test
    # starts in Swedish, as a new request without a prefix does.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    # A test that changed a site record leaves Wagtail's cached root paths
    # behind when its transaction is rolled back.
    Site.clear_site_root_paths_cache()


# on_commit as it behaves outside any transaction: the function runs at once.
AT_ONCE = SimpleNamespace(on_commit=lambda func, **kwargs: func())


def _transactional(request):
    return _transactional_item(request.node)


def _transactional_item(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.fixture(autouse=True)
def _announced_without_commit(request, monkeypatch):
    """Tests inside one rolled-back transaction never commit, so what the
    lifecycle announces on commit (audit, e-mail, caches) is sent at once there.
    Transactional tests keep the real on_commit behaviour."""
    if not _transactional(request):
        monkeypatch.setattr(announce, "transaction", AT_ONCE)


@pytest.fixture
def live_redis_url():
    """The machine's Redis (REDIS_URL, or the usual local port); skipped without it."""
    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        pytest.skip(f"Redis not running at {url}")
    return url


@pytest.fixture
def redis_cache(live_redis_url, settings):
    """The default cache on that Redis, under a key prefix of the test's own."""
    settings.CACHES = {
        "default": {
            "BACKEND": "delaktig_site.cache.ResilientRedisCache",
            "LOCATION": live_redis_url,
            "KEY_PREFIX": f"delaktig-test-{uuid.uuid4().hex}",
        }
    }
    return settings.CACHES["default"]


@pytest.fixture
def cache_on(settings):
    """The page cache, and with it the shared cache, on an empty cache."""
    cache.clear()
    shared.forget_local()
    settings.PAGE_CACHE_SECONDS = 30
    yield
    cache.clear()


# The base site is built once per test database (django_db_setup below) and each
# test's transaction rolls back to it. Transactional tests (run last by pytest-django)
# start from the state the migrations left, which Django restores for them: the
# base site is taken away before the first of them.
_base_site = {"blocker": None, "built": False, "transactional_first": False}


def pytest_collection_modifyitems(items):
    """Every transactional test restores the migrations' rows: one whose flush
    recreated content types would give them other ids than the next test restores."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if _transactional_item(item) and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: transactional tests need serialized_rollback=True"
            )


def pytest_runtest_setup(item):
    """Runs before the test's fixtures: remove the base site before a transactional
    test, so restoring the migrations' rows does not collide with its pages."""
    if not _transactional_item(item):
        return
    if not _base_site["built"]:
        _base_site["transactional_first"] = True
        return
    from home.models import HomePage

    with _base_site["blocker"].unblock():
        for home in HomePage.objects.all():
            home.delete()
    _base_site["built"] = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The site as the demo command builds it (home, legal pages, users), built
    once per test database; each test's transaction rolls back to it."""
    _base_site["blocker"] = django_db_blocker
    if _base_site["transactional_first"]:
        return  # this process runs only transactional tests
    with django_db_blocker.unblock():
        home_demo.build(io.StringIO())
    _base_site["built"] = True


@pytest.fixture
def site(db):
    """Mittköping's site as the demo command builds it (home, legal pages, users).
    Built again only where a transactional test emptied the database."""

    from home.models import HomePage

    found = Site.objects.filter(
        is_default_site=True, root_page__in=HomePage.objects.all()
    ).first()
    return found or home_demo.build(io.StringIO())


@pytest.fixture
def browser():
    """A fresh chromium per test. Not session-wide: while Playwright's sync API is
    active an event loop runs, and Django then hands out other connection objects,
    which breaks the serialized rollback of transactional tests."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"chromium is not installed at {CHROMIUM} (service missing)")
    # Playwright's sync API runs an event loop in this thread; the live server's
    # database work happens in its own thread, so Django's guard is not needed here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()

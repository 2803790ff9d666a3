"""The site on another host and port than the default: every absolute link on
every public page, feed, calendar, sitemap and open-data response is on the
site's address (DELAKTIG_SITE_URL), whatever host a request came in on."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.sites.models import Site as DjangoSite
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from wagtail.models import Site

from tests.crawl import crawl

pytestmark = pytest.mark.django_db

SITE_URL = "http://delaktig.mittkoping.test:8080"
ABSOLUTE = re.compile(r"""https?://[^\s"'<>\\)]+""")
# Addresses that name a format, not a place on the web.
NAMESPACES = {"www.w3.org", "www.sitemaps.org", "purl.org", "schema.org"}
# The demo's links to the outside world (sources, the municipality's own site).
EXTERNAL = re.compile(r"(^|\.)(mittkoping\.se|creativecommons\.org)$")
# Addresses no public link may point to.
WRONG = ("example.com", "127.0.0.1", "localhost", "testserver")
SEEDS = ["/", "/en/", "/sitemap.xml", "/robots.txt", "/api/v1/proposals/"]
MAX_PAGES = 400


@pytest.fixture
def demo_elsewhere(settings):
    settings.DELAKTIG_SITE_URL = settings.WAGTAILADMIN_BASE_URL = SITE_URL
    call_command("load_demo", stdout=io.StringIO())


def absolute_links(body):
    return [url.rstrip(".,;") for url in ABSOLUTE.findall(body)]


def crawl_links(client):
    """Every page's absolute links, on a crawl from the seeds."""
    found = {}
    for path, (response, body) in crawl(
        client, SEEDS, SITE_URL, limit=MAX_PAGES, links=absolute_links
    ).items():
        if response["Content-Type"].startswith("text/calendar"):
            body = body.replace("\r\n ", "")  # iCalendar folds long lines
        found[path] = absolute_links(body)
    return found


@pytest.mark.parametrize("host", ["delaktig.mittkoping.test:8080", "127.0.0.1:8000"])
def test_every_absolute_link_is_on_the_sites_address(demo_elsewhere, host):
    found = crawl_links(Client(HTTP_HOST=host))
    assert len(found) > 100, "the crawl should reach the whole demo"
    kinds = {path.split("/")[1] for path in found}
    assert {"dialoger", "forslagslada", "en", "api"} <= kinds, kinds
    assert any(path.endswith(".ics") or "kalender" in path for path in found)
    assert any("flode" in path for path in found)
    site = urlsplit(SITE_URL).netloc
    elsewhere = {}
    for path, links in found.items():
        for url in links:
            host_of_link = urlsplit(url).netloc
            if host_of_link == site or host_of_link in NAMESPACES:
                continue
            elsewhere.setdefault(host_of_link, set()).add(path)
    for wrong in WRONG:
        assert not [h for h in elsewhere if wrong in h], elsewhere
    assert not [h for h in elsewhere if not EXTERNAL.search(h)], {
        h: sorted(p)[:3] for h, p in elsewhere.items()
    }


def test_the_site_records_follow_the_configured_address(demo_elsewhere):
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == SITE_URL
    assert DjangoSite.objects.get_current().domain == "delaktig.mittkoping.test:8080"


def test_set_site_url_moves_the_site_and_refuses_what_wagtail_cannot_serve(site):
    call_command(
        "set_site_url",
        "https://delaktig.mittkoping.se",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert (
        Site.objects.get(is_default_site=True).root_url
        == "https://delaktig.mittkoping.se"
    )
    assert DjangoSite.objects.get_current().domain == "delaktig.mittkoping.se"
    for bad in (
        "https://delaktig.mittkoping.se:8443",
        "ftp://x.se",
        "delaktig",
        "http://x.se/sv/",
    ):
        with pytest.raises(CommandError):
            call_command("set_site_url", bad, stdout=io.StringIO())
    assert (
        Site.objects.get(is_default_site=True).root_url
        == "https://delaktig.mittkoping.se"
    )

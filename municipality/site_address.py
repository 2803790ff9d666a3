"""The site's public address: one setting (DELAKTIG_SITE_URL), written to the
records every absolute link is built from.

Wagtail's Site gives pages their full URLs (get_full_url, e-mails, feeds, the
calendar, open data, the sitemap); Django's Sites record is what
django-comments and syndication fall back to; WAGTAILADMIN_BASE_URL (set from
the same setting) is the admin's address in e-mails."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from wagtail.models import Site


def parts(url=None):
    """(scheme, hostname, port) of the site's address."""
    address = urlsplit(url or settings.DELAKTIG_SITE_URL)
    scheme = address.scheme or "http"
    port = address.port or (443 if scheme == "https" else 80)
    return scheme, address.hostname or "localhost", port


def problem(url):
    """Why `url` cannot be the site's address, or "" if it can. Wagtail's site
    record implies the scheme from the port: HTTPS only on 443, HTTP elsewhere."""
    address = urlsplit(url)
    if address.scheme not in ("http", "https") or not address.hostname:
        return f"Not a site address (http://host[:port] or https://host): {url}"
    if address.path.strip("/") or address.query:
        return f"The site's address has no path: {url}"
    scheme, _hostname, port = parts(url)
    if (scheme == "https") != (port == 443):
        return f"Wagtail serves HTTPS on port 443 only and HTTP on other ports: {url}"
    return ""


def apply(root_page=None, site_name="", url=None):
    """Point the default Wagtail site (created at `root_page` if there is none)
    and Django's Sites record at the address. Returns the Wagtail site, or
    None when there is neither a default site nor a root page to make one."""
    _scheme, hostname, port = parts(url)
    domain = hostname if port in (80, 443) else f"{hostname}:{port}"
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": domain, "name": site_name or domain},
    )
    wanted = {"hostname": hostname, "port": port}
    if root_page is not None:
        wanted["root_page_id"] = root_page.pk
    if site_name:
        wanted["site_name"] = site_name
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        if root_page is None:
            return None
        return Site.objects.create(is_default_site=True, **wanted)
    if any(getattr(site, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(site, field, value)
        site.save()
    return site


def absolute(path, request=None):
    """`path` on the site a request is served by (the default site without a
    request, DELAKTIG_SITE_URL without any site): its record's address, never
    the host the request came in on."""
    if request is None:
        site = Site.objects.filter(is_default_site=True).first()
    else:
        site = Site.find_for_request(request)  # the default site if none matches
    root = site.root_url if site else settings.DELAKTIG_SITE_URL
    return root.rstrip("/") + path

"""Addresses of commented objects for the e-mails django-comments-xtd sends."""

from django import template

register = template.Library()


@register.simple_tag
def page_full_url(page):
    """The absolute URL of a commented page, or of an object served by a page
    (a proposal served by its suggestion box), for e-mails."""
    if hasattr(page, "get_full_url"):
        return page.get_full_url()
    if hasattr(page, "get_absolute_url"):
        return site_root_url(page) + page.get_absolute_url()
    return ""


@register.simple_tag
def site_root_url(page):
    """The root URL of the page's Wagtail site, e.g. https://delaktig.example."""
    for candidate in (page, getattr(page, "box", None)):
        if hasattr(candidate, "get_site"):
            site = candidate.get_site()
            return site.root_url if site else ""
    return ""

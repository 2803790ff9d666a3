"""Addresses of commented objects for the e-mails django-comments-xtd sends."""

from django import template

from municipality import site_address

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
    """The root URL of the page's Wagtail site, e.g. https://delaktig.example,
    or the default site's for an object no site serves."""
    for candidate in (page, getattr(page, "box", None)):
        parts = (
            candidate.get_url_parts() if hasattr(candidate, "get_url_parts") else None
        )
        if parts:
            return parts[1]
    return site_address.absolute("")

"""The footer's link to the "Öppna data" page."""

from django import template

from home.linked_pages import linked_page

register = template.Library()


@register.simple_tag(takes_context=True)
def open_data_url(context):
    """The address of the live "Öppna data" page, or "" when there is none."""
    request = context.get("request")
    page = linked_page(request, "opendata.OpenDataPage")
    if page is None:
        return ""
    return page.get_url(request=request) or ""

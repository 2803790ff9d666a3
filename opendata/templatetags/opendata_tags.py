"""The footer's link to the "Öppna data" page."""

from django import template

from home.linked_pages import linked_url

register = template.Library()


@register.simple_tag(takes_context=True)
def open_data_url(context):
    """The address of the live "Öppna data" page, or "" when there is none."""
    return linked_url(context.get("request"), "opendata.OpenDataPage")

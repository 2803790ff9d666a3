"""The footer's link to the "Öppna data" page."""

from django import template

from ..models import OpenDataPage

register = template.Library()


@register.simple_tag(takes_context=True)
def open_data_url(context):
    """The address of the live "Öppna data" page, or "" when there is none."""
    page = OpenDataPage.objects.live().public().first()
    if page is None:
        return ""
    return page.get_url(request=context.get("request")) or ""

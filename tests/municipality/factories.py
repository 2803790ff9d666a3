"""Build the municipality's areas for tests."""

from municipality.models import Area

# A test's default area and the stand-in for the whole municipality.
CENTRE = "centrum"
WHOLE = "hela-kommunen"


def make_area(slug=CENTRE, name=None, *, whole_municipality=None):
    """The area with this slug, created if missing (named after the slug)."""
    if whole_municipality is None:
        whole_municipality = slug == WHOLE
    return Area.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name or slug.replace("-", " ").capitalize(),
            "whole_municipality": whole_municipality,
        },
    )[0]

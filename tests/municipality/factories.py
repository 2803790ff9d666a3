"""Areas and committees for tests, as factory_boy factories."""

import factory
from factory.django import DjangoModelFactory

from municipality.models import Area, Committee

# A test's default area and the stand-in for the whole municipality.
CENTRE = "centrum"
WHOLE = "hela-kommunen"


class AreaFactory(DjangoModelFactory):
    """The area with this slug, created if missing (named after the slug)."""

    class Meta:
        model = Area
        django_get_or_create = ("slug",)

    slug = CENTRE
    name = factory.LazyAttribute(lambda area: area.slug.replace("-", " ").capitalize())
    whole_municipality = factory.LazyAttribute(lambda area: area.slug == WHOLE)


class CommitteeFactory(DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ("slug",)

    name = "Tekniska nämnden"
    slug = "tekniska-namnden"
    expected_handling_days = 60


def make_area(slug=CENTRE, name=None, *, whole_municipality=None):
    values = {"slug": slug}
    if name is not None:
        values["name"] = name
    if whole_municipality is not None:
        values["whole_municipality"] = whole_municipality
    return AreaFactory(**values)

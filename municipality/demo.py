"""Demo content: Mittköping's areas and how many people live in each. Idempotent:
areas are found by slug before they are created."""

from municipality.models import Area, AreaPopulation

# slug, name, residents in POPULATION_YEAR (invented for the demo)
AREAS = [
    ("hela-kommunen", "Hela kommunen", 48_600),
    ("centrum", "Centrum", 17_900),
    ("norra-mittkoping", "Norra Mittköping", 11_200),
    ("sodra", "Södra Mittköping", 10_400),
    ("adalen", "Ådalen", 5_300),
    ("kustbyarna", "Kustbyarna", 3_800),
]
WHOLE = "hela-kommunen"
POPULATION_YEAR = 2025


def areas():
    """The demo's areas by slug, created if missing."""
    found = {}
    for slug, name, _population in AREAS:
        found[slug], _created = Area.objects.get_or_create(
            slug=slug, defaults={"name": name, "whole_municipality": slug == WHOLE}
        )
    return found


def build(site, stdout):
    by_slug = areas()
    for slug, _name, population in AREAS:
        AreaPopulation.objects.get_or_create(
            area=by_slug[slug],
            defaults={"population": population, "year": POPULATION_YEAR},
        )
    stdout.write(f"Areas: {len(by_slug)}, with population figures")

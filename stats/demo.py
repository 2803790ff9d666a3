"""Demo content: Mittköping's statistics page and the population of its areas."""

from proposals.constants import Area
from stats.models import AreaPopulation, StatisticsPage

INTRODUCTION = (
    "<p>Här ser du hur många förslag som kommer in till Mittköpings kommun, vad "
    "som händer med dem och hur lång tid det tar, och hur kommunens dialoger "
    "fördelar sig på delaktighetstrappan. Siffrorna räknas fram direkt ur "
    "webbplatsen och är alltid aktuella.</p>"
)

# Mittköping's residents per area (invented for the demo), as of 2025.
POPULATION_YEAR = 2025
POPULATION = {
    Area.WHOLE: 48_600,
    Area.CENTRE: 17_900,
    Area.NORTH: 11_200,
    Area.SOUTH: 10_400,
    Area.RIVER: 5_300,
    Area.COAST: 3_800,
}


def _page(site):
    page = StatisticsPage.objects.child_of(site.root_page).first()
    if page:
        return page
    page = StatisticsPage(
        title="Statistik", slug="statistik", introduction=INTRODUCTION
    )
    site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def build(site, stdout):
    page = _page(site)
    for area, population in POPULATION.items():
        AreaPopulation.objects.get_or_create(
            area=area, defaults={"population": population, "year": POPULATION_YEAR}
        )
    stdout.write(f"Statistics page at {page.url}")

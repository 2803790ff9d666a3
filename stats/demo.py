"""Demo content: Mittköping's statistics page (the population of its areas is in
municipality/demo.py)."""

from stats.models import StatisticsPage

INTRODUCTION = (
    "<p>Här ser du hur många förslag som kommer in till Mittköpings kommun, vad "
    "som händer med dem och hur lång tid det tar, och hur kommunens dialoger "
    "fördelar sig på delaktighetstrappan. Siffrorna räknas fram direkt ur "
    "webbplatsen och är alltid aktuella.</p>"
)


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
    stdout.write(f"Statistics page at {page.url}")

"""Demo content: Mittköping's "Öppna data" page."""

from .models import OpenDataPage

INTRODUCTION = (
    "<p>Mittköpings kommun delar med sig av uppgifterna om dialoger och förslag "
    "som öppna data. Använd dem till egna tjänster, granskning, forskning eller "
    "statistik. Uppgifterna uppdateras direkt när något händer på webbplatsen.</p>"
)


def build(site, stdout):
    page = OpenDataPage.objects.child_of(site.root_page).first()
    if page is None:
        page = OpenDataPage(
            title="Öppna data", slug="oppna-data", introduction=INTRODUCTION
        )
        site.root_page.add_child(instance=page)
        page.save_revision().publish()
    stdout.write(f"Open data: {page.url} and /api/v1/")

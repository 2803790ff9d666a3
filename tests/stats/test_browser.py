"""The statistics page in a real browser, with the Mittköping demo's figures:
axe-core finds nothing, the year filter works without JavaScript, and the page
fits a narrow screen."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.axe import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_statistics_page_has_no_axe_violations(live_server, demo, browser):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Statistik").click()
    expect(page.get_by_role("heading", level=1, name="Statistik")).to_be_visible()
    expect(page.locator(".chart[role=img]").first).to_be_visible()
    expect(page.get_by_role("table", name="Förslag per år")).to_be_visible()
    context.close()

    # axe-core needs JavaScript; the page itself does not.
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.goto(live_server.url + "/statistik/")
    assert_no_axe_violations(page)

    page.get_by_label("År", exact=True).select_option("2026")
    page.get_by_role("button", name="Visa statistiken").click()
    expect(page.get_by_text("Siffrorna nedan gäller 2026.")).to_be_visible()
    assert_no_axe_violations(page)

    page.goto(live_server.url + "/statistik/?ar=1999")
    expect(page.get_by_role("alert")).to_contain_text("Året gick inte att använda")
    assert_no_axe_violations(page)
    context.close()


def test_statistics_page_fits_a_320px_screen(live_server, demo, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + "/statistik/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    context.close()
    assert overflow <= 0

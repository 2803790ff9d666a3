"""A first browser test: skip link, language switch and axe-core on the home page."""

import pytest

from tests.axe import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_page_skip_link_language_switch_and_accessibility(live_server, site, page):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "sv"

    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    skip.press("Enter")
    assert page.url.endswith("#main")

    assert_no_axe_violations(page)

    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url == live_server.url + "/en/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Skip to content").count() == 1
    assert_no_axe_violations(page)


def test_home_page_fits_a_320px_screen(live_server, site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + "/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    context.close()
    assert overflow <= 0

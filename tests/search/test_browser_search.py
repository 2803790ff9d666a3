"""The search results page in a real browser: filters without script, axe-core."""

import pytest
from playwright.sync_api import expect

from tests.axe import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_results_and_filters_are_accessible(live_server, content, page):
    """The filters are a plain GET form: choosing and sending needs no script."""
    page.goto(live_server.url + "/sok/?q=lekplats")
    results = page.locator(".search-result")
    expect(results).to_have_count(8)
    expect(page.get_by_label("Typ")).to_be_visible()
    expect(page.get_by_label("Status")).to_be_visible()
    expect(page.locator(".search-result mark").first).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Typ").select_option("forslag")
    page.get_by_label("Status").select_option("forslag-answered")
    page.get_by_role("button", name="Visa träffar").click()
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Besvarat")
    expect(page.get_by_label("Vad letar du efter?")).to_have_value("lekplats")
    expect(page.get_by_label("Typ")).to_have_value("forslag")
    assert_no_axe_violations(page)

    page.get_by_label("Status").select_option("forslag-referred")
    page.get_by_label("Typ").select_option("sida")
    page.get_by_role("button", name="Visa träffar").click()
    expect(page.get_by_text("Pröva att ta bort ett filter")).to_be_visible()
    assert_no_axe_violations(page)

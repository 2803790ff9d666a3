"""In a real browser: filter the listing, open a dialogue, read the ladder, open the
survey — with axe-core finding no WCAG 2.1 AA violations on any of them."""

import io

import pytest
from playwright.sync_api import expect

from dialogues import demo as dialogue_demo
from tests.axe import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site(site):
    dialogue_demo.build(site, io.StringIO())
    return site


def test_filter_listing_open_dialogue_ladder_and_survey(live_server, demo_site, page):
    page.goto(live_server.url + "/dialoger/")
    expect(page.get_by_role("heading", level=1, name="Dialoger")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Status").select_option("open")
    page.get_by_label("Nivå på delaktighetstrappan").select_option("consultation")
    page.get_by_role("button", name="Visa dialoger").click()
    page.wait_for_load_state()
    assert "status=open" in page.url and "niva=consultation" in page.url
    cards = page.locator(".dialogue-card h3")
    assert cards.all_inner_texts() == ["Digital delaktighet för invånare över 75 år"]
    assert_no_axe_violations(page)

    cards.first.get_by_role("link").click()
    page.wait_for_load_state()
    expect(
        page.get_by_role(
            "heading", level=1, name="Digital delaktighet för invånare över 75 år"
        )
    ).to_be_visible()
    expect(page.get_by_text("du får tycka")).to_be_visible()
    assert (
        page.get_by_role(
            "link", name="Lägg till Referensgruppens första träff i din kalender"
        ).count()
        == 1
    )
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Skicka kommentaren").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Fyll i fältet ”E-post”.")).to_be_visible()
    assert page.get_by_label("E-post").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Svara på enkäten").click()
    page.wait_for_load_state()
    assert (
        page.get_by_role(
            "link", name="Digital delaktighet för invånare över 75 år"
        ).count()
        >= 1
    )
    assert_no_axe_violations(page)

    page.goto(live_server.url + "/dialoger/delaktighetstrappan/")
    expect(page.get_by_role("heading", name="Steg 3: Dialog")).to_be_visible()
    assert_no_axe_violations(page)

    page.goto(live_server.url + "/dialoger/ny-cykelvag-storgatan/")
    expect(page.get_by_text("Information, inte dialog").first).to_be_visible()
    assert_no_axe_violations(page)


def test_without_javascript_filter_and_comment(live_server, demo_site, browser):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        page.goto(live_server.url + "/dialoger/")
        page.get_by_label("Metod").select_option("open-space")
        page.get_by_role("button", name="Visa dialoger").click()
        page.wait_for_load_state()
        assert "metod=open-space" in page.url
        link = page.get_by_role(
            "link", name="Vad är viktigast för att utveckla Mittköping?"
        )
        assert link.count() == 1
        link.click()
        page.wait_for_load_state()
        page.get_by_label("Namn som visas vid kommentaren").fill("Kim")
        page.get_by_label("E-post").fill("kim@example.org")
        page.get_by_label("Kommentar", exact=True).fill("Fler bussar till landsbygden.")
        page.get_by_role("button", name="Skicka kommentaren").click()
        page.wait_for_load_state()
        # axe-core needs JavaScript, so it runs in the test above, not here.
        expect(
            page.get_by_role("heading", name="Tack för din kommentar")
        ).to_be_visible()
    finally:
        context.close()

"""In a real browser: filter the listing, open a dialogue, read the ladder, open the
survey — with axe-core finding no WCAG 2.1 AA violations on any of them."""

import io

import pytest

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
    assert page.get_by_role("heading", level=1, name="Dialoger").is_visible()
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
    assert page.get_by_role(
        "heading", level=1, name="Digital delaktighet för invånare över 75 år"
    ).is_visible()
    assert page.get_by_text("du får tycka").is_visible()
    assert (
        page.get_by_role(
            "link", name="Lägg till Referensgruppens första träff i din kalender"
        ).count()
        == 1
    )
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
    assert page.get_by_role("table").is_visible()
    assert_no_axe_violations(page)

    page.goto(live_server.url + "/dialoger/ny-cykelvag-storgatan/")
    assert page.get_by_text("Information, inte dialog").first.is_visible()
    assert_no_axe_violations(page)

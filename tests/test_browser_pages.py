"""Every public page type as a resident meets it, in Swedish and English, on a
phone (375 px) and a laptop (1280 px): axe-core finds nothing, nothing scrolls
sideways at 320 px, the menu fits one row on a phone, the charts' text stays
readable, and a failed form puts the focus on its error summary. Screenshots go
to SCREENSHOT_DIR (outside the repository) for a person to look at."""

import io
import os
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command

from dialogues.models import DialogueIndexPage, DialoguePage, LadderPage
from proposals.demo import EID_DEMO_TITLE
from proposals.models import Proposal, SuggestionBoxPage
from tests.axe import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Outside the repository: the system's temporary folder unless SCREENSHOT_DIR says.
SCREENSHOTS = Path(
    os.environ.get(
        "SCREENSHOT_DIR", Path(tempfile.gettempdir()) / "delaktig-screenshots"
    )
)
WIDTHS = (375, 1280)


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def page_types():
    box = SuggestionBoxPage.objects.live().get()
    return {
        "home": "/",
        "dialogues": DialogueIndexPage.objects.live()
        .get(locale__language_code="sv")
        .url,
        "dialogue": DialoguePage.objects.live()
        .get(slug="viktigast-for-mittkoping")
        .url,
        "ladder": LadderPage.objects.live().get(locale__language_code="sv").url,
        "box": box.url,
        "open-proposal": Proposal.objects.filter(status="open").first().get_url(),
        # Signed by e-mail or with e-legitimation: both forms on one page.
        "eid-proposal": Proposal.objects.get(title=EID_DEMO_TITLE).get_url(),
        "answered-proposal": Proposal.objects.filter(status="answered")
        .first()
        .get_url(),
        "submit": box.url + "lamna-forslag/",
        "search": "/sok/?q=park",
        "statistics": "/statistik/",
        "overdue": "/forsenade-svar/",
        "you-said-we-did": "/ni-sa-vi-gjorde/",
        "dialogue-broken-promise": DialoguePage.objects.live()
        .get(slug="hemtjansten-i-mittkoping")
        .url,
    }


def horizontal_overflow(page):
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_type_is_accessible_at_both_widths(
    live_server, demo, browser, language
):
    prefix = "" if language == "sv" else "/en"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for name, path in page_types().items():
            response = page.goto(live_server.url + prefix + path)
            assert response.status == 200, path
            assert page.locator("html").get_attribute("lang") == language
            assert horizontal_overflow(page) <= 0, (path, width)
            assert_no_axe_violations(page)
            page.screenshot(
                path=SCREENSHOTS / f"{name}-{language}-{width}.png", full_page=True
            )
        context.close()


def test_nothing_scrolls_sideways_at_320_px(live_server, demo, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in page_types().values():
        page.goto(live_server.url + path)
        assert horizontal_overflow(page) <= 0, path
    context.close()


def test_the_menu_fits_one_row_and_chart_text_stays_readable_on_a_phone(
    live_server, demo, browser
):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/statistik/")
    tops = page.eval_on_selector_all(
        ".main-nav a", "links => links.map(a => a.getBoundingClientRect().top)"
    )
    assert len(tops) >= 4 and len(set(tops)) == 1
    sizes = page.eval_on_selector_all(
        ".chart *", "all => all.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes and min(sizes) >= 12
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_failed_form_puts_the_focus_on_its_error_summary(
    live_server, demo, browser, javascript
):
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, java_script_enabled=javascript
    )
    page = context.new_page()
    proposal = Proposal.objects.filter(status="open").first()
    page.goto(live_server.url + proposal.get_url())
    sign = page.locator("#skriv-under")
    sign.get_by_label("Namn", exact=True).fill("Greta")
    sign.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.title().startswith("Fel:")
    assert page.evaluate("document.activeElement.id") == "fel"
    assert (
        page.evaluate("document.getElementById('fel').getBoundingClientRect().top")
        < 100
    )
    assert (
        page.locator("#skriv-under").get_by_label("Namn", exact=True).input_value()
        == "Greta"
    )

    box = SuggestionBoxPage.objects.live().get()
    page.goto(live_server.url + box.url + "lamna-forslag/")
    page.get_by_label("Rubrik").fill("Fler bänkar")
    page.get_by_role("button", name="Förhandsgranska").click()
    page.wait_for_load_state()
    assert page.title().startswith("Fel:")
    assert page.evaluate("document.activeElement.id") == "fel"
    assert page.get_by_label("Rubrik").input_value() == "Fler bänkar"
    context.close()

"""Hostile text typed into the public forms in a real browser: no injected script
runs, nothing errors in the console, and the text comes back shown as text."""

import pytest

from tests.hostile import BROWSER_CORPUS
from tests.proposals.factories import make_box, make_proposal, make_topic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def suggestion_box(site, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    box = make_box(site)
    topic = make_topic()
    proposal = make_proposal(box, topic, title="Ett öppet förslag att skriva under")
    return box, proposal


def _console(message, events):
    # A form sent back with errors answers 400; the browser logs that status.
    if message.type == "error" and not message.text.startswith(
        "Failed to load resource"
    ):
        events.append(f"console: {message.text}")


@pytest.fixture
def watched(page):
    """The page, with every dialog and console error recorded."""
    events = []
    page.on(
        "dialog",
        lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()),
    )
    page.on("console", lambda message: _console(message, events))
    page.on("pageerror", lambda error: events.append(f"pageerror: {error}"))
    return page, events


def test_hostile_text_in_proposal_sign_and_search_forms(
    live_server, suggestion_box, watched
):
    page, events = watched
    box, proposal = suggestion_box
    origin = live_server.url
    for payload in BROWSER_CORPUS:
        # Proposal: the preview step shows the title and text as typed.
        page.goto(origin + box.url + box.reverse_subpage("submit_view"))
        page.get_by_label("Rubrik").fill(payload[:120])
        page.get_by_label("Ditt förslag").fill(
            f"{payload} – och mer text så att det räcker."
        )
        page.get_by_label("Ämne").select_option(label="Trafik")
        page.get_by_label("Område", exact=True).select_option(index=1)
        page.get_by_label("Namn som visas").fill(payload[:100])
        page.get_by_label("E-post").fill("hostile@example.org")
        page.get_by_label("Jag har läst hur kommunen").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Förhandsgranska").click()
        assert page.get_by_text(payload[:120], exact=False).count() >= 1, payload

        # Signature: without consent the form comes back with the name as typed.
        page.goto(origin + proposal.get_url())
        sign = page.locator("#skriv-under")
        sign.get_by_label("Namn", exact=True).fill(payload[:100])
        sign.get_by_label("E-post").fill("hostile.signer@example.org")
        with page.expect_navigation():
            sign.locator("button[type=submit]").click()
        sign = page.locator("#skriv-under")
        assert sign.get_by_label("Namn", exact=True).input_value() == payload[:100]

        # Search: the query is kept in the box.
        page.goto(origin + "/sok/")
        page.get_by_label("Vad letar du efter?").fill(payload)
        with page.expect_navigation():
            page.get_by_role("button", name="Sök").click()
        assert page.get_by_label("Vad letar du efter?").input_value() == payload
    assert events == []


def test_stored_hostile_text_is_shown_as_text_everywhere(
    live_server, site, settings, watched
):
    from proposals.models import Signature
    from tests.hostile import ATTRIBUTE, SCRIPT
    from tests.proposals.factories import add_signatures

    page, events = watched
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    box = make_box(site)
    title = f"Cykelbana {SCRIPT}"[:120]
    proposal = make_proposal(
        box, make_topic(), title=title, author_name=ATTRIBUTE[:100]
    )
    add_signatures(proposal, 1)
    Signature.objects.filter(proposal=proposal).update(name=SCRIPT, show_name=True)

    origin = live_server.url
    page.goto(origin + box.url)
    assert page.get_by_text(title).count() >= 1
    page.goto(origin + proposal.get_url())
    assert page.get_by_text(title).count() >= 1
    assert page.get_by_text(ATTRIBUTE[:100]).count() >= 1
    assert page.get_by_text(SCRIPT).count() >= 1
    # The similar-proposals list, filled in by script while typing.
    page.goto(origin + box.url + box.reverse_subpage("submit_view"))
    page.get_by_label("Rubrik").fill("Cykelbana")
    page.wait_for_timeout(1500)
    page.get_by_label("Rubrik").press("Tab")
    assert events == []

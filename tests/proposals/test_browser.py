"""End to end in a real browser, with e-mails read from the file backend, and
axe-core on every public page of the suggestion box."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connections
from playwright.sync_api import expect

from proposals.constants import Status
from proposals.models import Proposal
from tests.axe import assert_no_axe_violations
from tests.municipality.factories import make_area
from tests.proposals.factories import make_box, make_proposal, make_topic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LINK = re.compile(r"https?://\S+")


@pytest.fixture
def close_connections(browser):
    """Queries made while Playwright's loop runs get their own connections; close
    them before the browser goes, or PostgreSQL cannot drop the test database."""
    yield
    connections.close_all()


@pytest.fixture
def mail_dir(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    return Path(tmp_path)


def mail_link(mail_dir, fragment, to):
    """The newest link containing fragment in an e-mail to the given address."""
    for path in sorted(mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime)[::-1]:
        for message in path.read_text().split("-" * 79)[::-1]:
            if f"To: {to}" not in message:
                continue
            for url in LINK.findall(message):
                if fragment in url:
                    return urlsplit(url).path
    raise AssertionError(f"no e-mail to {to} with {fragment}")


def mails_to(mail_dir, to):
    return [
        message
        for path in mail_dir.glob("*.log")
        for message in path.read_text().split("-" * 79)
        if f"To: {to}" in message
    ]


def test_submit_confirm_moderate_sign_confirm_referred(
    live_server, site, mail_dir, page, close_connections
):
    box = make_box(site, signature_threshold=1)
    make_topic()
    make_area()
    url = live_server.url

    # A resident submits a proposal, through the preview step.
    page.goto(url + box.url)
    page.get_by_role("link", name="Lämna ett förslag").click()
    page.get_by_label("Rubrik").fill("Bänkar längs promenaden vid Ån")
    page.get_by_label("Ditt förslag").fill(
        "Ställ ut fler bänkar längs promenaden så att äldre kan vila."
    )
    page.get_by_label("Ämne").select_option(label="Trafik")
    page.get_by_label("Område", exact=True).select_option(label="Centrum")
    page.get_by_label("Namn som visas").fill("Greta")
    page.get_by_label("E-post").fill("greta.hemlig@example.org")
    page.get_by_label("Jag har läst hur kommunen").check()
    page.get_by_role("button", name="Förhandsgranska").click()
    expect(page.get_by_text("Så här kommer förslaget att se ut")).to_be_visible()
    page.get_by_role("button", name="Skicka förslaget").click()
    expect(page.get_by_role("heading", name="Kontrollera din e-post")).to_be_visible()
    proposal = Proposal.objects.get()
    assert proposal.status == Status.SUBMITTED

    # The proposer confirms from the e-mail.
    page.goto(
        url + mail_link(mail_dir, "/bekrafta-forslag/", "greta.hemlig@example.org")
    )
    assert Proposal.objects.get().status == Status.SUBMITTED  # opening does nothing
    page.get_by_role("button", name="Bekräfta förslaget").click()
    expect(
        page.get_by_role("heading", name="Tack! Ditt förslag granskas nu")
    ).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.status == Status.IN_MODERATION

    # A communicator approves it in the Wagtail admin, from the moderation queue.
    page.goto(url + "/admin/login/")
    page.fill("#id_username", "kommunikator")
    page.fill("#id_password", "Mittkoping-kommunikator-2026")
    page.press("#id_password", "Enter")
    page.wait_for_url(re.compile(r".*/admin/$"))
    page.goto(url + "/admin/snippets/proposals/proposal/?status=in_moderation")
    expect(page.get_by_text("Bänkar längs promenaden vid Ån").first).to_be_visible()
    page.goto(url + f"/admin/snippets/proposals/proposal/approve/{proposal.pk}/")
    page.get_by_role("button", name="Godkänn och öppna för underskrifter").click()
    page.wait_for_url(re.compile(r".*status=in_moderation"))
    proposal.refresh_from_db()
    assert proposal.status == Status.OPEN
    assert any(
        "publicerades" in m for m in mails_to(mail_dir, "greta.hemlig@example.org")
    )

    # Another resident signs and confirms; the threshold of one is reached.
    resident = page.context.browser.new_context(locale="sv-SE").new_page()
    resident.goto(url + proposal.get_url())
    sign = resident.locator("#skriv-under")
    sign.get_by_label("Namn", exact=True).fill("Hugo")
    sign.get_by_label("E-post").fill("hugo.hemlig@example.org")
    sign.get_by_label("Jag har läst hur kommunen").check()
    resident.get_by_role("button", name="Skriv under").click()
    expect(resident.get_by_text("Tack! Vi har skickat ett mejl")).to_be_visible()
    assert Proposal.objects.get().signature_count == 0
    resident.goto(
        url + mail_link(mail_dir, "/bekrafta-underskrift/", "hugo.hemlig@example.org")
    )
    assert Proposal.objects.get().signature_count == 0  # opening does nothing
    resident.get_by_role("button", name="Bekräfta min underskrift").click()
    expect(
        resident.get_by_text("Din underskrift är bekräftad och räknas nu.")
    ).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.signature_count == 1
    assert proposal.status == Status.REFERRED
    resident.goto(url + proposal.get_url())
    assert resident.get_by_text("Lämnat till kommunen").first.is_visible()
    assert "hugo.hemlig" not in resident.content()
    assert any(
        "lämnats till kommunen" in m
        for m in mails_to(mail_dir, "greta.hemlig@example.org")
    )
    resident.context.close()


def test_accessibility_of_public_pages(live_server, site, page, close_connections):
    box = make_box(site)
    topic = make_topic()
    proposal = make_proposal(box, topic, Status.OPEN, signatures=2)
    make_proposal(box, topic, Status.REFERRED, title="Lämnat förslag om cykelvägar")
    url = live_server.url

    page.goto(url + box.url)  # the suggestion box
    assert_no_axe_violations(page)
    page.goto(url + proposal.get_url())  # the proposal with its sign form
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Skriv under").click()  # sign form with errors
    expect(page.get_by_text("Skriv ditt namn.").first).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(url + box.url + "lamna-forslag/")  # the submit form
    assert_no_axe_violations(page)
    page.get_by_label("Rubrik").fill("Fler cykelställ")  # similar list while typing
    page.get_by_text("Liknande förslag").wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Förhandsgranska").click()  # errors
    expect(page.get_by_text("Något behöver rättas")).to_be_visible()
    assert_no_axe_violations(page)


def test_pages_work_without_javascript(live_server, site, browser, close_connections):
    box = make_box(site)
    make_topic()
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + box.url + "lamna-forslag/")
    page.get_by_label("Rubrik").fill("Fler cykelställ vid stationen")
    page.get_by_role("button", name="Förhandsgranska").click()
    expect(page.get_by_text("Något behöver rättas")).to_be_visible()
    assert page.get_by_label("Rubrik").input_value() == "Fler cykelställ vid stationen"
    context.close()


def test_pages_fit_a_320px_screen(live_server, site, browser, close_connections):
    box = make_box(site)
    proposal = make_proposal(box, make_topic(), Status.OPEN, signatures=2)
    context = browser.new_context(
        locale="sv-SE", viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    for path in (box.url, proposal.get_url(), box.url + "lamna-forslag/"):
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    context.close()

"""Hostile text through the dialogue comment form and the web survey in a real
browser: no injected script runs and the text is shown as text."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site as DjangoSite
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from dialogues import demo as dialogue_demo
from dialogues import rules
from dialogues.models import DialoguePage, DialogueSurveyPage
from tests.hostile import ATTRIBUTE, BROWSER_CORPUS, SCRIPT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _record(page):
    events = []
    page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda error: events.append(f"pageerror: {error}"))
    page.on(
        "console",
        lambda m: (
            m.type == "error"
            and not m.text.startswith("Failed to load resource")
            and events.append(f"console: {m.text}")
        ),
    )
    return events


@pytest.fixture
def demo_dialogues(site):
    dialogue_demo.build(site, io.StringIO())
    survey = DialogueSurveyPage.objects.live().first()
    commented = next(
        d for d in DialoguePage.objects.live().specific() if rules.comments_allowed(d)
    )
    XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(DialoguePage),
        object_pk=str(commented.pk),
        site=DjangoSite.objects.get_current(),
        user_name=ATTRIBUTE[:50],
        user_email="hostile.commenter@example.org",
        comment=f"{SCRIPT} {ATTRIBUTE}",
        submit_date=timezone.now(),
        is_public=True,
    )
    return commented, survey


def test_hostile_text_in_comment_and_survey_forms(live_server, demo_dialogues, page):
    commented, survey = demo_dialogues
    events = _record(page)
    origin = live_server.url

    page.goto(origin + commented.url)
    assert page.get_by_text(f"{SCRIPT} {ATTRIBUTE}").count() == 1
    assert "hostile.commenter@example.org" not in page.content()

    for payload in BROWSER_CORPUS:
        # The comment form comes back (no e-mail) with the text as typed.
        page.goto(origin + commented.url)
        page.get_by_label("Namn som visas vid kommentaren").fill(payload[:50])
        page.get_by_label("Kommentar", exact=True).fill(payload)
        with page.expect_navigation():
            page.get_by_role("button", name="Skicka kommentaren").click()
        assert page.get_by_label("Kommentar", exact=True).input_value() == payload

        # The survey accepts the text and thanks the resident.
        page.goto(origin + survey.url)
        page.get_by_label("Varje dag").check()
        page.get_by_label("Boka tid").check()
        page.get_by_label("Vad skulle göra det lättare för dig?").fill(payload)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        assert page.get_by_text("Tack!").count() >= 1, page.locator("main").inner_text()
    assert events == []

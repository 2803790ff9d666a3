"""With reCAPTCHA off, no public page makes a request to anyone but the site itself."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Page

from proposals.models import Proposal, SuggestionBoxPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EXTRA_PATHS = [
    "/sok/?q=Mittk%C3%B6ping",
    "/finns-inte/",
    "/en/",
    "/en/sok/?q=dialog",
    "/mina-underskrifter/",
]


@pytest.fixture
def demo_paths(settings):
    assert not settings.RECAPTCHA_ENABLED
    call_command("load_demo", stdout=io.StringIO())
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    paths = [urlsplit(page.full_url).path for page in pages]
    # Routes served by the suggestion box: its forms and every public proposal.
    for box in SuggestionBoxPage.objects.live():
        paths.append(urlsplit(box.full_url).path + box.reverse_subpage("submit_view"))
    paths += [urlsplit(p.get_url()).path for p in Proposal.objects.public()]
    return paths + EXTRA_PATHS


def test_every_public_page_loads_only_from_its_own_origin(
    live_server, demo_paths, page
):
    origin = live_server.url
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    for path in demo_paths:
        response = page.goto(origin + path)
        assert response.status < 500, path
    foreign = [
        url
        for url in seen
        if not url.startswith(origin + "/") and not url.startswith("data:")
    ]
    assert len(seen) > len(demo_paths)  # pages and their own CSS were requested
    assert foreign == []

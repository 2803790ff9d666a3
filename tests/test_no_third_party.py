"""With reCAPTCHA off, no public page makes a request to anyone but the site itself."""

import io
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.core.management import call_command
from wagtail.models import Page

from proposals import privacy_views, tokens
from proposals.models import Proposal, Signature, SuggestionBoxPage

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
    # The private pages a resident reaches from an e-mail.
    proposal = Proposal.objects.public().first()
    signature = Signature.objects.filter(proposal=proposal).first()
    box_path = urlsplit(proposal.box.full_url).path
    paths.append(
        box_path
        + proposal.box.reverse_subpage(
            "manage_proposal_view",
            args=[tokens.make_token(tokens.PROPOSAL_MANAGE, proposal.pk)],
        )
    )
    paths.append(
        box_path
        + proposal.box.reverse_subpage(
            "manage_signature_view",
            args=[tokens.make_token(tokens.SIGNATURE_MANAGE, signature.pk)],
        )
    )
    removal = signing.dumps([signature.pk], salt=privacy_views.SALT, compress=True)
    paths.append(f"/mina-underskrifter/{removal}/")
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

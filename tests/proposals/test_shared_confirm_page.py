"""With the page cache on, the page a confirmation link opens takes its layout from
the shared fragments (the caching app) while its private links are rendered for
each signer: each gets their own, and nobody else's."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from proposals import lifecycle, tokens
from proposals.models import Signature
from proposals.views.base import MESSAGE

pytestmark = pytest.mark.usefixtures("cache_on")

WITHDRAW = re.compile(r'href="([^"]*/min-underskrift/[^"/]+/)"')
ENGLISH = re.compile(r'href="(/en/[^"]*/bekrafta-underskrift/[^"/]+/)"')


def confirm_link(signature):
    token = tokens.make_token(tokens.SIGNATURE_CONFIRM, signature.pk)
    return signature.proposal.box.url + f"bekrafta-underskrift/{token}/", token


def opened(client, signature):
    """The response, its HTML, the link's token and how many queries it took."""
    url, token = confirm_link(signature)
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url)
    assert MESSAGE in [template.name for template in response.templates]
    return response, response.content.decode(), token, len(captured)


def test_each_signer_gets_the_shared_page_with_their_own_links(open_proposal):
    eva = lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")
    bo = lifecycle.sign(open_proposal, name="Bo", email="bo@example.org")
    first, first_html, eva_token, first_queries = opened(Client(), eva)
    second, second_html, bo_token, second_queries = opened(Client(), bo)
    header = re.compile(r'<a class="site-brand".*?</a>', re.S)
    assert header.search(first_html)[0] == header.search(second_html)[0]
    for response, html in ((first, first_html), (second, second_html)):
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Robots-Tag"] == "noindex"
        assert "Din underskrift är bekräftad och räknas nu." in html
        assert f'href="{open_proposal.get_url()}"' in html
    assert eva_token not in second_html and bo_token in ENGLISH.search(second_html)[1]
    assert eva_token in ENGLISH.search(first_html)[1]
    eva_withdraw, bo_withdraw = (
        WITHDRAW.search(first_html)[1],
        WITHDRAW.search(second_html)[1],
    )
    assert eva_withdraw != bo_withdraw and eva_withdraw not in second_html
    # Bo's withdraw link takes back Bo's signature, not Eva's.
    manage = Client(enforce_csrf_checks=False)
    assert manage.post(bo_withdraw).status_code == 200
    assert list(Signature.objects.values_list("name", flat=True)) == ["Eva"]
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 1


def test_another_outcome_or_language_is_rendered_for_itself(open_proposal):
    eva = lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")
    opened(Client(), eva)
    again, html, _token, _read = opened(Client(), eva)
    assert again.status_code == 200
    assert "Du har redan bekräftat din underskrift" in html
    assert not WITHDRAW.search(html)
    url, _token = confirm_link(eva)
    english = Client().get("/en" + url)
    assert english.status_code == 200
    assert MESSAGE in [template.name for template in english.templates]
    assert 'lang="en"' in english.content.decode()


def test_a_closed_proposal_keeps_its_status_on_the_shared_page(open_proposal):
    eva = lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")
    bo = lifecycle.sign(open_proposal, name="Bo", email="bo@example.org")
    lifecycle.withdraw_proposal(open_proposal)
    first, *_rest = opened(Client(), eva)
    second, *_rest = opened(Client(), bo)
    assert (first.status_code, second.status_code) == (409, 409)


def test_a_visitor_with_a_session_gets_their_own_links(open_proposal):
    eva = lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")
    bo = lifecycle.sign(open_proposal, name="Bo", email="bo@example.org")
    opened(Client(), eva)
    with_session = Client()
    with_session.cookies["sessionid"] = "not-a-session"
    response, html, token, _read = opened(with_session, bo)
    assert token in html and response.status_code == 200

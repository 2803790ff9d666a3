"""With the page cache on, the page a confirmation link opens is rendered once per
proposal, outcome and language and shared (views/base.py::shared_message_page):
each signer gets their own private links in it, and nobody else's."""

import re

import pytest
from django.test import Client

from proposals import lifecycle, tokens
from proposals.models import Signature
from proposals.views.base import MESSAGE, fill_in, split_at

pytestmark = pytest.mark.usefixtures("cache_on")

WITHDRAW = re.compile(r'href="([^"]*/min-underskrift/[^"/]+/)"')
ENGLISH = re.compile(r'href="(/en/[^"]*/bekrafta-underskrift/[^"/]+/)"')


def confirm_link(signature):
    token = tokens.make_token(tokens.SIGNATURE_CONFIRM, signature.pk)
    return signature.proposal.box.url + f"bekrafta-underskrift/{token}/", token


def opened(client, signature):
    url, token = confirm_link(signature)
    response = client.get(url)
    rendered = MESSAGE in [template.name for template in response.templates]
    return response, response.content.decode(), token, rendered


def test_each_signer_gets_the_shared_page_with_their_own_links(open_proposal):
    eva = lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")
    bo = lifecycle.sign(open_proposal, name="Bo", email="bo@example.org")
    first, first_html, eva_token, first_rendered = opened(Client(), eva)
    second, second_html, bo_token, second_rendered = opened(Client(), bo)
    assert (first_rendered, second_rendered) == (True, False)
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
    again, html, _token, rendered = opened(Client(), eva)
    assert rendered and again.status_code == 200
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
    second, _html, _token, rendered = opened(Client(), bo)
    assert (first.status_code, second.status_code, rendered) == (409, 409, False)


def test_a_visitor_with_a_session_gets_it_rendered(open_proposal):
    eva = lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")
    bo = lifecycle.sign(open_proposal, name="Bo", email="bo@example.org")
    opened(Client(), eva)
    with_session = Client()
    with_session.cookies["sessionid"] = "not-a-session"
    response, html, token, rendered = opened(with_session, bo)
    assert rendered and token in html and response.status_code == 200


def test_a_page_with_a_form_token_is_never_shared(open_proposal, monkeypatch):
    from django.template import engines
    from django.template.response import SimpleTemplateResponse

    from proposals.views import base

    made = []

    def with_a_form(request, *args, **kwargs):
        made.append(request)
        form = '<input type="hidden" name="csrfmiddlewaretoken" value="mine">'
        template = engines["django"].from_string(form + "{{ path }}")
        return SimpleTemplateResponse(template, {"path": request.path})

    monkeypatch.setattr(base, "message_page", with_a_form)
    eva = lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")
    bo = lifecycle.sign(open_proposal, name="Bo", email="bo@example.org")
    opened(Client(), eva)
    _response, html, token, _rendered = opened(Client(), bo)
    assert len(made) == 2 and token in html


def test_split_at_and_fill_in_put_each_value_where_its_place_was():
    parts = split_at(b"a-X-b-Y-c-X", [b"X", b"Y"])
    assert parts == [b"a-", 0, b"-b-", 1, b"-c-", 0, b""]
    assert fill_in(parts, [b"1", b"22"]) == b"a-1-b-22-c-1"

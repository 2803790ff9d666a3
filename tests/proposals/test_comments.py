"""Comments on proposal pages: confirmation by e-mail, closed proposals, escaping,
and politicians marked as such."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django_comments_xtd.models import XtdComment

from proposals.constants import Status

pytestmark = pytest.mark.django_db


def form_fields(html):
    """The hidden security fields of the comment form on a page."""
    names = ("content_type", "object_pk", "timestamp", "security_hash", "reply_to")
    fields = {}
    for name in names:
        match = re.search(rf'name="{name}" value="([^"]*)"', html) or re.search(
            rf'value="([^"]*)" name="{name}"', html
        )
        if match is None:
            match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
            value = re.search(r'value="([^"]*)"', match.group(0)).group(1)
        else:
            value = match.group(1)
        fields[name] = value
    return fields


def post_comment(client, proposal, **data):
    html = client.get(proposal.get_url()).content.decode()
    payload = {**form_fields(html), "honeypot": "", "url": "", **data}
    return client.post("/kommentarer/post/", payload)


def test_anonymous_comment_is_confirmed_by_email(client, open_proposal):
    response = post_comment(
        client,
        open_proposal,
        name="Bo",
        email="bo.hemlig@example.org",
        comment="Bra förslag <script>alert(1)</script>",
        next=open_proposal.get_url(),
    )
    assert response.status_code == 302
    assert not XtdComment.objects.exists()
    message = mail.outbox[-1]
    assert message.to == ["bo.hemlig@example.org"]
    link = re.search(r"https?://\S+/confirm/\S+", message.body).group(0)
    assert client.get(urlsplit(link).path).status_code == 200
    assert not XtdComment.objects.exists()  # opening the link changes nothing
    confirmed = client.post(urlsplit(link).path)
    assert confirmed.status_code in (200, 302)
    assert XtdComment.objects.count() == 1
    html = client.get(open_proposal.get_url()).content.decode()
    assert "Bra förslag &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "bo.hemlig@example.org" not in html


def test_politicians_comments_are_marked(client, registered_proposal, politician):
    client.force_login(politician)
    response = post_comment(
        client, registered_proposal, comment="Jag följer frågan.", name="", email=""
    )
    assert response.status_code == 302
    assert XtdComment.objects.get().user == politician
    html = client.get(registered_proposal.get_url()).content.decode()
    section = html[html.index('id="kommentarer"') :]
    assert "Jag följer frågan." in section
    assert "Per Holm (Mittenpartiet), ordförande i tekniska nämnden" in section
    assert "pf-comment--politician" in section


def test_no_comments_on_closed_proposals(client, proposal_factory):
    closed = proposal_factory(Status.CLOSED_UNSUPPORTED)
    html = client.get(closed.get_url()).content.decode()
    assert "Det går inte att kommentera förslaget längre." in html
    assert 'name="security_hash"' not in html
    open_one = proposal_factory(Status.OPEN, title="Öppet")
    page = client.get(open_one.get_url()).content.decode()
    fields = form_fields(page)
    # A forged post with a form made while the proposal was open, after it closed.
    from proposals.models import Proposal

    Proposal.objects.filter(pk=open_one.pk).update(status=Status.CLOSED_UNSUPPORTED)
    response = client.post(
        "/kommentarer/post/",
        {
            **fields,
            "honeypot": "",
            "name": "X",
            "email": "x@example.org",
            "comment": "Sent",
        },
    )
    # Refused as on dialogue pages: 403, with the reason on the page.
    assert response.status_code == 403
    assert "Det går inte att kommentera förslaget längre." in response.content.decode()
    for message in mail.outbox:
        assert "/confirm/" not in message.body
    assert not XtdComment.objects.exists()


def test_bad_comment_gets_the_form_back(client, open_proposal):
    response = post_comment(
        client, open_proposal, name="Bo", email="inte-en-adress", comment=""
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kommentaren behöver rättas" in html
    assert not XtdComment.objects.exists()

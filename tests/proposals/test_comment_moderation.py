"""Comments on proposals are moderated as those on dialogue pages: residents
reply and report without logging in, moderators are e-mailed and work in the
admin, and a comment confirmed after the proposal closed waits for a moderator."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from proposals.constants import Status
from proposals.models import Proposal
from tests.comment_helpers import COMMENTER_EMAIL, existing_comment

from .test_comments import form_fields, post_comment

pytestmark = pytest.mark.django_db

MODERATOR_EMAIL = "kommunikator@mittkoping.se"


def moderator_mails():
    return [m for m in mail.outbox if MODERATOR_EMAIL in m.to]


def comment_path(proposal, comment, action):
    return f"{proposal.get_url()}kommentarer/{comment.pk}/{action}/"


def test_resident_reports_a_comment_without_logging_in(
    client, open_proposal, communicator_user
):
    comment = existing_comment(open_proposal)
    html = client.get(open_proposal.get_url()).content.decode()
    url = comment_path(open_proposal, comment, "anmal")
    assert f'href="{url}"' in html
    assert COMMENTER_EMAIL not in html

    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 200
    assert "En moderator granskar kommentaren" in response.content.decode()
    flag = CommentFlag.objects.get(comment=comment)
    assert flag.flag == CommentFlag.SUGGEST_REMOVAL
    assert not flag.user.is_active
    reports = [m for m in moderator_mails() if "har anmälts" in m.subject]
    assert len(reports) == 1
    assert open_proposal.title in reports[0].subject
    assert "/admin/forslag-kommentarer/" in reports[0].body

    client.post(url)
    assert CommentFlag.objects.filter(comment=comment).count() == 1


def test_report_and_reply_pages_only_for_public_comments(
    client, proposal_factory, open_proposal
):
    hidden = existing_comment(open_proposal)
    XtdComment.objects.filter(pk=hidden.pk).update(is_public=False)
    assert client.get(comment_path(open_proposal, hidden, "anmal")).status_code == 404
    assert client.get(comment_path(open_proposal, hidden, "svara")).status_code == 404

    waiting = proposal_factory(Status.IN_MODERATION, title="Väntar")
    comment = existing_comment(waiting)
    assert client.post(comment_path(waiting, comment, "anmal")).status_code == 404
    assert not CommentFlag.objects.exists()

    other = existing_comment(proposal_factory(Status.OPEN, title="Ett annat"))
    assert client.get(comment_path(open_proposal, other, "anmal")).status_code == 404


def test_resident_replies_one_level_deep(client, open_proposal, communicator_user):
    parent = existing_comment(open_proposal)
    html = client.get(open_proposal.get_url()).content.decode()
    reply_url = comment_path(open_proposal, parent, "svara")
    assert f'href="{reply_url}"' in html

    reply_page = client.get(reply_url)
    assert reply_page.status_code == 200
    fields = form_fields(reply_page.content.decode())
    assert fields["reply_to"] == str(parent.pk)
    client.force_login(communicator_user)
    response = client.post(
        "/kommentarer/post/",
        {**fields, "honeypot": "", "url": "", "comment": "Vi tittar på det."},
    )
    assert response.status_code == 302
    reply = XtdComment.objects.exclude(pk=parent.pk).get()
    assert reply.parent_id == parent.pk
    assert reply.level == 1

    # A reply cannot be answered: two levels only.
    assert client.get(comment_path(open_proposal, reply, "svara")).status_code == 404
    html = client.get(open_proposal.get_url()).content.decode()
    assert comment_path(open_proposal, reply, "svara") not in html
    assert comment_path(open_proposal, reply, "anmal") in html


def test_no_reply_link_once_comments_are_closed(client, proposal_factory):
    closed = proposal_factory(Status.CLOSED_UNSUPPORTED)
    comment = existing_comment(closed)
    html = client.get(closed.get_url()).content.decode()
    assert "Inga kommentarer än." not in html
    assert comment_path(closed, comment, "svara") not in html
    assert client.get(comment_path(closed, comment, "svara")).status_code == 404
    # Reporting stays possible while the comment is shown.
    assert client.get(comment_path(closed, comment, "anmal")).status_code == 200


def test_moderators_are_told_of_new_comments(client, open_proposal, politician):
    client.force_login(politician)
    post_comment(client, open_proposal, comment="Jag följer frågan.", name="", email="")
    notices = [m for m in moderator_mails() if "Ny kommentar" in m.subject]
    assert len(notices) == 1
    assert open_proposal.title in notices[0].body
    # What the commenter typed is not mailed to the moderators.
    assert "Jag följer frågan." not in notices[0].body
    assert open_proposal.title in notices[0].body


def test_confirmation_after_close_waits_for_a_moderator(
    client, open_proposal, communicator_user
):
    post_comment(
        client,
        open_proposal,
        name="Bo",
        email="bo@example.org",
        comment="Skrivet i tid",
        next=open_proposal.get_url(),
    )
    link = re.search(r"https?://\S+/confirm/\S+", mail.outbox[-1].body).group(0)
    Proposal.objects.filter(pk=open_proposal.pk).update(
        status=Status.CLOSED_UNSUPPORTED
    )
    client.post(urlsplit(link).path)
    comment = XtdComment.objects.get()
    assert not comment.is_public
    assert "Skrivet i tid" not in client.get(open_proposal.get_url()).content.decode()
    held = [m for m in moderator_mails() if "väntar på granskning" in m.subject]
    assert len(held) == 1


def test_communicators_moderate_proposal_comments_in_the_admin(
    client, open_proposal, communicator_user, politician
):
    comment = existing_comment(open_proposal, text="Olämplig text")
    index = reverse("proposal_comments:index")
    client.force_login(communicator_user)
    html = client.get(index).content.decode()
    assert "Olämplig text" in html
    edit = reverse("proposal_comments:edit", args=[comment.pk])
    response = client.post(edit, {"is_public": "", "is_removed": "on"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_removed
    client.logout()
    assert "Olämplig text" not in client.get(open_proposal.get_url()).content.decode()

    client.force_login(politician)
    assert client.get(index).status_code in (302, 403)
    assert client.post(edit, {"is_public": "on", "is_removed": ""}).status_code in (
        302,
        403,
    )
    comment.refresh_from_db()
    assert comment.is_removed

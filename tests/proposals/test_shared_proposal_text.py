"""With the page cache on, a rendered proposal page takes its latest answer, text and
facts, and its empty comment form, from shared fragments (proposal.html): a later
request reads neither the last edit nor the dialogue and builds no comment form, a
correction shows at once, a signed-in user keeps their own form, and a comment
posted from a shared form is taken."""

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from proposals.constants import Status
from tests.proposals.test_comments import form_fields

pytestmark = pytest.mark.usefixtures("cache_on")

EDITS = "proposals_proposaledit"
EDIT_URL = "wagtailsnippets_proposals_proposal:edit"


def rendered(proposal, client=None):
    """The page as a visitor with a session gets it (never from the page cache),
    with the SQL it ran."""
    if client is None:
        client = Client()
        client.cookies["sessionid"] = "not-a-session"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(proposal.get_url())
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in captured.captured_queries]


def comment_form_built(monkeypatch):
    """Counts the comment forms the views make."""
    from comments.forms import CommentForm

    built = []
    original = CommentForm.__init__

    def counting(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(CommentForm, "__init__", counting)
    return built


def test_second_render_reads_no_edit_and_builds_no_comment_form(
    open_proposal, monkeypatch
):
    built = comment_form_built(monkeypatch)
    first, first_sql = rendered(open_proposal)
    assert any(EDITS in sql for sql in first_sql)
    assert len(built) == 1
    second, second_sql = rendered(open_proposal)
    assert not any(EDITS in sql for sql in second_sql)
    assert len(built) == 1
    assert 'id="comment_name"' in second
    assert form_fields(second)["object_pk"] == str(open_proposal.pk)
    assert open_proposal.text in second


def test_a_correction_shows_at_once(open_proposal, django_capture_on_commit_callbacks):
    before, _sql = rendered(open_proposal)
    assert "Kommunen har rättat" not in before
    editor = Client()
    editor.force_login(User.objects.get(username="kommunikator"))
    # The admin form announces the correction when it commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse(EDIT_URL, args=[open_proposal.pk]),
            {
                "title": open_proposal.title,
                "text": "Fler cykelställ vid Resecentrum, med tak.",
                "topic": open_proposal.topic_id,
                "area": open_proposal.area_id,
                "author_name": open_proposal.author_name,
                "edit_note": "Tog bort personuppgifter.",
            },
        )
    assert response.status_code == 302
    after, _sql = rendered(open_proposal)
    assert "Fler cykelställ vid Resecentrum, med tak." in after
    assert "Kommunen har rättat stavning" in after


def test_a_signed_in_user_gets_their_own_comment_form(open_proposal):
    anonymous, _sql = rendered(open_proposal)
    assert 'id="comment_name"' in anonymous
    staff = Client()
    staff.force_login(User.objects.get(username="kommunikator"))
    signed_in, _sql = rendered(open_proposal, client=staff)
    assert "Skriv en kommentar" in signed_in
    assert 'id="comment_name"' not in signed_in
    again, _sql = rendered(open_proposal)
    assert 'id="comment_name"' in again


def test_no_comment_form_once_comments_close(proposal_factory):
    proposal = proposal_factory(Status.ANSWERED)
    page, _sql = rendered(proposal)
    assert "Det går inte att kommentera förslaget längre." in page
    assert 'id="comment_comment"' not in page


def test_a_comment_from_the_shared_form_is_taken(open_proposal):
    rendered(open_proposal)
    page, _sql = rendered(open_proposal)  # the form from the shared fragment
    response = Client().post(
        "/kommentarer/post/",
        {
            **form_fields(page),
            "honeypot": "",
            "url": "",
            "name": "Bo",
            "email": "bo@example.org",
            "comment": "Bra förslag.",
            "next": open_proposal.get_url(),
        },
    )
    assert response.status_code == 302


def test_one_csrf_token_for_both_shared_forms(open_proposal):
    rendered(open_proposal)
    page, _sql = rendered(open_proposal)
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert len(tokens) == 2  # the sign form and the comment form
    assert tokens[0] == tokens[1]

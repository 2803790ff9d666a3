"""Every commented object posts through the one view in comments/, which hands
good posts to django-comments' own post_comment and answers bad ones itself."""

import ast
import json
import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import resolve, reverse
from django_comments_xtd.models import XtdComment

import comments
from comments import views
from comments.forms import CommentForm
from comments.registry import policy_for, registered
from dialogues.choices import Status as DialogueStatus
from dialogues.comments import DialogueCommentPolicy
from dialogues.models import DialoguePage
from proposals.comments import ProposalCommentPolicy
from proposals.constants import Status as ProposalStatus
from proposals.models import Proposal
from tests.comment_helpers import existing_comment

pytestmark = pytest.mark.django_db

TEXT = "Min synpunkt om parken"


@pytest.fixture
def library_posts(monkeypatch):
    """The targets django-comments' post_comment was called for."""
    called = []
    real = views.library_post_comment

    def spy(request, *args, **kwargs):
        called.append(request.POST["object_pk"])
        return real(request, *args, **kwargs)

    monkeypatch.setattr(views, "library_post_comment", spy)
    return called


def post_url(target):
    if isinstance(target, DialoguePage):
        return target.url + "kommentera/"
    return "/kommentarer/post/"


def form_data(target, parent=None, **fields):
    data = {
        key: str(value)
        for key, value in CommentForm(target, comment=parent).initial.items()
    }
    data.update(
        name="Kim", email="kim@example.org", comment=TEXT, honeypot="", reply_to="0"
    )
    data.update(fields)
    return data


@pytest.fixture(params=["dialogue", "proposal"])
def target(request):
    return request.getfixturevalue(request.param)


def close(target):
    if isinstance(target, DialoguePage):
        DialoguePage.objects.filter(pk=target.pk).update(status=DialogueStatus.CLOSED)
    else:
        Proposal.objects.filter(pk=target.pk).update(
            status=ProposalStatus.CLOSED_UNSUPPORTED
        )
    target.refresh_from_db()


def test_both_kinds_of_target_post_through_the_same_view(
    client, dialogue, proposal, library_posts
):
    assert resolve("/kommentarer/post/").func is views.post_comment
    for target in (dialogue, proposal):
        response = client.post(post_url(target), form_data(target))
        assert response.status_code == 302
    assert library_posts == [str(dialogue.pk), str(proposal.pk)]
    confirmations = [m for m in mail.outbox if m.to == ["kim@example.org"]]
    assert len(confirmations) == 2


def test_missing_field_returns_the_form_as_typed_with_a_400(
    client, target, library_posts
):
    response = client.post(post_url(target), form_data(target, email=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Fyll i fältet ”E-post”." in html
    assert TEXT in html
    assert "Kommentaren kunde inte skickas. Rätta felen nedan." in html
    assert library_posts == []
    assert mail.outbox == []


def test_expired_form_returns_the_text_with_a_400(client, target):
    response = client.post(post_url(target), form_data(target, timestamp="1"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Formuläret hade gått ut eller var ändrat." in html
    assert TEXT in html
    assert 'name="security_hash"' in html
    assert not XtdComment.objects.exists()


def test_a_target_that_refuses_comments_refuses_them_through_the_one_path(
    client, target, library_posts
):
    data = form_data(target)
    close(target)
    response = client.post(post_url(target), data)
    assert response.status_code == 403
    assert str(policy_for(target).closed_message) in response.content.decode()
    assert library_posts == []
    assert mail.outbox == []
    assert not XtdComment.objects.exists()


def test_a_reply_to_a_reply_is_a_400_not_an_error(client, target):
    parent = existing_comment(target)
    reply = existing_comment(target, "Ett svar", parent=parent)
    response = client.post(post_url(target), form_data(target, reply_to=str(reply.pk)))
    assert response.status_code == 400
    assert "Kommentaren du vill svara på finns inte." in response.content.decode()
    assert TEXT in response.content.decode()
    assert XtdComment.objects.count() == 2


@pytest.mark.parametrize(
    ("content_type", "object_pk"),
    [("auth.user", "1"), ("inte.finns", "1"), ("", ""), ("dialogues", "x\x00")],
)
def test_a_form_naming_nothing_commentable_is_a_400(
    client, proposal, content_type, object_pk
):
    data = form_data(proposal, content_type=content_type, object_pk=object_pk)
    response = client.post("/kommentarer/post/", data)
    assert response.status_code == 400
    assert "Det går inte att kommentera här." in response.content.decode()


def test_a_form_for_one_target_posted_to_another_targets_route_is_a_400(
    client, dialogue, proposal
):
    response = client.post(post_url(dialogue), form_data(proposal))
    assert response.status_code == 400
    assert "Formuläret hade gått ut eller var ändrat." in response.content.decode()
    assert mail.outbox == []


def test_dialogues_and_proposals_register_their_own_policies():
    policies = dict(registered())
    assert isinstance(policies[DialoguePage], DialogueCommentPolicy)
    assert isinstance(policies[Proposal], ProposalCommentPolicy)
    assert policy_for(DialoguePage) is policies[DialoguePage]


def test_admin_lists_keep_their_names_and_addresses(admin_client):
    html = admin_client.get("/admin/").content.decode()
    for label in ("Kommentarer på dialoger", "Kommentarer på förslag"):
        assert json.dumps(label)[1:-1] in html  # the menu is JSON in the page
    assert reverse("dialogue_comments:index") == "/admin/dialog-kommentarer/"
    assert reverse("proposal_comments:index") == "/admin/forslag-kommentarer/"


def test_the_comments_app_imports_neither_dialogues_nor_proposals():
    """comments/ sits below the apps whose objects take comments."""
    for path in Path(comments.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in {"dialogues", "proposals"}, path


def test_a_late_confirmation_is_told_in_swedish_that_it_waits(client, proposal):
    client.post(post_url(proposal), form_data(proposal))
    [message] = [m for m in mail.outbox if m.to == ["kim@example.org"]]
    close(proposal)
    link = re.search(r"https?://[^/\s]+(/kommentarer/confirm/\S+/)", message.body)
    assert client.get(link.group(1)).status_code == 200  # the page, nothing done
    assert not XtdComment.objects.exists()
    response = client.post(link.group(1))
    html = response.content.decode()
    assert response.status_code == 200
    assert "en moderator granskar kommentaren innan den publiceras" in html
    assert f"Tillbaka till {proposal.title}" in html
    assert not XtdComment.objects.get().is_public


def test_a_comment_the_library_refuses_comes_back_as_a_403(
    client, dialogue, library_posts, monkeypatch
):
    """A comment_will_be_posted receiver (here the moderator) has the last word."""
    monkeypatch.setattr(DialogueCommentPolicy, "allow", lambda *args: False)
    response = client.post(post_url(dialogue), form_data(dialogue))
    html = response.content.decode()
    assert library_posts == [str(dialogue.pk)]
    assert response.status_code == 403
    assert "Kommentaren togs inte emot." in html
    assert TEXT in html
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("prefix", "heading"),
    [("", "Länken fungerar inte"), ("/en", "The link does not work")],
)
def test_a_broken_confirmation_link_gets_a_page_that_says_what_to_do(
    client, site, prefix, heading
):
    response = client.get(f"{prefix}/kommentarer/confirm/inte-en-riktig-nyckel/")
    assert response.status_code == 400
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert "Bad Request" not in html
    assert 'class="skip-link"' in html  # the site's own layout

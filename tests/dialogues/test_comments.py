"""Comments: only while open and at consultation and above, confirmed by e-mail,
threaded in two levels, escaped, moderated after close, reportable."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from comments.forms import CommentForm
from dialogues.choices import InfluenceLevel, Status
from dialogues.models import DialoguePage
from tests.comment_helpers import existing_comment

pytestmark = pytest.mark.django_db

RESIDENT_EMAIL = "boende@example.org"


@pytest.fixture
def moderator(db):
    return get_user_model().objects.create_superuser(
        "moderator", "moderator@mittkoping.se", "Moderator-lösenord-123"
    )


def form_data(dialogue, parent=None, **fields):
    form = CommentForm(dialogue, comment=parent)
    data = {key: str(value) for key, value in form.initial.items()}
    data.update(
        name="Kim",
        email=RESIDENT_EMAIL,
        comment="Fler bänkar i parken, tack.",
        honeypot="",
        url="",
    )
    data.setdefault("reply_to", "0")
    data.update(fields)
    return data


def post(client, dialogue, **fields):
    return client.post(dialogue.url + "kommentera/", form_data(dialogue, **fields))


def confirmation_link(message):
    match = re.search(r"https?://[^/\s]+(/kommentarer/confirm/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def confirm_latest(client):
    confirmations = [m for m in mail.outbox if RESIDENT_EMAIL in m.to]
    return client.post(confirmation_link(confirmations[-1]))


def public_comments(dialogue):
    return XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(DialoguePage),
        object_pk=str(dialogue.pk),
        is_public=True,
    )


@pytest.mark.parametrize(
    "level",
    [
        InfluenceLevel.CONSULTATION,
        InfluenceLevel.DIALOGUE,
        InfluenceLevel.INFLUENCE,
        InfluenceLevel.CO_DECISION,
    ],
)
def test_comment_is_published_after_email_confirmation(
    client, make_dialogue, moderator, level
):
    dialogue = make_dialogue(influence_level=level)
    response = post(client, dialogue)
    assert response.status_code == 302
    # The library's redirect adds ?c=… (the proposal page shows its thanks by it).
    assert urlsplit(response["Location"]).path.endswith("kommentera/tack/")
    assert not public_comments(dialogue).exists()
    [confirmation] = [m for m in mail.outbox if RESIDENT_EMAIL in m.to]
    assert dialogue.title in confirmation.body or dialogue.url in confirmation.body

    response = confirm_latest(client)
    assert response.status_code == 302
    [comment] = public_comments(dialogue)
    landing = client.get(response["Location"])
    assert landing.status_code == 302
    assert landing["Location"].endswith(dialogue.url)
    assert comment.comment == "Fler bänkar i parken, tack."
    html = client.get(dialogue.url).content.decode()
    assert "Fler bänkar i parken, tack." in html
    assert RESIDENT_EMAIL not in html
    assert any("moderator@mittkoping.se" in m.to for m in mail.outbox)


@pytest.mark.parametrize(
    ("level", "status"),
    [
        (InfluenceLevel.INFORMATION, Status.OPEN),
        (InfluenceLevel.CONSULTATION, Status.PLANNED),
        (InfluenceLevel.DIALOGUE, Status.COMPILING),
        (InfluenceLevel.DIALOGUE, Status.CLOSED),
    ],
)
def test_comments_refused_outside_open_or_below_consultation(
    client, make_dialogue, level, status
):
    fields = {"feedback": "<p>Tack</p>"} if status == Status.FEEDBACK_GIVEN else {}
    dialogue = make_dialogue(influence_level=level, status=status, **fields)
    response = post(client, dialogue)
    assert response.status_code == 403
    assert "Det går inte att kommentera den här dialogen nu." in (
        response.content.decode()
    )
    assert mail.outbox == []
    assert 'name="comment"' not in client.get(dialogue.url).content.decode()


def test_comment_text_is_escaped(client, make_dialogue):
    dialogue = make_dialogue()
    nasty = (
        '<script>alert("x")</script> <a href="javascript:alert(1)">klick</a> '
        '<img src="data:text/html;base64,PHNjcmlwdD4=">'
    )
    post(client, dialogue, comment=nasty)
    confirm_latest(client)
    html = client.get(dialogue.url).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert 'href="javascript:' not in html
    assert 'src="data:' not in html


def test_homepage_link_field_is_ignored(client, make_dialogue):
    dialogue = make_dialogue()
    post(client, dialogue, url="javascript:alert(1)")
    confirm_latest(client)
    assert public_comments(dialogue).get().user_url == ""


def test_closed_dialogue_shows_comments_read_only(client, make_dialogue):
    dialogue = make_dialogue()
    existing_comment(dialogue, "Skrevs medan dialogen var öppen")
    DialoguePage.objects.filter(pk=dialogue.pk).update(status=Status.CLOSED)
    html = client.get(dialogue.url).content.decode()
    assert "Skrevs medan dialogen var öppen" in html
    assert "Det går inte att kommentera längre." in html
    assert 'name="comment"' not in html
    assert "Svara Alex" not in html


def test_confirmation_after_close_is_held_for_moderation(
    client, make_dialogue, moderator
):
    dialogue = make_dialogue()
    post(client, dialogue)
    DialoguePage.objects.filter(pk=dialogue.pk).update(status=Status.CLOSED)
    response = confirm_latest(client)
    assert response.status_code == 200
    assert "en moderator granskar kommentaren" in response.content.decode()
    comment = XtdComment.objects.get(object_pk=str(dialogue.pk))
    assert comment.is_public is False
    assert "Fler bänkar" not in client.get(dialogue.url).content.decode()
    notices = [m for m in mail.outbox if "moderator@mittkoping.se" in m.to]
    assert notices and "väntar på granskning" in notices[-1].subject


def test_replies_go_two_levels_deep_only(client, make_dialogue):
    dialogue = make_dialogue()
    parent = existing_comment(dialogue)
    reply_page = client.get(dialogue.url + f"kommentera/svara/{parent.pk}/")
    assert reply_page.status_code == 200
    assert "En tidigare kommentar" in reply_page.content.decode()

    response = post(client, dialogue, reply_to=str(parent.pk), comment="Håller med")
    assert response.status_code == 302
    confirm_latest(client)
    reply = public_comments(dialogue).get(comment="Håller med")
    assert reply.level == 1
    assert reply.thread_id == parent.pk

    too_deep = post(client, dialogue, reply_to=str(reply.pk), comment="Tredje nivån")
    assert too_deep.status_code == 400
    assert client.get(dialogue.url + f"kommentera/svara/{reply.pk}/").status_code == 404
    html = client.get(dialogue.url).content.decode()
    assert html.index("En tidigare kommentar") < html.index("Håller med")


def test_invalid_comment_comes_back_with_what_was_typed(client, make_dialogue):
    dialogue = make_dialogue()
    response = post(client, dialogue, email="", comment="Min viktiga synpunkt")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Fyll i fältet ”E-post”." in html
    assert "Min viktiga synpunkt" in html
    assert 'aria-describedby="comment_email-help comment_email-error"' in html
    assert mail.outbox == []


def test_tampered_or_expired_form_is_a_clear_400(client, make_dialogue):
    dialogue = make_dialogue()
    response = post(client, dialogue, timestamp="1", comment="Gammal text")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Formuläret hade gått ut" in html
    assert "Gammal text" in html
    assert mail.outbox == []


def test_honeypot_rejects_bots(client, make_dialogue):
    dialogue = make_dialogue()
    response = post(client, dialogue, honeypot="spam")
    assert response.status_code == 400
    assert mail.outbox == []


def test_resident_can_report_a_comment(client, make_dialogue, moderator):
    dialogue = make_dialogue()
    comment = existing_comment(dialogue)
    url = dialogue.url + f"kommentera/rapportera/{comment.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 200
    assert "En moderator granskar kommentaren" in response.content.decode()
    flag = CommentFlag.objects.get(comment=comment)
    assert flag.flag == CommentFlag.SUGGEST_REMOVAL
    assert not flag.user.is_active
    assert any("har anmälts" in m.subject for m in mail.outbox)
    client.post(url)
    assert CommentFlag.objects.filter(comment=comment).count() == 1


def test_get_on_comment_route_is_not_allowed(client, make_dialogue):
    dialogue = make_dialogue()
    assert client.get(dialogue.url + "kommentera/").status_code == 405


def test_the_permalink_of_a_comment_on_an_unpublished_dialogue_is_a_404(
    client, make_dialogue
):
    dialogue = make_dialogue()
    link = existing_comment(dialogue).get_absolute_url().split("#")[0]
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"].endswith(dialogue.url)
    dialogue.unpublish()
    assert client.get(link).status_code == 404

"""Residents' comments on a dialogue page (django-comments-xtd), without JavaScript.

The routes of DialoguePage call these views. A comment is posted only while the
rules allow it; anonymous comments are published once their e-mail link is
confirmed (django-comments-xtd's confirmation flow); the moderation policy in
`moderation.py` decides what is held back."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_comments.models import CommentFlag
from django_comments.signals import (
    comment_was_flagged,
    comment_was_posted,
    comment_will_be_posted,
)
from django_comments_xtd.models import XtdComment

from . import rules
from .forms import DialogueCommentForm

# django-comments-xtd has no Swedish catalogue; these of its strings are translated
# in ours.
XTD_STRINGS = [
    gettext_noop("comment confirmation request"),
    gettext_noop("new comment posted"),
]

REPORTER_USERNAME = "invanarrapport"


def published_comments(target):
    """The comments residents see on a page or a proposal: public, not removed."""
    return XtdComment.norel_objects.filter(
        content_type=ContentType.objects.get_for_model(target.__class__),
        object_pk=str(target.pk),
        is_public=True,
        is_removed=False,
    )


def find_comment(target, comment_id, *, repliable=False):
    """A published comment on the target; with `repliable`, only one that can still
    be answered (not itself a reply)."""
    comment = published_comments(target).filter(pk=comment_id).first()
    if comment is None or (repliable and not comment.allow_thread()):
        return None
    return comment


def public_comments(dialogue):
    """The dialogue's published comments as threads: [(comment, [replies])]."""
    comments = published_comments(dialogue).order_by("thread_id", "order")
    threads = {}
    base = dialogue.url or ""
    for comment in comments:
        comment.reply_url = base + dialogue.reverse_subpage("reply", args=(comment.pk,))
        comment.report_url = base + dialogue.reverse_subpage(
            "report", args=(comment.pk,)
        )
        if comment.level == 0:
            threads[comment.pk] = (comment, [])
        elif comment.thread_id in threads:
            threads[comment.thread_id][1].append(comment)
    return list(threads.values())


def comment_context(request, dialogue, form=None, error=""):
    context = {"comment_error": error}
    if rules.comments_visible(dialogue):
        context["comment_threads"] = public_comments(dialogue)
    if rules.comments_allowed(dialogue):
        context["comment_form"] = form or DialogueCommentForm(dialogue)
        context["comment_action"] = dialogue.url + dialogue.reverse_subpage("comment")
    return context


def _with_status(response, status):
    response.status_code = status
    return response


def _page(request, dialogue, status, form=None, error="", parent=None):
    """The dialogue page (or the reply page) again, with the form as typed."""
    if parent is not None:
        return _with_status(
            _reply_response(request, dialogue, parent, form=form, error=error), status
        )
    context = comment_context(request, dialogue, form=form, error=error)
    return _with_status(dialogue.render(request, context_overrides=context), status)


def post_comment(request, dialogue):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not rules.comments_allowed(dialogue):
        return _page(
            request,
            dialogue,
            403,
            error=_("Det går inte att kommentera den här dialogen nu."),
        )
    form = DialogueCommentForm(dialogue, data=request.POST)
    parent = None
    reply_to = request.POST.get("reply_to", "0")
    if reply_to not in ("", "0"):
        try:
            parent = find_comment(dialogue, int(reply_to), repliable=True)
        except ValueError:
            parent = None
        if parent is None:
            return _page(
                request,
                dialogue,
                400,
                error=_("Kommentaren du vill svara på finns inte."),
            )
    if form.security_errors():
        fresh = DialogueCommentForm(
            dialogue,
            comment=parent,
            initial={
                key: request.POST.get(key, "") for key in ("name", "email", "comment")
            },
        )
        return _page(
            request,
            dialogue,
            400,
            form=fresh,
            parent=parent,
            error=_(
                "Formuläret hade gått ut eller var ändrat. Kontrollera texten och "
                "skicka igen."
            ),
        )
    if not form.is_valid():
        return _page(
            request,
            dialogue,
            400,
            form=form,
            parent=parent,
            error=_("Kommentaren kunde inte skickas. Rätta felen nedan."),
        )
    comment = form.get_comment_object(site_id=get_current_site(request).id)
    comment.ip_address = request.META.get("REMOTE_ADDR") or None
    if request.user.is_authenticated:
        comment.user = request.user
    responses = comment_will_be_posted.send(
        sender=comment.__class__, comment=comment, request=request
    )
    if any(response is False for __, response in responses):
        return _page(
            request,
            dialogue,
            403,
            form=form,
            parent=parent,
            error=_("Kommentaren togs inte emot."),
        )
    comment.save()
    comment_was_posted.send(sender=comment.__class__, comment=comment, request=request)
    return redirect(dialogue.url + dialogue.reverse_subpage("comment_sent"))


def comment_sent(request, dialogue):
    return TemplateResponse(
        request, "dialogues/comment_sent.html", {"page": dialogue, "self": dialogue}
    )


def _reply_response(request, dialogue, parent, form=None, error=""):
    return TemplateResponse(
        request,
        "dialogues/comment_reply.html",
        {
            "page": dialogue,
            "self": dialogue,
            "parent": parent,
            "comment_form": form or DialogueCommentForm(dialogue, comment=parent),
            "comment_action": dialogue.url + dialogue.reverse_subpage("comment"),
            "comment_error": error,
        },
    )


def reply(request, dialogue, comment_id):
    if not rules.comments_allowed(dialogue):
        return redirect(dialogue.url)
    parent = find_comment(dialogue, comment_id, repliable=True)
    if parent is None:
        return _page(
            request, dialogue, 404, error=_("Kommentaren du vill svara på finns inte.")
        )
    return _reply_response(request, dialogue, parent)


def _reporter():
    """The one account that residents' reports are filed under (CommentFlag needs
    a user; residents have none). It cannot log in."""
    user, created = get_user_model().objects.get_or_create(
        username=REPORTER_USERNAME,
        defaults={"is_active": False, "first_name": "Invånare"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def file_report(comment, request):
    """File a resident's report of a comment (once per comment) and let the
    moderation policy notify the moderators."""
    with transaction.atomic():
        flag, created = CommentFlag.objects.get_or_create(
            comment=comment,
            user=_reporter(),
            flag=CommentFlag.SUGGEST_REMOVAL,
        )
    comment_was_flagged.send(
        sender=comment.__class__,
        comment=comment,
        flag=flag,
        created=created,
        request=request,
    )


def report(request, dialogue, comment_id):
    """A resident flags a comment for removal; moderators are notified."""
    comment = find_comment(dialogue, comment_id)
    if comment is None or not rules.comments_visible(dialogue):
        return _page(request, dialogue, 404, error=_("Kommentaren finns inte."))
    context = {
        "page": dialogue,
        "self": dialogue,
        "comment": comment,
        "done": False,
        "back_url": dialogue.url + "#kommentarer",
        "back_title": dialogue.title,
    }
    if request.method == "POST":
        file_report(comment, request)
        context["done"] = True
    return TemplateResponse(request, "dialogues/comment_report.html", context)

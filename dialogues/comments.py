"""Residents' comments on a dialogue page: the rules under which it takes them and
how its comment pages look. Posting, replies and reports go through the comments
app, where DialoguesConfig.ready() registers DialogueCommentPolicy."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from comments.forms import CommentForm
from comments.policy import CommentPolicy
from comments.queries import published_comments

from . import rules


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
    """What the dialogue page shows of comments: the threads, and the form while
    the dialogue takes comments."""
    context = {"comment_error": error}
    if rules.comments_visible(dialogue):
        context["comment_threads"] = public_comments(dialogue)
    if rules.comments_allowed(dialogue):
        context["comment_form"] = form or CommentForm(dialogue)
        context["comment_action"] = comment_action(dialogue)
    return context


def comment_action(dialogue):
    return dialogue.url + dialogue.reverse_subpage("comment")


class DialogueCommentPolicy(CommentPolicy):
    """Comments on a dialogue page, while the handbook's rules allow them; a bad
    post comes back on the dialogue page (or the reply page) itself."""

    admin_name = "dialogue_comments"
    admin_url_prefix = "dialog-kommentarer"
    admin_menu_label = _("Kommentarer på dialoger")
    closed_message = _("Det går inte att kommentera den här dialogen nu.")

    def comments_open(self, target):
        return rules.comments_allowed(target)

    def comments_visible(self, target):
        return rules.comments_visible(target)

    def needs_moderation(self, target):
        return rules.comment_needs_moderation(target)

    def target_url(self, target):
        return target.url

    def post_url(self, target):
        return comment_action(target)

    def success_url(self, request, target):
        return target.url + target.reverse_subpage("comment_sent")

    def render(self, request, target, template, context, status=200):
        context = {"page": target, "self": target, **context}
        return TemplateResponse(request, template, context, status=status)

    def form_page(self, request, target, *, form, error, parent=None, status=400):
        if parent is not None:
            context = {
                "parent": parent,
                "comment_form": form,
                "comment_action": comment_action(target),
                "comment_error": error,
            }
            return self.render(
                request, target, "dialogues/comment_reply.html", context, status
            )
        context = comment_context(request, target, form=form, error=error)
        response = target.render(request, context_overrides=context)
        response.status_code = status
        return response

    def missing(self, request, target, message):
        return self.form_page(request, target, form=None, error=message, status=404)


def comment_sent(request, dialogue):
    return TemplateResponse(
        request, "dialogues/comment_sent.html", {"page": dialogue, "self": dialogue}
    )

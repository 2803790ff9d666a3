"""The moderation policy for comments on dialogue pages."""

from django_comments_xtd.moderation import XtdCommentModerator, moderator

from . import rules


class DialogueCommentPolicy(XtdCommentModerator):
    """Accepts comments only where and while the rules allow them, holds any
    comment that arrives or is confirmed after the dialogue closed, and tells the
    moderators about every new comment and every report from a resident."""

    email_notification = True
    removal_suggestion_notification = True

    def allow(self, comment, content_object, request):
        return rules.comments_allowed(content_object)

    def moderate(self, comment, content_object, request):
        return rules.comment_needs_moderation(content_object)

    def email(self, comment, content_object, request):
        from .tasks import notify_comment_moderators

        notify_comment_moderators.enqueue(
            page_id=content_object.pk,
            author=comment.user_name or "",
            text=comment.comment or "",
            held=not comment.is_public
            or rules.comment_needs_moderation(content_object),
            reported=False,
        )

    def notify_removal_suggestion(self, comment, content_object, request):
        from .tasks import notify_comment_moderators

        notify_comment_moderators.enqueue(
            page_id=content_object.pk,
            author=comment.user_name or "",
            text=comment.comment or "",
            held=False,
            reported=True,
        )


def hold_late_confirmation(sender, comment, request, **kwargs):
    """A comment confirmed by e-mail after its dialogue closed waits for a
    moderator: it was written for a process that is over."""
    from .models import DialoguePage

    target = getattr(comment, "content_object", None)
    if isinstance(target, DialoguePage) and rules.comment_needs_moderation(target):
        comment.is_public = False


def connect():
    from django_comments_xtd.models import TmpXtdComment
    from django_comments_xtd.signals import confirmation_received

    from .models import DialoguePage

    if DialoguePage not in moderator._registry:
        moderator.register(DialoguePage, DialogueCommentPolicy)
    confirmation_received.connect(
        hold_late_confirmation,
        sender=TmpXtdComment,
        dispatch_uid="dialogues-hold-late-confirmation",
    )

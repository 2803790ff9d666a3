"""Moderation policies for residents' comments (django-comments-xtd).

`CommentPolicy` is shared by dialogue pages and proposals: it accepts comments only
while the target takes them, holds any comment confirmed after that, and tells the
moderators about every new comment and every report from a resident."""

from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.moderation import XtdCommentModerator, moderator

from . import rules


class CommentPolicy(XtdCommentModerator):
    """Subclasses say when the target takes comments and where moderators work."""

    email_notification = True
    removal_suggestion_notification = True
    admin_view = "dialogue_comments:index"

    def comments_open(self, content_object):
        raise NotImplementedError

    def allow(self, comment, content_object, request):
        return self.comments_open(content_object)

    def moderate(self, comment, content_object, request):
        return not self.comments_open(content_object)

    def _notify(self, comment, content_object, *, held, reported):
        from .tasks import notify_comment_moderators

        notify_comment_moderators.enqueue(
            content_type_id=ContentType.objects.get_for_model(content_object).pk,
            object_pk=content_object.pk,
            author=comment.user_name or "",
            text=comment.comment or "",
            held=held,
            reported=reported,
            admin_view=self.admin_view,
        )

    def email(self, comment, content_object, request):
        held = not comment.is_public or self.moderate(comment, content_object, request)
        self._notify(comment, content_object, held=held, reported=False)

    def notify_removal_suggestion(self, comment, content_object, request):
        self._notify(comment, content_object, held=False, reported=True)

    def hold_late_confirmation(self, comment):
        """A comment confirmed by e-mail after its target stopped taking comments
        waits for a moderator: it was written for a process that is over."""
        if self.moderate(comment, comment.content_object, None):
            comment.is_public = False


class DialogueCommentPolicy(CommentPolicy):
    """Comments on a dialogue page, while the handbook's rules allow them."""

    def comments_open(self, content_object):
        return rules.comments_allowed(content_object)

    def moderate(self, comment, content_object, request):
        return rules.comment_needs_moderation(content_object)


def hold_late_confirmation(sender, comment, request, **kwargs):
    target = getattr(comment, "content_object", None)
    policy = moderator._registry.get(type(target))
    if isinstance(policy, CommentPolicy):
        policy.hold_late_confirmation(comment)


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

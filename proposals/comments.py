"""Residents' comments on proposal pages (django-comments-xtd), as on dialogues.

Comments are open while the proposal is public and being handled; anonymous
comments are confirmed by e-mail (COMMENTS_XTD_CONFIRM_EMAIL); a comment by a
logged-in user with a politician profile is marked with their name, party and role."""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django_comments.moderation import AlreadyModerated, moderator
from django_comments.signals import comment_will_be_posted
from django_comments_xtd.models import TmpXtdComment, XtdComment
from django_comments_xtd.moderation import XtdCommentModerator

from proposals.models import PoliticianProfile, Proposal


class ProposalCommentModerator(XtdCommentModerator):
    """Refuses comments on a proposal that is not public or no longer handled."""

    enable_field = "comments_open"
    email_notification = False


def refuse_when_closed(sender, comment, request, **kwargs):
    """Refuse at posting time too: anonymous comments are only a TmpXtdComment
    until confirmed, which the model's moderator does not see."""
    target = comment.content_object
    return not isinstance(target, Proposal) or target.comments_open


def register_moderator():
    with contextlib.suppress(AlreadyModerated):
        moderator.register(Proposal, ProposalCommentModerator)
    comment_will_be_posted.connect(
        refuse_when_closed,
        sender=TmpXtdComment,
        dispatch_uid="proposals_refuse_closed_comments",
    )


def comments_for(proposal):
    """Published comments, threads in order, each marked if a politician wrote it."""
    comments = list(
        XtdComment.objects.filter(
            content_type=ContentType.objects.get_for_model(Proposal),
            object_pk=str(proposal.pk),
            is_public=True,
            is_removed=False,
        )
        .select_related("user")
        .order_by("thread_id", "order")
    )
    user_ids = {c.user_id for c in comments if c.user_id}
    bylines = {
        profile.user_id: profile.byline
        for profile in PoliticianProfile.objects.filter(user_id__in=user_ids)
    }
    for comment in comments:
        comment.politician_byline = bylines.get(comment.user_id, "")
    return comments

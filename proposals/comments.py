"""Residents' comments on proposal pages (django-comments-xtd), as on dialogues.

Comments are open while the proposal is public and being handled; anonymous
comments are confirmed by e-mail (COMMENTS_XTD_CONFIRM_EMAIL); replies go one level
deep; moderators are e-mailed about new and reported comments and work in the
admin; a comment by a logged-in user with a politician profile is marked with their
name, party and role."""

import contextlib

from django_comments.moderation import AlreadyModerated
from django_comments_xtd.moderation import moderator

from dialogues.comments import published_comments
from dialogues.moderation import CommentPolicy
from proposals.models import PoliticianProfile, Proposal


class ProposalCommentModerator(CommentPolicy):
    """Takes comments while the proposal is open or referred; holds late ones."""

    admin_view = "proposal_comments:index"

    def comments_open(self, content_object):
        return content_object.comments_open


def register_moderator():
    with contextlib.suppress(AlreadyModerated):
        moderator.register(Proposal, ProposalCommentModerator)


def comments_for(proposal, box):
    """Published comments, threads in order, each marked if a politician wrote it
    (box: the proposal's suggestion box, which the caller has at hand)."""
    comments = list(
        published_comments(proposal)
        .select_related("user")
        .order_by("thread_id", "order")
    )
    user_ids = {c.user_id for c in comments if c.user_id}
    bylines = {}
    if user_ids:
        bylines = {
            profile.user_id: profile.byline
            for profile in PoliticianProfile.objects.filter(user_id__in=user_ids)
        }
    box_url = box.get_url()
    for comment in comments:
        comment.politician_byline = bylines.get(comment.user_id, "")
        args = [proposal.pk, comment.pk]
        comment.report_url = box_url + box.reverse_subpage("comment_report_view", args)
        comment.reply_url = box_url + box.reverse_subpage("comment_reply_view", args)
    return comments

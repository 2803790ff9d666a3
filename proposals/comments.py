"""Residents' comments on proposal pages: the rules under which a proposal takes
them and how its comment pages look (ProposalsConfig.ready() registers the policy
with the comments app, which posts, answers and reports for every target).

Comments are open while the proposal is public and being handled; a comment by a
politician (who may answer proposals) is marked with the name, party and role
they had when posting it (proposals/receivers.py keeps it)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django_comments import get_form as get_comment_form

from comments.policy import CommentPolicy
from comments.queries import published_comments
from proposals.models import PoliticianComment
from proposals.views.base import render


class ProposalCommentPolicy(CommentPolicy):
    """Takes comments while the proposal is open or referred; holds late ones."""

    admin_name = "proposal_comments"
    admin_url_prefix = "forslag-kommentarer"
    admin_menu_label = _("Kommentarer på förslag")
    closed_message = _("Det går inte att kommentera förslaget längre.")
    form_template = "proposals/comment_form_page.html"

    def comments_open(self, target):
        return target.comments_open

    def comments_visible(self, target):
        return target.is_public

    def target_public(self, target):
        return target.is_public and target.box.live

    def render(self, request, target, template, context, status=200):
        context = {**context, "private": True}
        return render(request, target.box, template, context, status=status)

    def reply_page(self, request, target, parent):
        context = {
            "proposal": target,
            "proposal_url": target.get_url(request),
            "parent": parent,
            "comment_form": get_comment_form()(target, comment=parent),
        }
        return self.render(request, target, "proposals/comment_reply.html", context)


def comments_for(proposal, box):
    """Published comments, threads in order, each marked if a politician wrote it
    (box: the proposal's suggestion box, which the caller has at hand)."""
    comments = list(published_comments(proposal).order_by("thread_id", "order"))
    signed = [c.pk for c in comments if c.user_id]
    bylines = {}
    if signed:
        # The signed comments' users (their names) and bylines, only when there are
        # any: most pages have none, and the join made every page's query dearer.
        users = get_user_model().objects.in_bulk(
            {c.user_id for c in comments if c.user_id}
        )
        for comment in comments:
            if comment.user_id:
                comment.user = users[comment.user_id]
        bylines = dict(
            PoliticianComment.objects.filter(comment_id__in=signed).values_list(
                "comment_id", "byline"
            )
        )
    box_url = box.own_url()
    for comment in comments:
        comment.politician_byline = bylines.get(comment.pk, "")
        args = [proposal.pk, comment.pk]
        comment.report_url = box_url + box.reverse_subpage("comment_report_view", args)
        comment.reply_url = box_url + box.reverse_subpage("comment_reply_view", args)
    return comments

"""Answering and reporting a comment on a proposal, without JavaScript.

Posting itself goes through django-comments' own route; these pages give a
resident the reply form for one comment, and a way to report a comment without
logging in (the report is filed as in dialogues.comments)."""

from django.http import Http404
from django_comments import get_form as get_comment_form

from dialogues.comments import file_report, find_comment

from .base import proposal_url, render


def _public_proposal(box, proposal_id):
    proposal = box.proposals.filter(pk=proposal_id).first()
    if proposal is None or not proposal.is_public:
        raise Http404
    return proposal


def reply(request, box, proposal_id, comment_id):
    proposal = _public_proposal(box, proposal_id)
    parent = find_comment(proposal, comment_id, repliable=True)
    if parent is None or not proposal.comments_open:
        raise Http404
    url = proposal_url(box, proposal.pk, request)
    context = {
        "proposal": proposal,
        "proposal_url": url,
        "parent": parent,
        "comment_form": get_comment_form()(proposal, comment=parent),
        "private": True,
    }
    return render(request, box, "proposals/comment_reply.html", context)


def report(request, box, proposal_id, comment_id):
    """A resident flags a comment for removal; moderators are notified."""
    proposal = _public_proposal(box, proposal_id)
    comment = find_comment(proposal, comment_id)
    if comment is None:
        raise Http404
    context = {
        "comment": comment,
        "done": False,
        "back_url": proposal_url(box, proposal.pk, request) + "#kommentarer",
        "back_title": proposal.title,
        "private": True,
    }
    if request.method == "POST":
        file_report(comment, request)
        context["done"] = True
    return render(request, box, "dialogues/comment_report.html", context)

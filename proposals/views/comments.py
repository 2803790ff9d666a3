"""Answering and reporting a comment on a proposal, without JavaScript: the
suggestion box's routes find the public proposal and hand over to the comments
app's views, the same ones dialogue pages use."""

from django.http import Http404

from comments import views as comment_views


def _public_proposal(box, proposal_id):
    proposal = box.proposals.filter(pk=proposal_id).first()
    if proposal is None or not proposal.is_public:
        raise Http404
    return proposal


def reply(request, box, proposal_id, comment_id):
    proposal = _public_proposal(box, proposal_id)
    return comment_views.reply(request, proposal, comment_id)


def report(request, box, proposal_id, comment_id):
    """A resident flags a comment for removal; moderators are notified."""
    proposal = _public_proposal(box, proposal_id)
    return comment_views.report(request, proposal, comment_id)

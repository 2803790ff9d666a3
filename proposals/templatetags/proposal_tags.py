"""What the suggestion box shows on other apps' pages: a dialogue's proposals.
Dialogues load this tag instead of importing the suggestion box."""

from django import template

from dialogues import rules
from proposals.for_dialogues import linked_proposals, submit_url

register = template.Library()


@register.inclusion_tag(
    "proposals/includes/dialogue_proposals.html", takes_context=True
)
def dialogue_proposals(context, dialogue):
    """The proposals made in a dialogue, with what happened to them once the
    dialogue reports its outcome, and the way to submit one while it takes them."""
    request = context.get("request")
    outcomes = rules.shows_proposal_outcomes(dialogue)
    return {
        "proposal_outcomes": outcomes,
        "linked_proposals": linked_proposals(dialogue, request, with_trail=outcomes),
        "proposal_submit_url": (
            submit_url(dialogue, request) if rules.takes_proposals(dialogue) else ""
        ),
    }

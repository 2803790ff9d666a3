"""Template tags of the accountability features: a proposal's answer clock, and
a dialogue's promise and milestones ("ni sa – vi gjorde") on its page."""

from django import template

from dialogues import promises
from dialogues.models import DialoguePromise
from proposals import answer_clock
from proposals.models import Milestone

register = template.Library()


@register.simple_tag
def proposal_answer_clock(proposal):
    """The proposal's answer clock (None when it has none)."""
    return answer_clock.clock(proposal)


@register.inclusion_tag("proposals/includes/dialogue_promise.html")
def dialogue_promise(dialogue):
    """The dialogue's promise with its state and public change history."""
    promise = (
        DialoguePromise.objects.filter(dialogue=dialogue)
        .prefetch_related("changes")
        .first()
    )
    if promise is not None:
        promises.annotate(promise)
    return {"promise": promise}


@register.inclusion_tag("proposals/includes/dialogue_milestones.html")
def dialogue_milestones(dialogue):
    """What happened after the dialogue's decision."""
    milestones = Milestone.objects.filter(dialogue=dialogue).order_by(
        "planned_on", "pk"
    )
    return {"milestones": list(milestones), "page": dialogue}

"""What the open data may contain: live public dialogues and public proposals with
their public trail entries, fetched in a fixed number of queries."""

from django.db.models import Prefetch
from django.db.models.functions import Coalesce

from dialogues.models import DialoguePage
from proposals.models import FeedbackEntry, Proposal


def dialogues():
    return (
        DialoguePage.objects.live()
        .public()
        .select_related("committee")
        .prefetch_related("methods", "areas", "target_groups")
        .order_by("-pk")
    )


def proposals():
    public_trail = (
        FeedbackEntry.objects.filter(public=True)
        .select_related("committee")
        .order_by("created_at", "pk")
    )
    return (
        Proposal.objects.public()
        .select_related("box", "topic", "area", "committee")
        .annotate(updated_at=Coalesce("last_feedback_at", "opened_at"))
        .prefetch_related(Prefetch("trail", public_trail, to_attr="public_trail"))
        .order_by("-pk")
    )

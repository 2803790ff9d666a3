"""Recording implementation milestones (delmål) on decided proposals and
dialogues: each step one action with one entry in Wagtail's history.

On a proposal a milestone goes through the lifecycle: it writes a trail entry
(announced as trail_entry_saved), so the audit log, the e-mail to the proposer
and to signers who asked to be kept informed, and the cache all follow as for
any other entry. On a dialogue it is logged on the dialogue page."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from proposals.constants import EntryKind, Status
from proposals.lifecycle.base import ProposalAction, TransitionNotAllowed
from proposals.lifecycle.trail import add_entry
from proposals.models import Milestone

DIALOGUE_MILESTONE = "delaktig.dialogue.milestone"
LOG_ACTIONS = [
    (
        DIALOGUE_MILESTONE,
        _("Delmål i genomförandet"),
        _("Ett delmål i genomförandet registrerades eller ändrades"),
    )
]
DECIDED_DIALOGUE_STATUSES = {"feedback_given", "closed"}


def _clean(title, planned_on, done_on, note):
    title = (title or "").strip()
    if not title:
        raise ValidationError(_("Skriv vad delmålet är."))
    if planned_on is None:
        raise ValidationError(_("Ange när delmålet planeras vara klart."))
    if done_on is not None and done_on > timezone.localdate():
        raise ValidationError(_("Ett delmål kan inte vara klart i framtiden."))
    return title[:200], (note or "").strip()[:2000]


def _entry_text(milestone):
    return (
        f"{milestone.title}. {milestone.note}".strip()
        if milestone.note
        else milestone.title
    )


class RecordMilestone(ProposalAction):
    """A communicator adds a milestone to a decided proposal, or changes one."""

    def __init__(
        self,
        proposal,
        *,
        title,
        planned_on,
        done_on=None,
        note="",
        milestone=None,
        user=None,
        notify=True,
    ):
        super().__init__(proposal, user=user, notify=notify)
        self.fields = {
            "title": title,
            "planned_on": planned_on,
            "done_on": done_on,
            "note": note,
        }
        self.milestone = milestone

    def check_state(self, proposal):
        if proposal.status != Status.ANSWERED:
            raise TransitionNotAllowed("milestones follow a decision")
        f = self.fields
        f["title"], f["note"] = _clean(
            f["title"], f["planned_on"], f["done_on"], f["note"]
        )

    def perform(self, locked):
        milestone = self.milestone or Milestone(proposal=locked)
        newly_done = self.fields["done_on"] is not None and (
            self.milestone is None or self.milestone.done_on is None
        )
        for name, value in self.fields.items():
            setattr(milestone, name, value)
        milestone.save()
        kind = EntryKind.MILESTONE_DONE if newly_done else EntryKind.PLAN_MILESTONE
        add_entry(
            locked,
            kind,
            text=_entry_text(milestone),
            author=self.user,
            **self.announced,
        )
        return milestone


def record_proposal_milestone(proposal, *, user=None, notify=True, **fields):
    return RecordMilestone(proposal, user=user, notify=notify, **fields).execute()


@transaction.atomic
def record_dialogue_milestone(
    dialogue, *, title, planned_on, done_on=None, note="", milestone=None, user=None
):
    """A milestone after a dialogue's decision; logged on the dialogue page."""
    codename = "change_milestone" if milestone else "add_milestone"
    if user is not None and not user.has_perm(f"proposals.{codename}"):
        raise PermissionDenied
    if dialogue.status not in DECIDED_DIALOGUE_STATUSES and not dialogue.decision:
        raise ValidationError(
            _(
                "Delmål kan läggas till först när dialogen har återkopplats "
                "eller beslutats."
            )
        )
    title, note = _clean(title, planned_on, done_on, note)
    milestone = milestone or Milestone(dialogue=dialogue)
    milestone.title, milestone.planned_on, milestone.done_on, milestone.note = (
        title,
        planned_on,
        done_on,
        note,
    )
    milestone.save()
    log(dialogue, DIALOGUE_MILESTONE, user=user)
    return milestone


def record(*, proposal=None, dialogue=None, user=None, notify=True, **fields):
    """Record a milestone on whichever the communicator chose (exactly one)."""
    if (proposal is None) == (dialogue is None):
        raise ValidationError(_("Välj antingen ett förslag eller en dialog."))
    if proposal is not None:
        codename = "change_milestone" if fields.get("milestone") else "add_milestone"
        if user is not None and not user.has_perm(f"proposals.{codename}"):
            raise PermissionDenied
        return record_proposal_milestone(proposal, user=user, notify=notify, **fields)
    return record_dialogue_milestone(dialogue, user=user, **fields)

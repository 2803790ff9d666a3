"""Politicians' responses: who may answer a proposal, and who may change an answer.

Only an administrator makes someone a politician (DESIGN.md invariant 8); a
response is signed from that grant and belongs to its author, who may correct it
for RESPONSE_EDIT_WINDOW_HOURS and no one else ever may (invariant 4)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.constants import RESPONSE_EDIT_WINDOW_HOURS, EntryKind, Status
from proposals.lifecycle.base import NotPermitted, ProposalAction
from proposals.lifecycle.trail import add_entry, correct, required_text
from proposals.models import FeedbackEntry, PoliticianProfile, Proposal

RESPONDABLE_STATUSES = {Status.REFERRED, Status.ANSWERED}


def politician_profile(user):
    """The user's politician profile if they may answer proposals, else None."""
    if (
        user is None
        or not user.is_authenticated
        or not user.has_perm("proposals.respond_to_proposal")
    ):
        return None
    return PoliticianProfile.objects.filter(user=user).first()


def proposals_for_politician(user):
    """Proposals referred to the committees the politician sits on."""
    profile = politician_profile(user)
    if profile is None:
        return Proposal.objects.none()
    return Proposal.objects.filter(
        status__in=RESPONDABLE_STATUSES,
        committee__in=profile.committees.all(),
    ).distinct()


def can_edit_response(entry, user, now=None):
    """Only its author, and only for 24 hours after posting it."""
    now = now or timezone.now()
    return (
        entry.kind == EntryKind.RESPONSE
        and user.is_authenticated
        and entry.author_id == user.pk
        and politician_profile(user) is not None
        and now - entry.created_at <= timedelta(hours=RESPONSE_EDIT_WINDOW_HOURS)
    )


class AddResponse(ProposalAction):
    """A politician answers a proposal referred to one of their committees; the
    response is signed with their name, party and role as they are today."""

    def __init__(self, proposal, *, user, text, notify=True):
        super().__init__(proposal, user=user, notify=notify)
        self.text = text
        self.profile = None

    def check(self, proposal=None, skip_permission_checks=False):
        self.profile = politician_profile(self.user)
        if self.profile is None:
            raise NotPermitted("not a politician")
        self.text = required_text(self.text, _("Skriv ditt svar."))
        proposal = self.proposal if proposal is None else proposal
        if (
            proposal.status not in RESPONDABLE_STATUSES
            or not self.profile.committees.filter(pk=proposal.committee_id).exists()
        ):
            raise NotPermitted("not referred to the politician's committees")

    def perform(self, locked):
        return add_entry(
            locked,
            EntryKind.RESPONSE,
            text=self.text,
            author=self.user,
            signed_by=self.profile.byline,
            **self.announced,
        )


def add_response(proposal, *, user, text, notify=True):
    return AddResponse(proposal, user=user, text=text, notify=notify).execute()


class EditResponse:
    """The politician corrects their own response within the 24-hour window."""

    def __init__(self, entry, *, user, text, now=None):
        self.entry = entry
        self.user = user
        self.text = text
        self.now = now

    def check(self, entry=None):
        if not can_edit_response(entry or self.entry, self.user, self.now):
            raise NotPermitted("only the author, within 24 hours")
        self.text = required_text(self.text, _("Skriv ditt svar."))

    @transaction.atomic
    def execute(self):
        entry = FeedbackEntry.objects.select_for_update().get(pk=self.entry.pk)
        self.check(entry)
        if self.text == entry.text:
            return entry
        return correct(entry, user=self.user, text=self.text)


def edit_response(entry, *, user, text, now=None):
    return EditResponse(entry, user=user, text=text, now=now).execute()

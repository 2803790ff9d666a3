"""What every lifecycle step shares: its errors, the row lock and the action class."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from wagtail.actions.base import BaseAction

from proposals.models import Proposal


class TransitionNotAllowed(Exception):
    """The proposal's status does not allow this change."""


class SigningClosed(Exception):
    """The proposal does not take signatures (any more)."""


class NotPermitted(PermissionDenied):
    """This user may not do this to this proposal or entry."""


def lock(proposal_or_id, *, with_box=True):
    """The proposal, its row locked until the transaction ends. Without the box
    for the confirmation, the hottest path: only a referral needs it, and then
    reads it."""
    pk = getattr(proposal_or_id, "pk", proposal_or_id)
    proposals = Proposal.objects.select_for_update(of=("self",))
    if with_box:
        proposals = proposals.select_related("box")
    return proposals.get(pk=pk)


def sync(original, locked):
    """Let the caller's instance see what the locked copy now holds."""
    if (
        original is not None
        and not isinstance(original, int)
        and original is not locked
    ):
        original.__dict__.update(
            {k: v for k, v in locked.__dict__.items() if not k.startswith("_")}
        )


def current_language():
    """The language of the request being served, stored for later e-mails."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    codes = {code for code, _name in settings.LANGUAGES}
    language = language.split("-")[0]
    return language if language in codes else settings.LANGUAGE_CODE


class ProposalAction(BaseAction):
    """One step a communicator, a politician or the system takes on a proposal.

    `user` is whoever acts (None for the system and for residents, who act through
    signed links); `notify=False` sends no e-mail about it (demo content).
    check() raises when this user may not take the step now; execute() checks
    again on the locked row and takes it in one transaction, so concurrent
    requests queue up instead of overwriting each other."""

    permission_policy_action = "change"
    permission_error_class = NotPermitted

    def __init__(self, proposal, *, user=None, notify=True):
        super().__init__(proposal, user=user)
        self.proposal = proposal
        self.notify = notify

    def check(self, proposal=None, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        self.check_state(self.proposal if proposal is None else proposal)

    def check_state(self, proposal):
        """Raise if the proposal's state or the given input rules the step out."""

    def perform(self, locked):
        """Take the step on the locked proposal; returns what execute() returns."""
        raise NotImplementedError

    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            locked = lock(self.proposal)
            self.check(locked, skip_permission_checks=skip_permission_checks)
            result = self.perform(locked)
            sync(self.proposal, locked)
        return result

    @property
    def announced(self):
        """Who acted and whether to tell anyone, as the signals carry them."""
        return {"user": self.user, "notify": self.notify}

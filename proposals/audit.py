"""The audit trail in Wagtail's history: who moved a proposal, and when.

Lifecycle functions record every transition and every cleared flag here. The
admin views say who is acting with `acting_as(user)`; anything else (cron
sweeps, the threshold being reached, residents' own actions) is recorded
without a user, which Wagtail shows as the system."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from proposals.constants import Status

_acting_user = ContextVar("proposals_acting_user", default=None)

SIGNATURE_CLEARED = "delaktig.signature_cleared"


def transition_action(status):
    return f"delaktig.proposal.{status}"


# (action, label, message) for Wagtail's log registry (see home/wagtail_hooks.py).
ACTIONS = [
    (
        transition_action(status),
        format_lazy(_("Förslaget fick status: {status}"), status=label),
        format_lazy(_("Förslaget fick status: {status}"), status=label),
    )
    for status, label in Status.choices
] + [
    (
        SIGNATURE_CLEARED,
        _("Flaggad underskrift godkänd"),
        _("En flaggad underskrift godkändes och räknas"),
    )
]


@contextmanager
def acting_as(user):
    token = _acting_user.set(user)
    try:
        yield
    finally:
        _acting_user.reset(token)


def record_transition(proposal, status):
    log(proposal, transition_action(status), user=_acting_user.get())


def record_cleared(signature):
    log(signature, SIGNATURE_CLEARED, user=_acting_user.get())

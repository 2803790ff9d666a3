"""The audit trail in Wagtail's history: who moved a proposal, and when.

proposals/receivers.py records here what the lifecycle announces: one entry per
action, with the acting user the action was given; the system (cron sweeps, the
threshold being reached, residents' own actions) acts without one, which Wagtail
shows as the system."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from proposals.admissibility.findings import RULES, for_proposal, rules_of
from proposals.constants import Status

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


# A moderator's decision keeps the rules the admissibility assistant saw fire.
MODERATED = {Status.OPEN, Status.REJECTED}
MODERATION_ACTIONS = {transition_action(status) for status in MODERATED}
ADMISSIBILITY = "admissibility"


class ModerationFormatter(LogFormatter):
    """A moderation decision in Wagtail's history, with the rules that fired (in
    the message: a snippet's history shows no comment column)."""

    def format_message(self, log_entry):
        rules = (log_entry.data or {}).get(ADMISSIBILITY)
        if rules is None:
            return self.message
        if not rules:
            advice = _("prövningsstödet hade inget att påpeka")
        else:
            labels = ", ".join(str(RULES[rule][0]) for rule in rules if rule in RULES)
            advice = _("prövningsstödet pekade på: %(rules)s") % {"rules": labels}
        return f"{self.message} ({advice})"


def formatter(action, label, message):
    """The formatter class Wagtail's log registry gets for an action."""
    base = ModerationFormatter if action in MODERATION_ACTIONS else LogFormatter
    return type("Formatter", (base,), {"label": label, "message": message})


def record_transition(proposal, status, user, old_status=None):
    data = None
    if old_status == Status.IN_MODERATION and status in MODERATED:
        data = {ADMISSIBILITY: rules_of(for_proposal(proposal))}
    log(proposal, transition_action(status), user=user, data=data)


def record_entry(entry, user):
    """A communicator or politician wrote or corrected a trail entry."""
    log(entry.proposal, "wagtail.edit", user=user)


def record_cleared(signature, user):
    log(signature, SIGNATURE_CLEARED, user=user)

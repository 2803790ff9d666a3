"""The feedback trail: writing entries, communicators' updates and corrections.

Every public step leaves a dated entry ("Återkoppla kontinuerligt", Kungsbacka's
handbook p. 19); entries are never rewritten silently: a correction keeps the
earlier wording and marks the entry "ändrad" (DESIGN.md invariant 4)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.constants import DecisionOutcome, EntryKind, Status
from proposals.lifecycle import announce
from proposals.lifecycle.base import NotPermitted, ProposalAction, TransitionNotAllowed
from proposals.models import FeedbackEntry, FeedbackEntryVersion, Proposal

# Where the municipality may still report progress.
UPDATABLE_STATUSES = {Status.OPEN, Status.REFERRED, Status.ANSWERED}
IMPLEMENTED_OUTCOMES = {DecisionOutcome.APPROVED, DecisionOutcome.PARTLY_APPROVED}
MAX_TEXT = 4000


def write_entry(proposal, kind, *, now=None, public=True, **fields):
    """Write a trail entry and keep "last feedback" current. The only place trail
    entries are created; the caller announces it."""
    now = now or timezone.now()
    entry = FeedbackEntry.objects.create(
        proposal=proposal, kind=kind, created_at=now, public=public, **fields
    )
    if public and (
        proposal.last_feedback_at is None or proposal.last_feedback_at < now
    ):
        proposal.last_feedback_at = now
        Proposal.objects.filter(pk=proposal.pk).update(last_feedback_at=now)
    return entry


def add_entry(proposal, kind, *, user=None, notify=True, by_signature=False, **fields):
    """Write an entry outside a status change and announce it (trail_entry_saved)."""
    entry = write_entry(proposal, kind, **fields)
    announce.entry_saved(entry, user=user, notify=notify, by_signature=by_signature)
    return entry


def required_text(text, message):
    text = (text or "").strip()
    if not text:
        raise ValidationError(message)
    if len(text) > MAX_TEXT:
        raise ValidationError(_("Texten får vara högst 4000 tecken."))
    return text


def correct(entry, *, user, note="", **changes):
    """Keep the earlier wording, change the entry, mark it "ändrad" and announce it."""
    FeedbackEntryVersion.objects.create(
        entry=entry,
        text=entry.text,
        fields={name: str(getattr(entry, name)) for name in changes if name != "text"},
        replaced_by=user,
        note=note,
    )
    for name, value in changes.items():
        setattr(entry, name, value)
    entry.edited_at = timezone.now()
    entry.save()
    announce.entry_saved(entry, user=user, notify=True, created=False)
    return entry


def text_edit_needs_reason(proposal, changed_fields):
    """A signed proposal's title or text is changed only with a public reason:
    the signers put their names to the words as they stood."""
    return proposal.signature_count > 0 and bool(
        {"title", "text"} & set(changed_fields)
    )


def record_text_edit(proposal, *, user, note, changed_fields):
    """After a communicator changed a signed, public proposal's wording: a public
    trail entry with the reason, which opted-in signers are told of."""
    if not (proposal.is_public and text_edit_needs_reason(proposal, changed_fields)):
        return None
    return add_entry(
        proposal, EntryKind.TEXT_CHANGED, text=note.strip(), author=user, user=user
    )


class AddStatusUpdate(ProposalAction):
    """A communicator tells residents where the proposal stands."""

    kind = EntryKind.STATUS_UPDATE
    missing_text = _("Skriv vad som har hänt.")

    def __init__(self, proposal, *, text, user=None, notify=True):
        super().__init__(proposal, user=user, notify=notify)
        self.text = text

    def check_state(self, proposal):
        self.text = required_text(self.text, self.missing_text)
        if proposal.status not in UPDATABLE_STATUSES:
            raise TransitionNotAllowed(f"no updates on a {proposal.status} proposal")

    def perform(self, locked):
        return add_entry(
            locked, self.kind, text=self.text, author=self.user, **self.announced
        )


class AddImplementationUpdate(AddStatusUpdate):
    """After a decision to do (part of) it: how far the work has come."""

    kind = EntryKind.IMPLEMENTATION
    missing_text = _("Skriv hur genomförandet går.")

    def check_state(self, proposal):
        self.text = required_text(self.text, self.missing_text)
        if (
            proposal.status != Status.ANSWERED
            or proposal.outcome not in IMPLEMENTED_OUTCOMES
        ):
            raise TransitionNotAllowed("nothing was decided to be implemented")


def add_status_update(proposal, *, text, user=None, notify=True):
    return AddStatusUpdate(proposal, text=text, user=user, notify=notify).execute()


def add_implementation_update(proposal, *, text, user=None, notify=True):
    return AddImplementationUpdate(
        proposal, text=text, user=user, notify=notify
    ).execute()


class CorrectEntry:
    """A communicator corrects a trail entry; a politician's response belongs to
    its author and is never changed by anyone else (DESIGN.md invariant 4)."""

    def __init__(self, entry, *, user, text, note=""):
        self.entry = entry
        self.user = user
        self.text = text
        self.note = note

    def check(self, entry=None):
        entry = entry or self.entry
        if self.user is not None and not self.user.has_perm(
            "proposals.change_feedbackentry"
        ):
            raise NotPermitted("may not correct trail entries")
        if entry.kind == EntryKind.RESPONSE:
            raise NotPermitted("a response is corrected by its author only")
        self.text = required_text(self.text, _("Skriv den rättade texten."))
        if not (self.note or "").strip():
            raise ValidationError(_("Ange varför texten ändras."))

    @transaction.atomic
    def execute(self):
        entry = FeedbackEntry.objects.select_for_update().get(pk=self.entry.pk)
        self.check(entry)
        return correct(
            entry, user=self.user, text=self.text, note=self.note.strip()[:200]
        )


def correct_entry(entry, *, user, text, note=""):
    return CorrectEntry(entry, user=user, text=text, note=note).execute()

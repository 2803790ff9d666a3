"""Fixed vocabularies of the suggestion box: statuses, reasons, sorts."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Inskickat, väntar på bekräftelse")
    IN_MODERATION = "in_moderation", _("Granskas")
    OPEN = "open", _("Öppet för underskrifter")
    REJECTED = "rejected", _("Avvisat")
    REFERRED = "referred", _("Lämnat till kommunen")
    CLOSED_UNSUPPORTED = "closed_unsupported", _("Avslutat utan tillräckligt stöd")
    ANSWERED = "answered", _("Besvarat")
    WITHDRAWN = "withdrawn", _("Återkallat")


# Statuses the public may see; a withdrawn proposal stays visible if it was ever open.
LISTED_STATUSES = [
    Status.OPEN,
    Status.REFERRED,
    Status.ANSWERED,
    Status.CLOSED_UNSUPPORTED,
]


class RejectionReason(models.TextChoices):
    OUTSIDE_REMIT = "outside_remit", _("Ligger utanför kommunens ansvar")
    OFFENSIVE = "offensive", _("Kränkande eller diskriminerande")
    PERSONAL_DATA = "personal_data", _("Innehåller personuppgifter om andra")
    COMMERCIAL = "commercial", _("Reklam eller kommersiellt innehåll")
    DUPLICATE = "duplicate", _("Samma som ett förslag som redan är öppet")
    RECENTLY_DECIDED = "recently_decided", _("Redan beslutat de senaste 12 månaderna")
    OTHER = "other", _("Annat skäl")


class DecisionOutcome(models.TextChoices):
    APPROVED = "approved", _("Bifall")
    PARTLY_APPROVED = "partly_approved", _("Delvis bifall")
    REJECTED = "rejected", _("Avslag")
    ANSWERED = "answered", _("Besvarad")


class Sort(models.TextChoices):
    MOST_SIGNED = "most_signed", _("Flest underskrifter")
    NEWEST = "newest", _("Nyast")
    CLOSING_SOON = "closing_soon", _("Stänger snart")
    RECENTLY_ANSWERED = "recently_answered", _("Senast besvarade")


class EntryKind(models.TextChoices):
    """What an entry in a proposal's trail records."""

    RECEIVED = "received", _("Mottaget")
    PUBLISHED = "published", _("Publicerat")
    REJECTED = "rejected", _("Avvisat")
    MILESTONE_HALF = "milestone_half", _("Halvvägs till tröskeln")
    MILESTONE_THRESHOLD = "milestone_threshold", _("Tröskeln nådd")
    REFERRED = "referred", _("Lämnat till nämnd")
    STATUS_UPDATE = "status_update", _("Lägesrapport")
    RESPONSE = "response", _("Svar från politiker")
    DECISION = "decision", _("Beslut")
    IMPLEMENTATION = "implementation", _("Genomförande")
    CLOSED = "closed", _("Avslutat")
    WITHDRAWN = "withdrawn", _("Återkallat")
    TEXT_CHANGED = "text_changed", _("Texten ändrad")
    PLAN_MILESTONE = "plan_milestone", _("Delmål i genomförandet")
    MILESTONE_DONE = "milestone_done", _("Delmål klart")


# Entries that answer a proposal: shown first on its page and on the front page.
ANSWER_KINDS = (EntryKind.RESPONSE, EntryKind.DECISION, EntryKind.IMPLEMENTATION)
# Entries co-signers who asked to be kept informed hear about.
SIGNER_NOTIFIED_KINDS = {
    EntryKind.REFERRED,
    EntryKind.RESPONSE,
    EntryKind.DECISION,
    EntryKind.CLOSED,  # signing ended without enough support
    EntryKind.WITHDRAWN,
    EntryKind.TEXT_CHANGED,  # what they signed was reworded
    EntryKind.PLAN_MILESTONE,  # what happens after the decision
    EntryKind.MILESTONE_DONE,
}
# Entries a politician's response window and a communicator's correction concern.
RESPONSE_EDIT_WINDOW_HOURS = 24


class SignatureMethod(models.TextChoices):
    """How a box (or one proposal) has signatures confirmed."""

    EMAIL = "email", _("E-post")
    EID = "eid", _("E-legitimation (BankID, Freja eID)")
    EITHER = "either", _("E-post eller e-legitimation")


class ConfirmedBy(models.TextChoices):
    """How one signature was confirmed (the signature log shows it too)."""

    EMAIL = "email", _("e-post")
    EID = "eid", _("e-legitimation")

"""What a rule finds, the rules by name, and the check that runs them all."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

PERSONAL_ID = "personal_id"
PHONE = "phone"
EMAIL = "email"
STREET_ADDRESS = "street_address"
PRIVATE_NAME = "private_name"
REMIT_REGION = "remit_region"
REMIT_STATE = "remit_state"
DUPLICATE = "duplicate"
OFFENSIVE = "offensive"

# rule → (label, what the moderator should consider)
RULES = {
    PERSONAL_ID: (
        _("Personnummer"),
        _("Ett personnummer eller samordningsnummer (kontrollsiffran stämmer)."),
    ),
    PHONE: (_("Telefonnummer"), _("Ett telefonnummer.")),
    EMAIL: (_("E-postadress"), _("En e-postadress.")),
    STREET_ADDRESS: (_("Gatuadress"), _("En gatuadress med nummer.")),
    PRIVATE_NAME: (
        _("Namn på privatperson"),
        _("Det ser ut som namnet på en privatperson."),
    ),
    REMIT_REGION: (
        _("Regionens ansvar"),
        _("Ämnet hör till regionen, till exempel vården eller kollektivtrafiken."),
    ),
    REMIT_STATE: (
        _("Statens ansvar"),
        _("Ämnet hör till staten, till exempel polisen, domstolarna eller skatterna."),
    ),
    DUPLICATE: (
        _("Möjlig dubblett"),
        _("Ett liknande förslag har behandlats de senaste 12 månaderna."),
    ),
    OFFENSIVE: (_("Kränkande språk"), _("Ett ord från listan över kränkande ord.")),
}


@dataclass(frozen=True)
class Finding:
    rule: str
    text: str  # what set it off, as written
    note: str = ""  # the word list's topic, or the duplicate's status
    url: str = ""  # a duplicate's page

    @property
    def label(self):
        return RULES[self.rule][0]

    @property
    def explanation(self):
        return RULES[self.rule][1]


def check(title, text, *, box=None, exclude_pk=None, lists=None, duplicates=True):
    """Every finding for a proposal's title and text, in the order of RULES.

    `lists` are the word lists (words.WordList); by default the box's own.
    Duplicates are looked for in the box unless `duplicates` is false."""
    from proposals.admissibility import duplicates as duplicate_rule
    from proposals.admissibility import personal, words

    whole = f"{title}\n{text}"
    if lists is None:
        lists = words.lists_of(box) if box is not None else []
    found = [*personal.findings(whole), *words.findings(whole, lists)]
    if duplicates and box is not None:
        found += duplicate_rule.findings(box, title, exclude_pk=exclude_pk)
    order = list(RULES)
    return sorted(found, key=lambda finding: order.index(finding.rule))


def for_proposal(proposal):
    return check(
        proposal.title, proposal.text, box=proposal.box, exclude_pk=proposal.pk
    )


def rules_of(findings):
    """The rules that fired, each once, for the audit log."""
    return sorted({finding.rule for finding in findings})

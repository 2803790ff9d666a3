"""How the admissibility assistant's rules did: how often each fired on a
moderated proposal, and how often the moderator then rejected the proposal (read
from the audit log's moderation decisions, proposals/audit.py)."""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from proposals.admissibility.findings import RULES
from proposals.audit import ADMISSIBILITY, transition_action
from proposals.constants import Status
from proposals.models import Proposal
from stats.sections import Section, Table, _chart_of_rows, no_data, whole

REJECTED = transition_action(Status.REJECTED)
DECISIONS = [transition_action(Status.OPEN), REJECTED]


def rule_agreement(year=None):
    """[(rule, label, fired, rejected)] for every rule, in the rules' order."""
    decisions = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Proposal),
        action__in=DECISIONS,
        data__has_key=ADMISSIBILITY,
    )
    if year is not None:
        decisions = decisions.filter(timestamp__year=year)
    fired, rejected = Counter(), Counter()
    for action, data in decisions.values_list("action", "data").iterator():
        for rule in set(data.get(ADMISSIBILITY) or []):
            fired[rule] += 1
            rejected[rule] += action == REJECTED
    return [
        (rule, label, fired[rule], rejected[rule])
        for rule, (label, _explanation) in RULES.items()
    ]


def agreement_section(year):
    heading = _("Prövningsstödets regler")
    table = Table(
        caption=heading,
        columns=[
            _("Regel"),
            _("Slog till"),
            _("Avvisade av handläggaren"),
            _("Andel som handläggaren höll med om"),
        ],
    )
    rows = []
    counted = rule_agreement(year)
    for _rule, label, fired, rejected in counted:
        share = round(100 * rejected / fired) if fired else None
        share_text = (
            number_format(share, decimal_pos=0) + "\u00a0%" if fired else no_data()
        )
        table.rows.append((str(label), [whole(fired), whole(rejected), share_text]))
        rows.append((str(label), share, share_text))
    return Section(
        "admissibility",
        heading,
        _(
            "Innan ett förslag publiceras pekar ett prövningsstöd ut sådant som "
            "kan göra det otillåtet: personuppgifter, frågor som regionen eller "
            "staten ansvarar för, liknande förslag och kränkande ord. Det är bara "
            "råd. Tabellen visar hur ofta varje regel slog till på ett granskat "
            "förslag och hur ofta handläggaren sedan avvisade förslaget."
        ),
        table,
        _chart_of_rows("admissibility", table.columns[3], rows),
        empty=not any(fired for _r, _l, fired, _x in counted),
    )

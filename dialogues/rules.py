"""The rules of resident dialogue, in one place. Views, admin forms, the comment
moderation policy and templates ask these functions; none decides a state itself.

The rules come from Kungsbacka's handbook in resident dialogue (2012) and
Huddinge's participation spectrum, see ../shared/seeds/."""

from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .choices import (
    INFORMATION_EXPLANATIONS,
    STATUS_EXPLANATIONS,
    InfluenceLevel,
    Status,
)

WEB_SURVEY_METHOD = "webbenkat"
PROPOSAL_METHOD = "forslagslada"

# Levels at which residents may comment: consultation and above (handbook p. 9).
COMMENT_LEVELS = frozenset(InfluenceLevel.values) - {InfluenceLevel.INFORMATION}

# Statuses after which the dialogue no longer takes part (process map, p. 10).
FINISHED_STATUSES = frozenset({Status.COMPILING, Status.FEEDBACK_GIVEN, Status.CLOSED})


def _has_text(value):
    return bool(strip_tags(value or "").strip())


def is_information(dialogue):
    """'Never call information dialogue' (handbook p. 9): information is one-way."""
    return dialogue.influence_level == InfluenceLevel.INFORMATION


def invites_participation(dialogue):
    """Whether the page may show any way to influence: comments, survey, proposals.

    A page at level information must not invite residents to influence anything."""
    return not is_information(dialogue)


def status_explanation(dialogue):
    """One sentence on where the dialogue stands; never "take part" on a page at
    the information step."""
    if is_information(dialogue) and dialogue.status in INFORMATION_EXPLANATIONS:
        return INFORMATION_EXPLANATIONS[dialogue.status]
    return STATUS_EXPLANATIONS.get(dialogue.status, "")


def is_open(dialogue):
    return dialogue.status == Status.OPEN


def comments_allowed(dialogue):
    """Residents comment at consultation and above, and only while the dialogue is
    open: after that there is no influence left to have (cirkeltid is over)."""
    return dialogue.influence_level in COMMENT_LEVELS and is_open(dialogue)


def comments_visible(dialogue):
    """Comments stay readable after closing; information pages never have any."""
    return dialogue.influence_level in COMMENT_LEVELS


def comment_needs_moderation(dialogue):
    """A comment that arrives (or is confirmed) after the dialogue closed is held
    for a moderator instead of being published."""
    return not is_open(dialogue)


def survey_allowed(dialogue):
    """A web survey belongs to a dialogue that uses the method 'webbenkät' and is
    above the information level."""
    if dialogue is None or is_information(dialogue):
        return False
    return any(method.slug == WEB_SURVEY_METHOD for method in dialogue.methods.all())


def survey_open(dialogue):
    """A survey takes answers only while its dialogue is open."""
    return survey_allowed(dialogue) and is_open(dialogue)


def shows_proposals(dialogue):
    """A dialogue that uses the method 'förslagslåda' and is above the information
    level shows the proposals residents linked to it."""
    if dialogue is None or is_information(dialogue):
        return False
    return any(method.slug == PROPOSAL_METHOD for method in dialogue.methods.all())


def takes_proposals(dialogue):
    """New proposals may be linked to such a dialogue only while it is open."""
    return shows_proposals(dialogue) and is_open(dialogue)


def shows_proposal_outcomes(dialogue):
    """After the dialogue ('ni sa, vi gjorde'): what became of its proposals."""
    return shows_proposals(dialogue) and dialogue.status in FINISHED_STATUSES


def dialogues_with_proposals():
    """Dialogues a communicator may link a proposal to."""
    from .models import DialoguePage

    return (
        DialoguePage.objects.filter(methods__slug=PROPOSAL_METHOD)
        .exclude(influence_level=InfluenceLevel.INFORMATION)
        .distinct()
        .order_by("title")
    )


def dialogues_taking_proposals():
    """Live dialogues a resident may submit a proposal to right now."""
    return dialogues_with_proposals().live().public().filter(status=Status.OPEN)


def registration_open(dialogue):
    """Residents may sign up for events while a participatory dialogue is planned
    or open; afterwards a registration link only leads nowhere."""
    return invites_participation(dialogue) and dialogue.status in (
        Status.PLANNED,
        Status.OPEN,
    )


def survey_link_errors(dialogue):
    """Why a survey cannot be linked to this dialogue (empty list if it can)."""
    if dialogue is None:
        return [_("En webbenkät måste ligga under en dialog.")]
    if is_information(dialogue):
        return [
            _(
                "En dialog på nivån information bjuder inte in till påverkan och "
                "kan inte ha en webbenkät."
            )
        ]
    if not survey_allowed(dialogue):
        return [
            _(
                "Dialogen använder inte metoden webbenkät. Lägg till metoden i "
                "dialogen innan du skapar en enkät."
            )
        ]
    return []


def dialogue_errors(dialogue):
    """Validation errors by field name, shown to editors in the admin.

    - `open` needs a question, what can and cannot be influenced, the responsible
      committee and an end date: 'var tydlig med vad som går att påverka' (p. 19).
    - `feedback_given` needs the feedback text: 'återkoppla kontinuerligt' (p. 19).
    """
    errors = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if dialogue.status == Status.OPEN:
        if not (dialogue.question or "").strip():
            add("question", _("En öppen dialog måste ha en fråga."))
        if not (
            _has_text(dialogue.open_to_influence) or _has_text(dialogue.fixed_frame)
        ):
            add(
                "open_to_influence",
                _(
                    "En öppen dialog måste beskriva vad som går att påverka eller "
                    "vilka ramar som inte går att påverka."
                ),
            )
        if dialogue.committee_id is None:
            add("committee", _("En öppen dialog måste ha en ansvarig nämnd."))
        if dialogue.end_date is None:
            add("end_date", _("En öppen dialog måste ha ett slutdatum."))
    if dialogue.status == Status.FEEDBACK_GIVEN and not _has_text(dialogue.feedback):
        add(
            "feedback",
            _("Status ”Återkopplad” kräver en återkoppling till deltagarna."),
        )
    if (
        dialogue.start_date
        and dialogue.end_date
        and dialogue.end_date < dialogue.start_date
    ):
        add("end_date", _("Slutdatumet kan inte vara före startdatumet."))
    return errors


def method_fits_level(method, level):
    """A method fits a level when the level lies within the method's ladder steps."""
    rank = InfluenceLevel.rank(level)
    return (
        InfluenceLevel.rank(method.lowest_level)
        <= rank
        <= InfluenceLevel.rank(method.highest_level)
    )


def method_mismatches(level, methods):
    """The methods that do not fit the chosen level, for the editor's warning."""
    return [method for method in methods if not method_fits_level(method, level)]


def method_warning(level, methods):
    """One sentence telling the editor which methods do not fit, or ''."""
    misfits = method_mismatches(level, methods)
    if not misfits:
        return ""
    return _(
        "Metoden %(methods)s passar inte nivån %(level)s på delaktighetstrappan. "
        "Välj en metod som passar nivån eller ändra nivån."
    ) % {
        "methods": ", ".join(str(method) for method in misfits),
        "level": InfluenceLevel(level).label.lower(),
    }


def order_for_listing(queryset):
    """Open dialogues first (closing soonest first), then planned (starting soonest
    first), then the rest, most recently ended first."""
    return queryset.annotate(
        status_rank=Case(
            When(status=Status.OPEN, then=Value(0)),
            When(status=Status.PLANNED, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        upcoming_date=Case(
            When(status=Status.OPEN, then=F("end_date")),
            When(status=Status.PLANNED, then=F("start_date")),
            default=None,
        ),
        past_date=Case(
            When(Q(status=Status.OPEN) | Q(status=Status.PLANNED), then=None),
            default=F("end_date"),
        ),
    ).order_by(
        "status_rank",
        F("upcoming_date").asc(nulls_last=True),
        F("past_date").desc(nulls_last=True),
        "title",
    )

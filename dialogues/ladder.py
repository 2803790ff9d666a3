"""The participation ladder as the handbooks describe it (Kungsbacka 2012, p. 9;
Huddinge's participation spectrum): what characterises each step, what residents
get, example methods, and one sentence telling a resident what it means for them."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .choices import InfluenceLevel


@dataclass(frozen=True)
class Step:
    level: str
    label: Promise
    characteristics: Promise
    verb: Promise
    example_methods: Promise
    explanation: Promise


STEPS = [
    Step(
        InfluenceLevel.INFORMATION,
        InfluenceLevel.INFORMATION.label,
        _("Envägskommunikation, enstaka frågor och svar."),
        _("veta"),
        _("Tidning, webb, trycksak, stormöte."),
        _(
            "Kommunen berättar om något som redan är bestämt. Du kan inte påverka, "
            "men du får veta vad som händer och varför."
        ),
    ),
    Step(
        InfluenceLevel.CONSULTATION,
        InfluenceLevel.CONSULTATION.label,
        _("Insamling av synpunkter, ofta vid ett enstaka tillfälle."),
        _("tycka"),
        _("Sms-enkät, webbenkät, fokusgrupp, samråd, områdesvandring."),
        _(
            "Kommunen vill veta vad du tycker. Dina synpunkter samlas in och blir "
            "underlag inför beslutet."
        ),
    ),
    Step(
        InfluenceLevel.DIALOGUE,
        InfluenceLevel.DIALOGUE.label,
        _("Utbyte av tankar, ofta som en serie av dialoger."),
        _("resonera"),
        _("Kafédialog, open space, dialogseminarium, dialoggrupp."),
        _(
            "Du resonerar med andra invånare och med förtroendevalda, ofta vid flera "
            "tillfällen, och era tankar blir underlag för beslutet."
        ),
    ),
    Step(
        InfluenceLevel.INFLUENCE,
        InfluenceLevel.INFLUENCE.label,
        _("Aktiviteter planeras och genomförs tillsammans."),
        _("genomföra"),
        _("Framtidsverkstad, arbetsgrupp."),
        _("Du planerar och genomför förändringen tillsammans med kommunen."),
    ),
    Step(
        InfluenceLevel.CO_DECISION,
        InfluenceLevel.CO_DECISION.label,
        _("Gemensamt beslutsfattande."),
        _("bestämma"),
        _("Rådslag."),
        _("Du är med och fattar beslutet tillsammans med de förtroendevalda."),
    ),
]

BY_LEVEL = {step.level: step for step in STEPS}


def step_for(level):
    """The ladder step for a level value (the information step if unknown)."""
    return BY_LEVEL.get(level, STEPS[0])

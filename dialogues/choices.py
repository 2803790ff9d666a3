"""The fixed vocabularies of resident dialogue: ladder levels, statuses, dimensions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InfluenceLevel(models.TextChoices):
    """The steps of the participation ladder (delaktighetstrappan), lowest first."""

    INFORMATION = "information", _("Information")
    CONSULTATION = "consultation", _("Konsultation")
    DIALOGUE = "dialogue", _("Dialog")
    INFLUENCE = "influence", _("Inflytande")
    CO_DECISION = "co_decision", _("Medbestämmande")

    @classmethod
    def rank(cls, value):
        """1 for information up to 5 for co-decision; 0 for an unknown value."""
        try:
            return cls.values.index(value) + 1
        except ValueError:
            return 0


class Status(models.TextChoices):
    """Where a dialogue is in its process: planned → open → compiling → … → closed."""

    PLANNED = "planned", _("Planerad")
    OPEN = "open", _("Öppen")
    COMPILING = "compiling", _("Sammanställs")
    FEEDBACK_GIVEN = "feedback_given", _("Återkopplad")
    CLOSED = "closed", _("Avslutad")


class DialogueKind(models.TextChoices):
    """Resident dialogue is led by politicians; service-user dialogue by officers."""

    RESIDENT = "resident", _("Invånardialog")
    SERVICE_USER = "service_user", _("Brukardialog")


class Degree(models.TextChoices):
    """High or low, for the two dimensions of a target group (affected, active)."""

    HIGH = "high", _("Mycket")
    LOW = "low", _("Lite")


STATUS_EXPLANATIONS = {
    Status.PLANNED: _("Dialogen är planerad och har inte börjat än."),
    Status.OPEN: _("Dialogen pågår. Nu kan du delta."),
    Status.COMPILING: _("Dialogen är avslutad och resultatet sammanställs."),
    Status.FEEDBACK_GIVEN: _(
        "Resultatet är sammanställt och återkopplat till deltagarna och invånarna."
    ),
    Status.CLOSED: _("Dialogen är avslutad."),
}
# An information page invites nobody to take part (rules.invites_participation).
INFORMATION_EXPLANATIONS = {
    Status.PLANNED: _("Informationen är planerad och publiceras snart."),
    Status.OPEN: _("Kommunen informerar om något som redan är bestämt."),
}

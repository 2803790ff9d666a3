"""What the open data holds. Each field's help_text is its documentation: the
OpenAPI description and the "Öppna data" page both read it from here."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dialogues.choices import DialogueKind, InfluenceLevel
from dialogues.choices import Status as DialogueStatus
from proposals.constants import DecisionOutcome, EntryKind
from proposals.constants import Status as ProposalStatus

from .text import plain_text

# A page's address; none when the page is not reachable on any site.
NULLABLE_URI = {"type": "string", "format": "uri", "nullable": True}

# Statuses a proposal in the open data can have (never unconfirmed or rejected).
PUBLIC_PROPOSAL_STATUSES = [
    (value, label)
    for value, label in ProposalStatus.choices
    if value
    not in (
        ProposalStatus.SUBMITTED,
        ProposalStatus.IN_MODERATION,
        ProposalStatus.REJECTED,
    )
]


class PlainTextField(serializers.CharField):
    """Rich text from a page, given as plain text (one line per paragraph)."""

    def to_representation(self, value):
        return plain_text(value)


@extend_schema_field(NULLABLE_URI)
class OptionalURLField(serializers.URLField):
    """A link that may be missing: null then, never "" (not a URI)."""

    def to_representation(self, value):
        return value or None


class NamedSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text=_("Kortnamn, används i filter."))
    name = serializers.CharField(help_text=_("Namn."))


class DialogueSerializer(serializers.Serializer):
    csv_excluded = ()

    id = serializers.IntegerField(help_text=_("Dialogens nummer."))
    title = serializers.CharField(help_text=_("Rubrik."))
    url = serializers.SerializerMethodField(help_text=_("Dialogens sida."))
    question = serializers.CharField(
        help_text=_("Frågan invånarna svarar på eller resonerar om.")
    )
    introduction = serializers.CharField(help_text=_("Ingress."))
    kind = serializers.ChoiceField(
        source="dialogue_kind",
        choices=DialogueKind.choices,
        help_text=_("Invånardialog eller brukardialog."),
    )
    status = serializers.ChoiceField(
        choices=DialogueStatus.choices,
        help_text=_(
            "Var dialogen är: planerad, öppen, sammanställs, återkopplad "
            "eller avslutad."
        ),
    )
    status_label = serializers.CharField(
        source="get_status_display", help_text=_("Status i klartext.")
    )
    influence_level = serializers.ChoiceField(
        choices=InfluenceLevel.choices,
        help_text=_(
            "Steget på delaktighetstrappan: information, konsultation, "
            "dialog, inflytande eller medbestämmande."
        ),
    )
    influence_level_label = serializers.CharField(
        source="get_influence_level_display", help_text=_("Steget i klartext.")
    )
    open_to_influence = PlainTextField(help_text=_("Det här kan invånarna påverka."))
    fixed_frame = PlainTextField(help_text=_("Det här går inte att påverka (ramarna)."))
    committee = NamedSerializer(
        allow_null=True, help_text=_("Nämnden som beslutar, om någon.")
    )
    methods = NamedSerializer(many=True, help_text=_("Metoder för att delta."))
    areas = NamedSerializer(many=True, help_text=_("Områden som dialogen gäller."))
    target_groups = NamedSerializer(many=True, help_text=_("Målgrupper."))
    start_date = serializers.DateField(allow_null=True, help_text=_("Startdatum."))
    end_date = serializers.DateField(allow_null=True, help_text=_("Slutdatum."))
    decision_planned_date = serializers.DateField(
        allow_null=True, help_text=_("När beslutet planeras.")
    )
    result = PlainTextField(help_text=_("Det sammanställda resultatet."))
    result_date = serializers.DateField(
        allow_null=True, help_text=_("När resultatet sammanställdes.")
    )
    feedback = PlainTextField(
        help_text=_("Återkopplingen till deltagare och invånare.")
    )
    feedback_date = serializers.DateField(
        allow_null=True, help_text=_("När kommunen återkopplade.")
    )
    decision = PlainTextField(help_text=_("Beslutet."))
    decision_date = serializers.DateField(allow_null=True, help_text=_("Beslutsdatum."))
    effect_on_decision = PlainTextField(
        help_text=_("Styreffekt: hur resultatet påverkade beslutet.")
    )
    first_published_at = serializers.DateTimeField(
        allow_null=True, help_text=_("När sidan publicerades första gången.")
    )
    last_published_at = serializers.DateTimeField(
        allow_null=True, help_text=_("När sidan senast publicerades.")
    )

    @extend_schema_field(NULLABLE_URI)
    def get_url(self, page):
        return page.get_full_url(request=self.context.get("request"))


class TrailEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("Händelsens nummer."))
    date = serializers.DateTimeField(source="created_at", help_text=_("Datum."))
    kind = serializers.ChoiceField(
        choices=EntryKind.choices, help_text=_("Vad händelsen gäller.")
    )
    kind_label = serializers.CharField(
        source="get_kind_display", help_text=_("Händelsens typ i klartext.")
    )
    status = serializers.ChoiceField(
        choices=ProposalStatus.choices,
        allow_blank=True,
        help_text=_("Förslagets nya status, om händelsen ändrade den."),
    )
    text = serializers.CharField(source="message", help_text=_("Texten."))
    author = serializers.SerializerMethodField(
        help_text=_(
            "Vem som står bakom: kommunen, eller politikerns namn, parti och roll."
        )
    )
    committee = NamedSerializer(allow_null=True, help_text=_("Nämnd."))
    case_number = serializers.CharField(help_text=_("Diarienummer."))
    handling_days = serializers.IntegerField(
        allow_null=True, help_text=_("Förväntad handläggningstid i dagar.")
    )
    outcome = serializers.ChoiceField(
        choices=DecisionOutcome.choices,
        allow_blank=True,
        help_text=_("Beslutet: bifall, delvis bifall, avslag eller besvarad."),
    )
    decided_on = serializers.DateField(allow_null=True, help_text=_("Beslutsdatum."))
    minutes_url = OptionalURLField(
        allow_null=True, help_text=_("Länk till protokollet.")
    )
    edited_at = serializers.DateTimeField(
        allow_null=True, help_text=_("När texten senast ändrades.")
    )

    def get_author(self, entry) -> str:
        return entry.byline(self.context["municipality"])


class ProposalSerializer(serializers.Serializer):
    csv_excluded = ("trail",)

    id = serializers.IntegerField(help_text=_("Förslagets nummer."))
    title = serializers.CharField(help_text=_("Rubrik."))
    text = serializers.CharField(help_text=_("Förslaget."))
    url = serializers.SerializerMethodField(help_text=_("Förslagets sida."))
    status = serializers.ChoiceField(
        choices=PUBLIC_PROPOSAL_STATUSES,
        help_text=_(
            "Öppet för underskrifter, lämnat till kommunen, besvarat, "
            "avslutat utan tillräckligt stöd eller återkallat."
        ),
    )
    status_label = serializers.CharField(
        source="get_status_display", help_text=_("Status i klartext.")
    )
    topic = NamedSerializer(help_text=_("Ämne."))
    area = serializers.CharField(
        source="area.slug", allow_null=True, help_text=_("Områdets kortnamn.")
    )
    area_label = serializers.CharField(
        source="area.name",
        allow_null=True,
        help_text=_("Området i klartext."),
    )
    signature_count = serializers.IntegerField(
        help_text=_("Antal bekräftade underskrifter.")
    )
    threshold = serializers.IntegerField(
        allow_null=True,
        help_text=_(
            "Antal underskrifter som behövs för att förslaget ska lämnas till kommunen."
        ),
    )
    submitted_at = serializers.DateTimeField(
        source="created_at", help_text=_("När förslaget skickades in.")
    )
    published_at = serializers.DateTimeField(
        source="opened_at", allow_null=True, help_text=_("När förslaget publicerades.")
    )
    signing_deadline = serializers.DateTimeField(
        allow_null=True, help_text=_("Sista dag att skriva under.")
    )
    referred_at = serializers.DateTimeField(
        allow_null=True, help_text=_("När förslaget lämnades till kommunen.")
    )
    answered_at = serializers.DateTimeField(
        allow_null=True, help_text=_("När kommunen besvarade förslaget.")
    )
    closed_at = serializers.DateTimeField(
        allow_null=True, help_text=_("När förslaget avslutades utan tillräckligt stöd.")
    )
    withdrawn_at = serializers.DateTimeField(
        allow_null=True, help_text=_("När förslaget återkallades.")
    )
    updated_at = serializers.DateTimeField(
        allow_null=True,
        help_text=_("Senaste offentliga händelse (eller publicering)."),
    )
    committee = NamedSerializer(
        allow_null=True, help_text=_("Nämnden som handlägger förslaget.")
    )
    case_number = serializers.CharField(help_text=_("Diarienummer."))
    outcome = serializers.ChoiceField(
        choices=DecisionOutcome.choices,
        allow_blank=True,
        help_text=_("Beslutet: bifall, delvis bifall, avslag eller besvarad."),
    )
    outcome_label = serializers.CharField(
        source="get_outcome_display", help_text=_("Beslutet i klartext.")
    )
    decision_url = OptionalURLField(allow_null=True, help_text=_("Länk till beslutet."))
    decided_on = serializers.DateField(allow_null=True, help_text=_("Beslutsdatum."))
    dialogue_id = serializers.IntegerField(
        allow_null=True, help_text=_("Dialogen som förslaget lämnades i, om någon.")
    )
    trail = TrailEntrySerializer(
        source="public_trail",
        many=True,
        help_text=_("Vad som har hänt med förslaget, äldst först."),
    )

    @extend_schema_field(NULLABLE_URI)
    def get_url(self, proposal):
        box = proposal.box
        box_url = box.get_full_url(request=self.context.get("request"))
        if box_url is None:
            return None
        return box_url + box.reverse_subpage("proposal_view", args=[proposal.pk])

"""Open data of "Ni sa – vi gjorde": per decided dialogue and answered proposal,
what residents said, what was decided and the milestones after. Public fields
only (never an e-mail address, an IP address or a signer's name)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from municipality import site_address
from proposals import accountability
from proposals.accountability_forms import OutcomeFilterForm
from proposals.models import Proposal

from .csv import LIST_SEPARATOR
from .text import plain_text
from .views import BAD_FILTER, CSV_RESPONSES, CSVMixin, OpenDataViewSet

# The API's parameter names for the page's Swedish ones.
PARAMETERS = {"area": "omrade", "committee": "namnd", "year": "ar", "outcome": "utfall"}


FILTER_HELP = {
    "area": _("Områdets kortnamn."),
    "committee": _("Nämndens kortnamn."),
    "year": _("År för beslutet."),
    "outcome": _("Utfallet."),
}


def filter_documentation():
    """The filters as the "Öppna data" page lists them."""
    form = OutcomeFilterForm()
    rows = []
    for name, swedish in PARAMETERS.items():
        field = form.fields[swedish]
        choices = []
        if name == "outcome":
            choices = [(code, label) for code, label in field.choices if code]
        rows.append(
            {
                "name": name,
                "type": _("heltal") if name == "year" else _("kod"),
                "description": FILTER_HELP[name],
                "choices": choices,
            }
        )
    return rows


class MilestoneSerializer(serializers.Serializer):
    title = serializers.CharField(help_text=_("Delmålet."))
    planned_on = serializers.DateField(help_text=_("Planerat klart."))
    done_on = serializers.DateField(help_text=_("Klart (tomt om inte klart)."))
    note = serializers.CharField(help_text=_("Kommentar."))


class OutcomeSerializer(serializers.Serializer):
    csv_excluded = ("milestones",)

    kind = serializers.ChoiceField(
        choices=[
            ("dialogue", _("Dialog")),
            ("proposal", pgettext_lazy("sort av post", "Förslag")),
        ],
        help_text=_("Dialog eller förslag."),
    )
    title = serializers.CharField(help_text=_("Rubrik."))
    url = serializers.SerializerMethodField(help_text=_("Sidan på webbplatsen."))
    committee = serializers.CharField(help_text=_("Nämnden som beslutade."))
    areas = serializers.ListField(
        child=serializers.CharField(), help_text=_("Områden det gäller.")
    )
    residents_said = serializers.SerializerMethodField(
        help_text=_("Vad invånarna sa: dialogens resultat eller förslagets text.")
    )
    signatures = serializers.IntegerField(
        allow_null=True, help_text=_("Underskrifter (förslag).")
    )
    decision = serializers.SerializerMethodField(
        help_text=_("Beslutet (dialoger), som text.")
    )
    outcome = serializers.CharField(
        help_text=_(
            "Utfall: approved, partly_approved, rejected, answered (förslag) eller "
            "dialogue."
        )
    )
    decided_on = serializers.DateField(allow_null=True, help_text=_("Beslutsdatum."))
    minutes_url = serializers.CharField(help_text=_("Länk till protokollet."))
    promise_state = serializers.SerializerMethodField(
        help_text=_(
            "Dialogens löfte: pending, kept, kept_late, not_kept eller overdue "
            "(tomt utan löfte)."
        )
    )
    milestones = MilestoneSerializer(many=True, help_text=_("Delmål."))
    milestones_text = serializers.SerializerMethodField(
        help_text=_("Delmålen som text: delmål (planerat, klart).")
    )

    def get_url(self, row) -> str:
        return site_address.absolute(row.url, self.context.get("request"))

    def get_residents_said(self, row) -> str:
        return plain_text(row.said) if row.kind == "dialogue" else row.said

    def get_decision(self, row) -> str:
        return plain_text(row.decision)

    def get_promise_state(self, row) -> str:
        return getattr(row.promise, "state", "") or ""

    def get_milestones_text(self, row) -> str:
        return LIST_SEPARATOR.join(
            f"{m.title} ({m.planned_on}, {m.done_on or '-'})" for m in row.milestones
        )


@extend_schema_view(
    list=extend_schema(
        summary=_("Ni sa – vi gjorde"),
        description=_(
            "Dialoger med återkoppling eller beslut och besvarade förslag: vad "
            "invånarna sa, vad som beslutades och delmålen efter beslutet. Filter: "
            "area, committee (kortnamn), year, outcome."
        ),
        responses={200: OutcomeSerializer(many=True), 400: BAD_FILTER},
    )
)
class OutcomeViewSet(OpenDataViewSet):
    queryset = Proposal.objects.none()  # for the OpenAPI description only
    serializer_class = OutcomeSerializer

    def list(self, request):
        form = OutcomeFilterForm(
            {
                swedish: request.query_params.get(name, "")
                for name, swedish in PARAMETERS.items()
            }
        )
        if not form.is_valid():
            raise ValidationError(
                {
                    name: form.errors[swedish]
                    for name, swedish in PARAMETERS.items()
                    if swedish in form.errors
                }
            )
        rows = accountability.outcomes(request, form.filters())
        page = self.paginate_queryset(rows)
        if page is not None:
            return self.get_paginated_response(
                self.get_serializer(page, many=True).data
            )
        return Response(self.get_serializer(rows, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary=_("Ni sa – vi gjorde som CSV"),
        operation_id="you_said_we_did_csv",
        responses=CSV_RESPONSES,
    )
)
class OutcomeCSVViewSet(CSVMixin, OutcomeViewSet):
    csv_filename = "ni-sa-vi-gjorde.csv"

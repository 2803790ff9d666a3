"""The read-only open data API: lists, single items and CSV files."""

from django.http import JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.renderers import JSONRenderer

from dialogues.models import DialoguePage
from municipality.models import MunicipalitySettings
from proposals.models import Proposal

from . import queries
from .csv import CSVRenderer
from .filters import DialogueFilter, ProposalFilter
from .negotiation import FixedFormat
from .serializers import DialogueSerializer, ProposalSerializer

# Item numbers in addresses: digits only, so nothing overflows the database.
ID_PATTERN = r"[0-9]{1,18}"


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("Vad som gick fel."))


BAD_FILTER = OpenApiResponse(
    description=_(
        "Ett filter har ett ogiltigt värde. Svaret har ett felmeddelande per "
        'parameter, t.ex. {"status": ["..."]}.'
    ),
    response=OpenApiTypes.OBJECT,
)
NOT_FOUND = OpenApiResponse(description=_("Finns inte."), response=ErrorSerializer)
ID_PARAMETER = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description=_("Postens nummer.")
)


class OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    content_negotiation_class = FixedFormat
    renderer_classes = [JSONRenderer]
    lookup_value_regex = ID_PATTERN

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["municipality"] = MunicipalitySettings.for_request(self.request).name
        return context


class CSVMixin:
    """The whole filtered list as one CSV file; errors still come as JSON."""

    renderer_classes = [CSVRenderer]
    pagination_class = None
    csv_filename = ""

    def finalize_response(self, request, response, *args, **kwargs):
        if getattr(response, "exception", False):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        response = super().finalize_response(request, response, *args, **kwargs)
        if not getattr(response, "exception", False):
            response["Content-Disposition"] = (
                f'attachment; filename="{self.csv_filename}"'
            )
        return response


CSV_RESPONSES = {
    (200, "text/csv"): OpenApiResponse(
        response=OpenApiTypes.STR,
        description=_(
            "CSV i UTF-8 med BOM, komma som avgränsare, en rad per post. "
            "Kolumnerna är desamma som fälten i JSON."
        ),
    ),
    (400, "application/json"): BAD_FILTER,
}


@extend_schema_view(
    list=extend_schema(
        summary=_("Dialoger"),
        description=_("Publicerade dialoger, nyaste först."),
        responses={200: DialogueSerializer(many=True), 400: BAD_FILTER},
    ),
    retrieve=extend_schema(
        summary=_("En dialog"),
        parameters=[ID_PARAMETER],
        responses={200: DialogueSerializer, 404: NOT_FOUND},
    ),
)
class DialogueViewSet(OpenDataViewSet):
    queryset = DialoguePage.objects.none()  # for the OpenAPI description only
    serializer_class = DialogueSerializer
    filterset_class = DialogueFilter

    def get_queryset(self):
        return queries.dialogues()


@extend_schema_view(
    list=extend_schema(
        summary=_("Förslag"),
        description=_(
            "Publicerade förslag med sina offentliga händelser, nyaste först. "
            "Förslag som väntar på bekräftelse, granskas eller har avvisats finns "
            "aldrig med."
        ),
        responses={200: ProposalSerializer(many=True), 400: BAD_FILTER},
    ),
    retrieve=extend_schema(
        summary=_("Ett förslag"),
        parameters=[ID_PARAMETER],
        responses={200: ProposalSerializer, 404: NOT_FOUND},
    ),
)
class ProposalViewSet(OpenDataViewSet):
    queryset = Proposal.objects.none()  # for the OpenAPI description only
    serializer_class = ProposalSerializer
    filterset_class = ProposalFilter

    def get_queryset(self):
        return queries.proposals()


@extend_schema_view(
    list=extend_schema(
        summary=_("Dialoger som CSV"),
        operation_id="dialogues_csv",
        tags=["dialogues"],
        responses=CSV_RESPONSES,
    )
)
class DialogueCSVViewSet(CSVMixin, DialogueViewSet):
    csv_filename = "dialoger.csv"


@extend_schema_view(
    list=extend_schema(
        summary=_("Förslag som CSV"),
        operation_id="proposals_csv",
        tags=["proposals"],
        responses=CSV_RESPONSES,
    )
)
class ProposalCSVViewSet(CSVMixin, ProposalViewSet):
    csv_filename = "forslag.csv"


def page_not_found(request, exception):
    """The site's 404 handler: JSON under /api/ (an unknown address or an item
    number outside the pattern), the site's own page everywhere else."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": gettext("Finns inte.")}, status=404)
    return defaults.page_not_found(request, exception)

"""The documentation on the "Öppna data" page, read from the serializers and
filters themselves so the page and the OpenAPI description say the same."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from municipality import site_address

from . import you_said_we_did
from .csv import LIST_SEPARATOR, csv_columns
from .filters import DialogueFilter, IdFilter, ProposalFilter, SinceFilter
from .pagination import DEFAULT_LIMIT, MAX_LIMIT
from .serializers import (
    DialogueSerializer,
    NamedSerializer,
    ProposalSerializer,
    TrailEntrySerializer,
)

LICENCE = {
    "name": _("CC0 1.0 Universell"),
    "url": _("https://creativecommons.org/publicdomain/zero/1.0/deed.sv"),
}


def _type(field):
    """The field's kind of value, in words."""
    if isinstance(field, serializers.ListSerializer):
        return _("lista")
    if isinstance(field, serializers.Serializer):
        return _("objekt")
    if isinstance(field, serializers.ChoiceField):
        return _("kod")
    if isinstance(field, serializers.IntegerField):
        return _("heltal")
    if isinstance(field, serializers.DateTimeField):
        return _("tidpunkt")
    if isinstance(field, serializers.DateField):
        return _("datum")
    if isinstance(field, serializers.URLField | serializers.SerializerMethodField):
        return _("adress")
    return _("text")


def fields(serializer_class):
    rows = []
    for name, field in serializer_class().fields.items():
        choices = getattr(field, "choices", None) or {}
        rows.append(
            {
                "name": name,
                "type": _type(field),
                "description": field.help_text,
                "nullable": field.allow_null,
                "choices": [(code, label) for code, label in choices.items() if code],
            }
        )
    return rows


def _filter_type(item):
    if isinstance(item, SinceFilter):
        return _("tidpunkt")
    if isinstance(item, IdFilter):
        return _("heltal")
    return _("kod")


def filters(filterset_class):
    rows = []
    for name, item in filterset_class.base_filters.items():
        choices = item.extra.get("choices") or []
        rows.append(
            {
                "name": name,
                "type": _filter_type(item),
                "description": item.extra.get("help_text", ""),
                "choices": [(code, label) for code, label in choices if code],
            }
        )
    return rows


def _absolute(request, name, **kwargs):
    return site_address.absolute(reverse(f"opendata:{name}", kwargs=kwargs), request)


def documentation(request):
    return {
        "licence": LICENCE,
        "schema_url": _absolute(request, "schema"),
        "default_limit": DEFAULT_LIMIT,
        "max_limit": MAX_LIMIT,
        "list_separator": LIST_SEPARATOR.strip(),
        "datasets": [
            {
                "key": "dialogues",
                "title": _("Dialoger"),
                "list_url": _absolute(request, "dialogue-list"),
                "detail_url": _absolute(request, "dialogue-detail", pk=1),
                "csv_url": _absolute(request, "dialogue-csv"),
                "fields": fields(DialogueSerializer),
                "filters": filters(DialogueFilter),
                "csv_columns": csv_columns(DialogueSerializer),
            },
            {
                "key": "proposals",
                "title": _("Förslag"),
                "list_url": _absolute(request, "proposal-list"),
                "detail_url": _absolute(request, "proposal-detail", pk=1),
                "csv_url": _absolute(request, "proposal-csv"),
                "fields": fields(ProposalSerializer),
                "filters": filters(ProposalFilter),
                "csv_columns": csv_columns(ProposalSerializer),
            },
            {
                "key": "you-said-we-did",
                "title": _("Ni sa – vi gjorde"),
                "list_url": _absolute(request, "outcome-list"),
                "detail_url": "",
                "csv_url": _absolute(request, "outcome-csv"),
                "fields": fields(you_said_we_did.OutcomeSerializer),
                "filters": you_said_we_did.filter_documentation(),
                "csv_columns": csv_columns(you_said_we_did.OutcomeSerializer),
            },
        ],
        "trail_fields": fields(TrailEntrySerializer),
        "named_fields": fields(NamedSerializer),
    }

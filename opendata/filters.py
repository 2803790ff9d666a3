"""The filters of the open data. Each filter's help_text is its documentation."""

from datetime import UTC

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from dialogues.choices import InfluenceLevel
from dialogues.choices import Status as DialogueStatus
from dialogues.models import DialogueMethod, DialoguePage, TargetGroup
from municipality.models import Area, Committee
from proposals.models import Proposal, Topic

from .serializers import PUBLIC_PROPOSAL_STATUSES


class SinceField(IsoDateTimeField):
    """An ISO 8601 moment, in UTC, within the years a database can store.

    In UTC because Python allows offsets up to ±24 hours and PostgreSQL only
    up to ±16."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:
            moment = None
        if moment is None or not 2 <= moment.year <= 9998:
            raise ValidationError(
                _("Ange en tidpunkt mellan år 2 och år 9998."), code="invalid"
            )
        return moment


class SinceFilter(django_filters.IsoDateTimeFilter):
    field_class = SinceField


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def _by_slug(queryset, field_name, help_text):
    return django_filters.ModelChoiceFilter(
        queryset=queryset,
        field_name=field_name,
        to_field_name="slug",
        help_text=help_text,
    )


class DialogueFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=DialogueStatus.choices, help_text=_("Dialogens status.")
    )
    level = django_filters.ChoiceFilter(
        field_name="influence_level",
        choices=InfluenceLevel.choices,
        help_text=_("Steget på delaktighetstrappan."),
    )
    committee = _by_slug(Committee.objects.all(), "committee", _("Nämndens kortnamn."))
    area = _by_slug(Area.objects.all(), "areas", _("Områdets kortnamn."))
    method = _by_slug(DialogueMethod.objects.all(), "methods", _("Metodens kortnamn."))
    target_group = _by_slug(
        TargetGroup.objects.all(), "target_groups", _("Målgruppens kortnamn.")
    )

    class Meta:
        model = DialoguePage
        fields = []


class ProposalFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=PUBLIC_PROPOSAL_STATUSES, help_text=_("Förslagets status.")
    )
    topic = _by_slug(Topic.objects.all(), "topic", _("Ämnets kortnamn."))
    area = _by_slug(Area.objects.all(), "area", _("Områdets kortnamn."))
    committee = _by_slug(Committee.objects.all(), "committee", _("Nämndens kortnamn."))
    dialogue = IdFilter(
        field_name="dialogue_id",
        min_value=1,
        max_value=2**62,
        help_text=_("Dialogens nummer."),
    )
    updated_since = SinceFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text=_(
            "Bara förslag med en offentlig händelse från och med denna "
            "tidpunkt (ISO 8601, t.ex. 2026-05-01T00:00:00+02:00)."
        ),
    )
    submitted_since = SinceFilter(
        field_name="created_at",
        lookup_expr="gte",
        help_text=_("Bara förslag inskickade från och med denna tidpunkt (ISO 8601)."),
    )

    class Meta:
        model = Proposal
        fields = []

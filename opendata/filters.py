"""The filters of the open data. Each filter's help_text is its documentation."""

from datetime import UTC, datetime

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field

from dialogues.choices import InfluenceLevel
from dialogues.choices import Status as DialogueStatus
from dialogues.models import DialoguePage
from proposals.models import Proposal

from .serializers import PUBLIC_PROPOSAL_STATUSES


class SinceField(IsoDateTimeField):
    """An ISO 8601 moment, in UTC, moved into the years a database can store.

    Every moment the description allows is accepted: "since year 1" is since the
    earliest moment stored, "since 9999" matches nothing, as they would. In UTC
    because Python allows offsets up to ±24 hours and PostgreSQL only up to ±16."""

    EARLIEST = datetime(2, 1, 1, tzinfo=UTC)
    LATEST = datetime(9998, 12, 31, tzinfo=UTC)

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:
            return self.EARLIEST if moment.year < 5000 else self.LATEST
        return min(max(moment, self.EARLIEST), self.LATEST)


class SinceFilter(django_filters.IsoDateTimeFilter):
    field_class = SinceField


ID_MAX = 2**62


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": ID_MAX})
class IdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


# What the schema promises of a slug parameter is what the filter accepts: a
# well-formed slug that names nothing matches nothing (an empty list, not a 400).
SLUG_MAX_LENGTH = 150


@extend_schema_field(
    {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": SLUG_MAX_LENGTH}
)
class SlugFilter(django_filters.CharFilter):
    field_class = forms.SlugField


def _by_slug(field_name, help_text):
    return SlugFilter(
        field_name=f"{field_name}__slug",
        max_length=SLUG_MAX_LENGTH,
        help_text=help_text,
    )


class OpenDataFilterSet(django_filters.FilterSet):
    """django-filter ignores an empty parameter; here it is an error, as the
    description (which allows no empty values) says."""

    def is_valid(self):
        valid = super().is_valid()
        for name in self.filters:
            if "" in self.data.getlist(name, []):
                self.form.add_error(
                    name, _("Ange ett värde, eller utelämna parametern.")
                )
                valid = False
        return valid


class DialogueFilter(OpenDataFilterSet):
    status = django_filters.ChoiceFilter(
        choices=DialogueStatus.choices, help_text=_("Dialogens status.")
    )
    level = django_filters.ChoiceFilter(
        field_name="influence_level",
        choices=InfluenceLevel.choices,
        help_text=_("Steget på delaktighetstrappan."),
    )
    committee = _by_slug("committee", _("Nämndens kortnamn."))
    area = _by_slug("areas", _("Områdets kortnamn."))
    method = _by_slug("methods", _("Metodens kortnamn."))
    target_group = _by_slug("target_groups", _("Målgruppens kortnamn."))

    class Meta:
        model = DialoguePage
        fields = []


class ProposalFilter(OpenDataFilterSet):
    status = django_filters.ChoiceFilter(
        choices=PUBLIC_PROPOSAL_STATUSES, help_text=_("Förslagets status.")
    )
    topic = _by_slug("topic", _("Ämnets kortnamn."))
    area = _by_slug("area", _("Områdets kortnamn."))
    committee = _by_slug("committee", _("Nämndens kortnamn."))
    dialogue = IdFilter(
        field_name="dialogue_id",
        min_value=1,
        max_value=ID_MAX,
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

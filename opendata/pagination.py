"""Pages of results: ?limit= and ?offset=, at most MAX_LIMIT items a page.

A value the description does not allow (not a whole number, empty, a negative
offset, a limit outside 1–MAX_LIMIT) is a 400 naming the parameter, as for the
filters, rather than silently becoming the default."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Far past any real listing; keeps a huge ?offset= from overflowing the database.
MAX_OFFSET = 2**31 - 1


class OpenDataPagination(LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        if self.limit_query_param not in request.query_params:
            return self.default_limit
        return self._number(request, self.limit_query_param, 1, self.max_limit)

    def get_offset(self, request):
        if self.offset_query_param not in request.query_params:
            return 0
        # Past any real listing a huge offset is simply past the end (an empty page).
        return min(self._number(request, self.offset_query_param, 0), MAX_OFFSET)

    @staticmethod
    def _number(request, name, minimum, maximum=None):
        value = request.query_params.get(name, "").strip()
        number = int(value) if value.isascii() and value.isdigit() else None
        if number is None or number < minimum or (maximum and number > maximum):
            message = (
                _("Ange ett heltal från %(min)s till %(max)s.")
                % {"min": minimum, "max": maximum}
                if maximum
                else _("Ange ett heltal från %(min)s.") % {"min": minimum}
            )
            raise ValidationError({name: [message]})
        return number

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.limit_query_param,
                "required": False,
                "in": "query",
                "description": str(
                    _("Antal poster per sida (normalt %(default)s, högst %(max)s).")
                    % {"default": DEFAULT_LIMIT, "max": MAX_LIMIT}
                ),
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
            },
            {
                "name": self.offset_query_param,
                "required": False,
                "in": "query",
                "description": str(_("Antal poster att hoppa över.")),
                "schema": {"type": "integer", "minimum": 0},
            },
        ]

    def get_paginated_response_schema(self, schema):
        """The library's schema, without its example links to api.example.org."""
        paginated = super().get_paginated_response_schema(schema)
        for name in ("next", "previous"):
            paginated["properties"][name].pop("example", None)
        return paginated

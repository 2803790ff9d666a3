"""Pages of results: ?limit= and ?offset=, at most MAX_LIMIT items a page."""

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Far past any real listing; keeps a huge ?offset= from overflowing the database.
MAX_OFFSET = 2**31 - 1


class OpenDataPagination(LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT

    def get_offset(self, request):
        return min(super().get_offset(request), MAX_OFFSET)

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

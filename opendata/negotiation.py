"""Each address gives one format (JSON, or CSV for the .csv files) whatever the
Accept header says, so a client never gets 406."""

from rest_framework.negotiation import BaseContentNegotiation


class FixedFormat(BaseContentNegotiation):
    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        renderer = renderers[0]
        return renderer, renderer.media_type

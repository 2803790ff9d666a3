"""CSV files of the open data: UTF-8 with a byte-order mark (so Excel shows å, ä, ö),
one row per item, and no cell that a spreadsheet would run as a formula."""

import csv
import io

from rest_framework.renderers import BaseRenderer

from municipality.spreadsheet import safe_cell

LIST_SEPARATOR = "; "


def flat(value):
    """One cell for a JSON value: a named object by its name, a list joined."""
    if isinstance(value, dict):
        return value.get("name", "")
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(flat(item)) for item in value)
    return value


def csv_columns(serializer_class):
    """The CSV columns: the serializer's fields, without nested lists of objects."""
    fields = serializer_class().fields
    return [name for name in fields if name not in serializer_class.csv_excluded]


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = renderer_context["view"]
        columns = csv_columns(view.serializer_class)
        rows = data if isinstance(data, list) else [data]
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([safe_cell(flat(row.get(name))) for name in columns])
        return buffer.getvalue().encode("utf-8")

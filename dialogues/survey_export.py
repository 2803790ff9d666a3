"""The survey answers as the municipality opens them: a CSV file Excel reads
with å, ä and ö (a byte order mark first), times in Swedish local time, and no
answer a spreadsheet would run as a formula (Wagtail guards only its XLSX export)."""

import datetime

from django.utils import timezone
from wagtail.contrib.forms.views import SubmissionsListView

from municipality.spreadsheet import safe_cell

BYTE_ORDER_MARK = "\ufeff"


def _local(value):
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d %H:%M")


class SurveySubmissionsView(SubmissionsListView):
    custom_value_preprocess = {
        **SubmissionsListView.custom_value_preprocess,
        datetime.datetime: {
            **SubmissionsListView.custom_value_preprocess.get(datetime.datetime, {}),
            SubmissionsListView.FORMAT_CSV: _local,
        },
    }

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: safe_cell(
                    self.preprocess_field_value(field, value, self.FORMAT_CSV)
                )
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        yield BYTE_ORDER_MARK
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

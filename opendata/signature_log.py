"""The verifiable signature log of a public proposal as a CSV download
(proposals/signature_log.py has the format; the README how to check it)."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import condition, require_safe

from proposals import signature_log
from proposals.models import Proposal

# Anyone may keep a copy for a minute; the chain head is the ETag, so a client
# asking again gets "304 Not Modified" until a signature changes the log.
MAX_AGE = 60


def _public_id(pk):
    if not Proposal.objects.public().filter(pk=pk).exists():
        raise Http404
    return int(pk)


def _etag(request, pk):
    return signature_log.head(_public_id(pk))[1]


@require_safe
@condition(etag_func=_etag)
def download(request, pk):
    proposal_id = _public_id(pk)
    response = HttpResponse(
        signature_log.csv_text(proposal_id), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="underskriftslogg-{proposal_id}.csv"'
    )
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response

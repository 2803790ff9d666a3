"""Site search over published pages."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from .swedish import build_query

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()
    error = ""
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Sökfrågan är för lång. Använd högst %(max)s tecken.") % {
            "max": MAX_QUERY_LENGTH
        }
    elif query and (search_query := build_query(query)) is not None:
        results = Page.objects.live().public().specific().search(search_query)
    page_obj = None
    if results is not None:
        paginator = Paginator(results, RESULTS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
    status = 400 if error else 200
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "error": error, "page_obj": page_obj},
        status=status,
    )

"""Site search over dialogues, other published pages and public proposals."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Site

from municipality.swedish import expand

from .forms import SearchForm
from .results import describe, find

RESULTS_PER_PAGE = 10


def search(request):
    """The search page; filters and pages are plain GET parameters (no script)."""
    form = SearchForm(request.GET)
    context = {"form": form, "query": "", "page_obj": None, "results": []}
    if not form.is_valid():
        context["query"] = form.data["q"].strip()
        return TemplateResponse(request, "search/search.html", context, status=400)
    query = form.cleaned_data["q"]
    context["query"] = query
    filters = {
        "kind": form.cleaned_data["typ"],
        "status": form.cleaned_data["status"],
    }
    context["filtered"] = any(filters.values())
    if query:
        expanded = expand(query)
        hits, truncated = [], False
        if expanded:
            outcome = find(expanded, site=Site.find_for_request(request), **filters)
            hits, truncated = outcome.hits, outcome.truncated
        page_obj = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            page_obj=page_obj,
            truncated=truncated,
            results=describe(page_obj.object_list, request, expanded),
        )
    return TemplateResponse(request, "search/search.html", context)

"""The public accountability pages: "Försenade svar" with its feed, and
"Ni sa – vi gjorde"."""

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from municipality.site_address import absolute
from proposals import accountability
from proposals.accountability_forms import OutcomeFilterForm

PER_PAGE = 20


def overdue(request):
    items = accountability.overdue_items(request)
    context = {
        "groups": accountability.by_committee(items),
        "count": len(items),
        "feed_url": reverse("overdue_feed"),
    }
    return TemplateResponse(request, "proposals/overdue.html", context)


class OverdueFeed(Feed):
    """Everything past its promised date, oldest first; public fields only."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Försenade svar")

    def subtitle(self):
        return _(
            "Förslag och dialoger där kommunen inte har svarat eller hållit sitt "
            "löfte till det utlovade datumet."
        )

    def link(self):
        return absolute(reverse("overdue"))

    def feed_url(self):
        return absolute(self.request.path)

    def items(self):
        items = accountability.overdue_items(self.request)
        return sorted(items, key=lambda item: (item.due, item.title))

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        due = item.due.strftime("%Y-%m-%d")
        if item.kind == accountability.DIALOGUE:
            return _(
                "Löfte: %(promise)s (senast %(due)s) – %(days)s dagar försenat"
            ) % {
                "promise": item.promise,
                "due": due,
                "days": item.days_overdue,
            }
        return _("Svar senast %(due)s – %(days)s dagar försenat") % {
            "due": due,
            "days": item.days_overdue,
        }

    def item_link(self, item):
        return absolute(item.url)

    def item_guid(self, item):
        return f"{absolute(item.url)}#{item.kind}-{item.due:%Y-%m-%d}"


def you_said_we_did(request):
    form = OutcomeFilterForm(request.GET or None)
    status = 200
    filters = {}
    if form.is_bound:
        if form.is_valid():
            filters = form.filters()
        else:
            status = 400
    rows = accountability.outcomes(request, filters) if status == 200 else []
    page_obj = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page_obj,
        "rows": page_obj.object_list,
        "filtered": any(filters.values()),
        "query": query.urlencode(),
        "overdue_url": reverse("overdue"),
    }
    return TemplateResponse(
        request, "proposals/you_said_we_did.html", context, status=status
    )

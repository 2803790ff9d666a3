"""The pages every page's layout links to: the main menu's sections and the footer's
"Öppna data" page, looked up together and once per request (the layout keeps the
header and footer as shared fragments, so most requests do not ask)."""

from django.apps import apps
from wagtail.models import Page

from home.localised import page_url

# Page types the header and footer link to (the first live, public one of each).
LINKED_TYPES = (
    "dialogues.DialogueIndexPage",
    "proposals.SuggestionBoxPage",
    "stats.StatisticsPage",
    "opendata.OpenDataPage",
)
REQUEST_ATTRIBUTE = "_delaktig_linked_pages"


def _models():
    models = {}
    for label in LINKED_TYPES:
        try:
            models[label] = apps.get_model(label)
        except LookupError:
            continue
    return models


def _lookup():
    models = _models()
    found = dict.fromkeys(models)
    if not models:
        return found
    pages = Page.objects.live().public().type(*models.values()).order_by("path")
    for page in pages:
        page_class = page.specific_class
        for label, model in models.items():
            if found[label] is None and page_class and issubclass(page_class, model):
                found[label] = page
    return found


def linked_page(request, label):
    """The first live, public page of the type `label` in tree order, or None.

    Two queries (view restrictions, pages) for all types together, kept on the
    request so the header and the footer share them; nothing outlives the request,
    so a page published or unpublished shows at once."""
    if request is None:
        return _lookup().get(label)
    pages = getattr(request, REQUEST_ATTRIBUTE, None)
    if pages is None:
        pages = _lookup()
        setattr(request, REQUEST_ATTRIBUTE, pages)
    return pages.get(label)


def linked_url(request, label):
    """The address of linked_page(request, label), or "" when there is none."""
    return _url(request, linked_page(request, label))


def _url(request, page):
    return page_url(page, request)

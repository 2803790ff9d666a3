"""Site search: dialogues, other pages and proposals in one ranked list.

Pages and proposals are two search sources (proposals are a plain indexed model,
not pages). Each is searched with the configured Wagtail backend, with its score
annotated, best first, and at most MAX_HITS_PER_SOURCE hits are kept from each.
The two lists are merged by score, newest first among equal scores, and the one
merged list is paginated; a query of several words lists the matches of all its
words first, then those of only some (`tier`). Only the objects on the shown page
are then loaded in full. Both sources are ranked by the same backend over the
same index table, so their scores are comparable. The SQLite backend scores with
FTS5's bm25(), where lower is better; its scores are negated so that higher is
better everywhere.

Ranking costs a score for every candidate, and a word found in most of 100,000
proposals took 0.3 s to rank in PostgreSQL. So each source ranks at most
MAX_RANKED_PER_SOURCE candidates: every match when there are no more, else the
newest matches (highest ids), which the database finds without scoring any. A
search with more matches than that says so (`truncated`), as one with more hits
than are shown does: adding a word narrows it to matches that are all ranked.

What can be found: live pages without view restrictions in the request's site and its
translations, in the reader's language (an untranslated page in the original),
and proposals in `Proposal.objects.public()` whose suggestion box is such a page.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, TextChoices
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from dialogues.choices import Status as DialogueStatus
from dialogues.models import DialoguePage
from municipality.swedish import query_for
from proposals.constants import LISTED_STATUSES
from proposals.constants import Status as ProposalStatus
from proposals.models import Proposal, SuggestionBoxPage

from .excerpts import excerpt, indexed_text

MAX_HITS_PER_SOURCE = 100
MAX_RANKED_PER_SOURCE = 1000
EPOCH = timezone.make_aware(datetime(1970, 1, 1))


class Kind(TextChoices):
    DIALOGUE = "dialog", _("Dialog")
    PROPOSAL = "forslag", _("Förslag")
    PAGE = "sida", _("Sida")


PUBLIC_PROPOSAL_STATUSES = [*LISTED_STATUSES, ProposalStatus.WITHDRAWN]
# Status filter values carry their kind, since dialogues and proposals share
# words ("open") with different meanings.
STATUS_FILTERS = {
    **{f"{Kind.DIALOGUE}-{s.value}": (Kind.DIALOGUE, s) for s in DialogueStatus},
    **{
        f"{Kind.PROPOSAL}-{s.value}": (Kind.PROPOSAL, s)
        for s in PUBLIC_PROPOSAL_STATUSES
    },
}


@dataclass
class Hit:
    """One match before it is loaded: enough to rank and paginate."""

    kind: str
    pk: int
    score: float
    when: datetime
    tier: int = 1


@dataclass
class Result:
    """One match as shown on the results page."""

    kind: str
    kind_label: str
    title: str
    url: str
    status_label: str
    date: date | None
    date_label: str
    excerpt: str


@dataclass
class Outcome:
    hits: list
    truncated: bool


def _as_datetime(value):
    if value is None:
        return EPOCH
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time()))


def _score_sign():
    backend = get_search_backend()
    return -1 if "sqlite" in type(backend).__module__ else 1


def _pages(site):
    """Live public pages in the site's tree and its translations' trees."""
    pages = Page.objects.live().public()
    if not site:
        return pages
    within = Q()
    for root in site.root_page.get_translations(inclusive=True):
        within |= Q(path__startswith=root.path, depth__gte=root.depth)
    return pages.filter(within)


def _in_language(pages):
    """Ids (a subquery) of the pages a reader of the active language finds: those
    in its locale and, for a page not translated into it, the original (the site
    shows that under the language's prefix)."""
    active = get_supported_content_language_variant(get_language())
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    shown = Q(locale__language_code=active)
    if active != default:
        translated = pages.filter(locale__language_code=active)
        shown |= Q(locale__language_code=default) & ~Q(
            translation_key__in=translated.values("translation_key")
        )
    return pages.filter(shown).values_list("pk", flat=True)


def _sources(kind, status, site):
    """(kind or None, searchable queryset) for each source the filters allow."""
    wanted_kind, wanted_status = STATUS_FILTERS.get(status, (None, None))
    if kind and wanted_kind and kind != wanted_kind:
        return []
    kind = kind or wanted_kind
    site_pages = _pages(site)
    # Filtered by id, a field every search backend filters on: a subquery in the
    # database (no list of ids to send and compile into every query); the
    # Elasticsearch/OpenSearch backends run it and send the ids.
    shown = _in_language(site_pages)
    pages = Page.objects.filter(pk__in=shown)
    sources = []
    if kind == Kind.DIALOGUE:
        dialogues = DialoguePage.objects.filter(pk__in=shown)
        if wanted_status:
            dialogues = dialogues.filter(status=wanted_status)
        sources.append((Kind.DIALOGUE, dialogues))
    elif kind == Kind.PAGE:
        sources.append((Kind.PAGE, pages.not_type(DialoguePage)))
    elif not kind:
        sources.append((None, pages))
    if kind in (None, "", Kind.PROPOSAL):
        # Proposals belong to the box in the original language.
        boxes = site_pages.type(SuggestionBoxPage).values_list("pk", flat=True)
        proposals = Proposal.objects.public().filter(box_id__in=list(boxes))
        if wanted_status:
            proposals = proposals.filter(status=wanted_status)
        sources.append((Kind.PROPOSAL, proposals))
    return sources


# What a hit needs of each source's matches, besides its id and score.
PROPOSAL_FIELDS = ("opened_at",)
PAGE_FIELDS = ("content_type_id", "last_published_at", "first_published_at")


def _values(results, *fields):
    """A dict of `fields` per search result: from the database backends without
    making objects or reading whole rows and text vectors, else from the objects."""
    if hasattr(results, "get_queryset"):
        return list(results.get_queryset().values(*fields))
    return [{field: getattr(obj, field) for field in fields} for obj in results]


def _best(queryset, search_query, fields):
    """A source's best hits, best first, and whether it has more (module doc)."""
    matches = queryset.order_by("-id").search(search_query, order_by_relevance=False)
    ids = [row["pk"] for row in _values(matches[: MAX_RANKED_PER_SOURCE + 1], "pk")]
    ranked = queryset.filter(pk__in=ids[:MAX_RANKED_PER_SOURCE]).search(search_query)
    ranked = ranked.annotate_score("_score")[: MAX_HITS_PER_SOURCE + 1]
    found = _values(ranked, "pk", "_score", *fields)
    more = len(ids) > MAX_RANKED_PER_SOURCE or len(found) > MAX_HITS_PER_SOURCE
    return found[:MAX_HITS_PER_SOURCE], more


def _tiers(expanded):
    """(tier, query): every word; then, for several words, any of them."""
    tiers = [(1, query_for(expanded))]
    if len(expanded) > 1:
        tiers.append((0, query_for(expanded, match_any=True)))
    return tiers


def find(expanded, *, kind="", status="", site=None):
    """All hits for the searched keys (municipality.swedish.expand) under the
    filters, best first (see module doc)."""
    sign = _score_sign()
    dialogue_type = ContentType.objects.get_for_model(DialoguePage).pk
    hits = []
    truncated = False
    for source_kind, queryset in _sources(kind, status, site):
        for tier, search_query in _tiers(expanded):
            found, more = _best(queryset, search_query, fields_of(source_kind))
            hits.extend(_hits(found, source_kind, tier, sign, dialogue_type))
            if more:
                # Matches of only some words would come after all those kept:
                # never shown, so not looked for (nor "more hits" themselves).
                truncated = truncated or tier == 1
                break
            # The second tier only adds what the first did not find.
            queryset = queryset.exclude(pk__in=[row["pk"] for row in found])
    hits.sort(key=lambda hit: (hit.tier, hit.score, hit.when), reverse=True)
    return Outcome(hits, truncated)


def fields_of(source_kind):
    return PROPOSAL_FIELDS if source_kind == Kind.PROPOSAL else PAGE_FIELDS


def _hits(found, source_kind, tier, sign, dialogue_type):
    is_proposal = source_kind == Kind.PROPOSAL
    hits = []
    for row in found:
        this_kind = source_kind
        if this_kind is None:
            is_dialogue = row["content_type_id"] == dialogue_type
            this_kind = Kind.DIALOGUE if is_dialogue else Kind.PAGE
        when = (
            row["opened_at"]
            if is_proposal
            else row["last_published_at"] or row["first_published_at"]
        )
        score = sign * (row["_score"] or 0)
        hits.append(Hit(this_kind, row["pk"], score, _as_datetime(when), tier))
    return hits


def _describe_page(page, kind, request, expanded):
    if kind == Kind.DIALOGUE:
        status_label = page.get_status_display()
        shown_date, date_label = page.start_date, _("Startdatum")
        if shown_date is None:
            shown_date, date_label = page.first_published_at, _("Publicerad")
    else:
        status_label = ""
        shown_date, date_label = page.last_published_at, _("Uppdaterad")
    text = page.search_description or indexed_text(page)
    return Result(
        kind=kind,
        kind_label=Kind(kind).label,
        title=page.title,
        url=page.get_url(request=request),
        status_label=status_label,
        date=shown_date,
        date_label=date_label,
        excerpt=excerpt(text, expanded),
    )


def _describe_proposal(proposal, request, expanded):
    return Result(
        kind=Kind.PROPOSAL,
        kind_label=Kind.PROPOSAL.label,
        title=proposal.title,
        url=proposal.get_url(request=request),
        status_label=proposal.get_status_display(),
        date=proposal.opened_at,
        date_label=_("Publicerat"),
        excerpt=excerpt(indexed_text(proposal), expanded),
    )


def describe(hits, request, expanded):
    """Load the hits of one results page and describe them, in the hits' order,
    with the words holding the searched keys marked in each excerpt."""
    page_ids = [hit.pk for hit in hits if hit.kind != Kind.PROPOSAL]
    proposal_ids = [hit.pk for hit in hits if hit.kind == Kind.PROPOSAL]
    pages = (
        Page.objects.filter(pk__in=page_ids).specific().in_bulk() if page_ids else {}
    )
    proposals = (
        Proposal.objects.filter(pk__in=proposal_ids)
        .select_related("box", "topic")
        .in_bulk()
        if proposal_ids
        else {}
    )
    results = []
    for hit in hits:
        if hit.kind == Kind.PROPOSAL:
            if hit.pk in proposals:
                results.append(_describe_proposal(proposals[hit.pk], request, expanded))
        elif hit.pk in pages:
            results.append(_describe_page(pages[hit.pk], hit.kind, request, expanded))
    return results

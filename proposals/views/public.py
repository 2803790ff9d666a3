"""The listing, a proposal's page and the similar-proposals endpoint."""

from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_comments import get_form as get_comment_form

from dialogues.models import DialoguePage
from home import page_cache, shared_cache
from proposals import lifecycle
from proposals.comments import comments_for
from proposals.constants import Sort
from proposals.forms import ListingFilterForm, SignForm
from proposals.models.proposal import open_first
from proposals.similarity import similar_proposals
from proposals.trail import entries_for_display

from .base import proposal_url, render

PER_PAGE = 12
MAX_SIGNER_NAMES = 200

ORDERINGS = {
    Sort.MOST_SIGNED: ["-signature_count", "-opened_at"],
    Sort.NEWEST: ["-opened_at"],
    Sort.CLOSING_SOON: ["open_first", "signing_deadline", "-opened_at"],
    Sort.RECENTLY_ANSWERED: [
        F("answered_at").desc(nulls_last=True),
        F("referred_at").desc(nulls_last=True),
        "-opened_at",
    ],
}


def _ordered(queryset, sort):
    if sort == Sort.CLOSING_SOON:
        queryset = queryset.annotate(open_first=open_first())
    return queryset.order_by(*ORDERINGS[sort])


def listing(request, box):
    lifecycle.close_expired(queryset=box.proposals.all())
    form = ListingFilterForm(request.GET)
    proposals = box.proposals.listed().select_related("topic", "area")
    sort = Sort.MOST_SIGNED
    status = 200
    filters = {}
    if form.is_valid():
        data = form.cleaned_data
        sort = data["sort"] or sort
        if data["status"]:
            filters["status"] = data["status"]
        if data["topic"]:
            filters["topic_id"] = data["topic"].pk
        if data["area"]:
            filters["area_id"] = data["area"].pk
        proposals = proposals.filter(**filters)
    else:
        status = 400
    paginator = Paginator(_ordered(proposals, sort), PER_PAGE)
    paginator.count = _listed_count(request, box, filters, proposals)
    page_obj = paginator.get_page(request.GET.get("page"))
    base_url = box.get_url(request=request)
    for proposal in page_obj:
        proposal.url = base_url + box.reverse_subpage(
            "proposal_view", args=[proposal.pk]
        )
    context = {"filter_form": form, "page_obj": page_obj, "sort": sort}
    return render(request, box, "proposals/suggestion_box_page.html", context, status)


def _listed_count(request, box, filters, proposals):
    """How many proposals the listing shows under its filters. Counting them took
    6 ms of every rendered listing at 100,000 proposals, so the count is shared
    between requests (home/shared_cache.py). A proposal published, moved on or
    withdrawn empties that cache at once; a referral set off by a signature shows
    within PAGE_CACHE_SECONDS, as the counts do (page_cache.like_counts)."""
    name = f"listing-count:{box.pk}:" + ":".join(
        f"{key}={value}" for key, value in sorted(filters.items())
    )
    return shared_cache.remember(request, name, proposals.count)


def _public_dialogue(proposal):
    """The dialogue the proposal was made in, if residents may read it."""
    if proposal.dialogue_id is None:
        return None
    return DialoguePage.objects.live().public().filter(pk=proposal.dialogue_id).first()


def _signers_and_trail(request, box, proposal):
    """The signers' names and the public trail: the longest part of the page to
    render (a popular proposal shows 200 names and can have dozens of entries) and
    the same for every visitor, so it is shared between requests while the page
    cache is on (home/shared_cache.py). A new public trail entry, a withdrawn name or
    anything else that empties the page cache shows at once; new names, like the
    entries a signature sets off, within PAGE_CACHE_SECONDS on a rendered page (twice
    that on a page served from the page cache, which may hold an older copy)."""

    def make():
        signers = (
            proposal.signatures.filter(
                confirmed_at__isnull=False, flagged=False, show_name=True
            )
            .order_by("-confirmed_at", "-pk")
            .values_list("name", flat=True)[:MAX_SIGNER_NAMES]
        )
        context = {
            "signer_names": list(signers),
            "trail": entries_for_display(proposal, request),
            "trail_feed_url": proposal_url(box, proposal.pk, request) + "flode/",
        }
        return render_to_string("proposals/includes/signers_and_trail.html", context)

    name = f"proposal-signers-trail:{get_language()}:{proposal.pk}"
    return shared_cache.remember(request, name, make)


SIGN_FORM = "proposals/includes/sign_form.html"


def _sign_form_html(request, form, url, proposal_id):
    """The sign form. An empty one is the same for every visitor but for its fresh
    hidden inputs (the CSRF token, the start time) and took a fifth to a third of a
    rendered proposal page's CPU, so while the page cache is on it is rendered once per
    proposal and language and shared (home/shared_cache.py), with those inputs
    filled in for each visitor as on a cached page (page_cache.fill_fresh). A form
    with what the visitor typed, or its errors, is rendered as it is."""

    def rendered():
        context = {"sign_form": form, "proposal_url": url}
        return render_to_string(SIGN_FORM, context, request)

    if form.is_bound or not shared_cache.enabled():
        return rendered()
    name = f"proposal-sign-form:{get_language()}:{proposal_id}"
    parts = shared_cache.remember(
        request, name, lambda: page_cache.split_fresh(rendered().encode())
    )
    return mark_safe(page_cache.fill_fresh(request, parts).decode())  # noqa: S308


def detail(request, box, proposal_id, sign_form=None, status=200):
    proposal = (
        box.proposals.select_related("topic", "area").filter(pk=proposal_id).first()
    )
    if proposal is None:
        raise Http404
    lifecycle.enforce_deadline(proposal)
    if not proposal.is_public:
        raise Http404
    context = {
        "proposal": proposal,
        "dialogue": _public_dialogue(proposal),
        "proposal_url": proposal_url(box, proposal.pk, request),
        "signers_and_trail": _signers_and_trail(request, box, proposal),
        "comments": comments_for(proposal, box),
        "comment_form": get_comment_form()(proposal)
        if proposal.comments_open
        else None,
        "comment_sent": "c" in request.GET,
        "trail_feed_url": proposal_url(box, proposal.pk, request) + "flode/",
        "last_edit": proposal.edits.order_by("-edited_at").first(),
        "sign_form": sign_form or (SignForm() if proposal.signing_open else None),
    }
    if context["sign_form"]:
        context["sign_form_html"] = _sign_form_html(
            request, context["sign_form"], context["proposal_url"], proposal.pk
        )
    return render(request, box, "proposals/proposal.html", context, status)


def similar(request, box):
    """An HTML fragment for the submit form's script; the preview step uses the same."""
    proposals = similar_proposals(box, request.GET.get("q", ""))
    base_url = box.get_url(request=request)
    for proposal in proposals:
        proposal.url = base_url + box.reverse_subpage(
            "proposal_view", args=[proposal.pk]
        )
    return TemplateResponse(
        request, "proposals/includes/similar.html", {"similar": proposals}
    )

"""The listing, a proposal's page and the similar-proposals endpoint."""

from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django_comments import get_form as get_comment_form

from dialogues.models import DialoguePage
from eid import client as eid_client
from proposals import lifecycle
from proposals.comments import comments_for
from proposals.constants import ANSWER_KINDS, Sort
from proposals.forms import EidSignForm, ListingFilterForm, SignForm
from proposals.models.proposal import Proposal, open_first
from proposals.similarity import similar_proposals
from proposals.trail import entries_for_display

from .base import proposal_url, render

PER_PAGE = 12
MAX_SIGNER_NAMES = 200
SIGNER_NAMES_IN_VIEW = 20

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
    # Counted and read only when the template shows them (it may have them kept).
    page_obj = SimpleLazyObject(lambda: _page(request, box, paginator))
    context = {"filter_form": form, "page_obj": page_obj, "sort": sort}
    return render(request, box, "proposals/suggestion_box_page.html", context, status)


def _page(request, box, paginator):
    page_obj = paginator.get_page(request.GET.get("page"))
    base_url = box.get_url(request=request)
    for proposal in page_obj:
        proposal.url = base_url + box.reverse_subpage(
            "proposal_view", args=[proposal.pk]
        )
    return page_obj


def _public_dialogue(proposal):
    """The dialogue the proposal was made in, if residents may read it."""
    if proposal.dialogue_id is None:
        return None
    return DialoguePage.objects.live().public().filter(pk=proposal.dialogue_id).first()


def _signer_names(proposal):
    """The latest names signers chose to show: the first few in view, the rest
    folded away, so the names never push the trail down a phone's screen."""
    signers = proposal.signatures.filter(
        confirmed_at__isnull=False, flagged=False, show_name=True
    ).order_by("-confirmed_at", "-pk")
    names = list(signers.values_list("name", flat=True)[:MAX_SIGNER_NAMES])
    return {
        "first": names[:SIGNER_NAMES_IN_VIEW],
        "rest": names[SIGNER_NAMES_IN_VIEW:],
        "shown": len(names),
    }


def _latest_answer(trail):
    answers = [entry for entry in trail if entry.kind in ANSWER_KINDS]
    return answers[-1] if answers else None


def _sign_forms(proposal, sign_form, eid_form):
    """The forms the proposal's signing method offers: (e-mail form, e-legitimation
    form), each None where it is not offered or signing has closed."""
    if not proposal.signing_open:
        return sign_form, eid_form
    if sign_form is None and proposal.takes_email_signatures:
        sign_form = SignForm()
    if eid_form is None and proposal.takes_eid_signatures and eid_client.enabled():
        eid_form = EidSignForm()
    return sign_form, eid_form


def detail(request, box, proposal_id, sign_form=None, status=200, eid_form=None):
    # The topic and the area are read only when the facts are rendered (a shared
    # fragment).
    proposal = Proposal.objects.in_box(box, proposal_id)
    if proposal is None:
        raise Http404
    lifecycle.enforce_deadline(proposal)
    if not proposal.is_public:
        raise Http404
    trail = SimpleLazyObject(lambda: entries_for_display(proposal, request))
    own_url = proposal_url(box, proposal.pk)
    comments_open = proposal.comments_open
    # The dialogue and the last edit are read only when the proposal's text and
    # facts are rendered (a shared fragment).
    context = {
        "proposal": proposal,
        "dialogue": SimpleLazyObject(lambda: _public_dialogue(proposal)),
        "proposal_url": own_url,
        # Read only when the template shows them (it may have them kept).
        "signer_names": SimpleLazyObject(lambda: _signer_names(proposal)),
        "trail": trail,
        "latest_answer": SimpleLazyObject(lambda: _latest_answer(trail)),
        # Read only when the list is rendered (a shared fragment).
        "comments": SimpleLazyObject(lambda: comments_for(proposal, box)),
        "comments_open": comments_open,
        # Made only when the form is rendered (it is a shared fragment).
        "comment_form": SimpleLazyObject(lambda: get_comment_form()(proposal))
        if comments_open
        else None,
        "comment_sent": "c" in request.GET,
        "trail_feed_url": own_url + "flode/",
        "last_edited_at": SimpleLazyObject(
            lambda: (
                proposal.edits.order_by("-edited_at")
                .values_list("edited_at", flat=True)
                .first()
            )
        ),
    }
    context["sign_form"], context["eid_form"] = _sign_forms(
        proposal, sign_form, eid_form
    )
    context["eid_url"] = own_url + "e-legitimation/"
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

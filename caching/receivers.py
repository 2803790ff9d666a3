"""Everything that empties the cache (bumps the generation, caching/generation.py):
what a cached page, fragment or shared entry shows has changed. With a caching
proxy in front (caching/edge.py), the same changes purge the addresses that show
them from it: the page or proposal, its listing and the front page."""

import functools
import logging

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save
from django_comments_xtd.models import XtdComment
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching import edge
from caching.generation import invalidate
from dialogues.models import DialoguePromise, PromiseChange
from municipality.models import MunicipalitySettings
from proposals import signals as proposal_signals
from proposals.models import Milestone, Proposal

logger = logging.getLogger("delaktig.caching")


def _unless_by_signature(by_signature=False, **kwargs):
    """What a signature sets off (the half-way entry, the threshold, the referral)
    shows within PAGE_CACHE_SECONDS, as counts do: emptying the whole cache at every
    line crossed would cost a full render of every page during a signing peak."""
    if not by_signature:
        invalidate()
        entry = kwargs.get("entry")
        proposal = kwargs.get("proposal") or (entry.proposal if entry else None)
        if proposal is not None and edge.purging():
            edge.purge(edge.proposal_urls(proposal))


def _only_with_a_proxy(receiver):
    """The receiver runs only when there is a proxy to purge (no queries else); a
    row an address is made from being gone (a page deleted with its site) never
    stops the change: its addresses expire on time."""

    @functools.wraps(receiver)
    def wrapped(*args, **kwargs):
        if not edge.purging():
            return
        try:
            receiver(*args, **kwargs)
        except ObjectDoesNotExist:
            logger.warning("Nothing purged for %s: a row is gone", receiver.__name__)

    return wrapped


@_only_with_a_proxy
def _purge_proposal(proposal=None, proposal_id=None, **_kwargs):
    if proposal is None:
        proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is not None:
        edge.purge(edge.proposal_urls(proposal))


@_only_with_a_proxy
def _purge_page(instance, **kwargs):
    """A page published, unpublished, moved or deleted: it, its parent (before and
    after a move) and the front page."""
    urls = edge.page_urls(instance)
    before = kwargs.get("parent_page_before")
    if before is not None:
        urls.append(before.get_full_url())
    edge.purge(urls)


@_only_with_a_proxy
def _purge_restricted(instance, **_kwargs):
    """A view restriction added or taken away: the page and every page below it
    (a public copy of a page now restricted must not stay at the edge)."""
    pages = Page.objects.descendant_of(instance.page, inclusive=True).live()
    edge.purge([page.get_full_url() for page in pages.specific(defer=True)])


@_only_with_a_proxy
def _purge_dialogue(instance, **_kwargs):
    promise = getattr(instance, "promise", instance)
    edge.purge(edge.page_urls(promise.dialogue, with_parent=False))


@_only_with_a_proxy
def _purge_milestone(instance, **_kwargs):
    """A milestone shows on its proposal's page or its dialogue's."""
    if instance.proposal_id:
        edge.purge(edge.proposal_urls(instance.proposal))
    if instance.dialogue_id:
        edge.purge(edge.page_urls(instance.dialogue, with_parent=False))


@_only_with_a_proxy
def _purge_commented(instance, **_kwargs):
    """A comment posted, published, hidden or removed: the page it is shown on."""
    target = instance.content_object
    if isinstance(target, Proposal):
        edge.purge(edge.proposal_urls(target))
    elif isinstance(target, Page):
        edge.purge(edge.page_urls(target, with_parent=False))


def _connect_edge_purges():
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
    ):
        signal.connect(_purge_page, dispatch_uid=f"edge-{name}")
    post_delete.connect(_purge_page, sender=Page, dispatch_uid="edge-page-deleted")
    for model, receiver in (
        (PageViewRestriction, _purge_restricted),
        (DialoguePromise, _purge_dialogue),
        (PromiseChange, _purge_dialogue),
        (Milestone, _purge_milestone),
        (XtdComment, _purge_commented),
    ):
        for signal, what in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                receiver,
                sender=model,
                dispatch_uid=f"edge-{model._meta.label_lower}-{what}",
            )
    proposal_signals.proposal_edited.connect(_purge_proposal, dispatch_uid="edge-edit")
    proposal_signals.public_signature_removed.connect(
        _purge_proposal, dispatch_uid="edge-name-removed"
    )


def connect():
    page_published.connect(invalidate, dispatch_uid="caching-published")
    page_unpublished.connect(invalidate, dispatch_uid="caching-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="caching-moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="caching-page-deleted")
    # Who may see a page, which site answers, its settings and logo; promises and
    # milestones, which dialogue pages and the accountability pages show.
    for model in (
        PageViewRestriction,
        Site,
        MunicipalitySettings,
        get_image_model(),
        DialoguePromise,
        PromiseChange,
        Milestone,
        # A comment published, hidden or removed by a moderator shows at once.
        XtdComment,
    ):
        for signal, what in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                invalidate,
                sender=model,
                dispatch_uid=f"caching-{model._meta.label_lower}-{what}",
            )
    # The suggestion box announces its changes after they commit.
    for signal, name in (
        (proposal_signals.proposal_transitioned, "transitioned"),
        (proposal_signals.trail_entry_saved, "trail-entry"),
    ):
        signal.connect(_unless_by_signature, dispatch_uid=f"caching-{name}")
    proposal_signals.proposal_edited.connect(invalidate, dispatch_uid="caching-edit")
    proposal_signals.public_signature_removed.connect(
        invalidate, dispatch_uid="caching-name-removed"
    )
    _connect_edge_purges()

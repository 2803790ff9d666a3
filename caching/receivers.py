"""Everything that empties the cache (bumps the generation, caching/generation.py):
what a cached page, fragment or shared entry shows has changed."""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching.generation import invalidate
from dialogues.models import DialoguePromise, PromiseChange
from municipality.models import MunicipalitySettings
from proposals import signals as proposal_signals
from proposals.models import Milestone


def _unless_by_signature(by_signature=False, **_kwargs):
    """What a signature sets off (the half-way entry, the threshold, the referral)
    shows within PAGE_CACHE_SECONDS, as counts do: emptying the whole cache at every
    line crossed would cost a full render of every page during a signing peak."""
    if not by_signature:
        invalidate()


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

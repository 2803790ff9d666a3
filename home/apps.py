from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Webbplatsen")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home import page_cache
        from municipality.models import MunicipalitySettings
        from proposals.models import FeedbackEntry, Proposal

        # What a cached page shows changes: empty the anonymous page cache.
        page_published.connect(page_cache.invalidate, dispatch_uid="pagecache-pub")
        page_unpublished.connect(page_cache.invalidate, dispatch_uid="pagecache-unpub")
        post_page_move.connect(page_cache.invalidate, dispatch_uid="pagecache-moved")
        post_delete.connect(page_cache.invalidate, sender=Page, dispatch_uid="pc-del")
        for model in (Proposal, FeedbackEntry):
            post_save.connect(
                page_cache.invalidate, sender=model, dispatch_uid=f"pc-{model.__name__}"
            )
        # Who may see a page, which site answers, its settings and logo (shared_cache).
        for model in (
            PageViewRestriction,
            Site,
            MunicipalitySettings,
            get_image_model(),
        ):
            for signal in (post_save, post_delete):
                signal.connect(
                    page_cache.invalidate,
                    sender=model,
                    dispatch_uid=f"pc-{model.__name__}-{signal is post_save}",
                )

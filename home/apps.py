from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Webbplatsen")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished

        from home import page_cache
        from proposals.models import FeedbackEntry, Proposal

        # What a cached page shows changes: empty the anonymous page cache.
        page_published.connect(page_cache.invalidate, dispatch_uid="pagecache-pub")
        page_unpublished.connect(page_cache.invalidate, dispatch_uid="pagecache-unpub")
        post_delete.connect(page_cache.invalidate, sender=Page, dispatch_uid="pc-del")
        for model in (Proposal, FeedbackEntry):
            post_save.connect(
                page_cache.invalidate, sender=model, dispatch_uid=f"pc-{model.__name__}"
            )

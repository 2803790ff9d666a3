from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Kommentarer")

    def ready(self):
        from django_comments_xtd.models import TmpXtdComment
        from django_comments_xtd.signals import confirmation_received

        from comments.registry import hold_late_confirmation

        confirmation_received.connect(
            hold_late_confirmation,
            sender=TmpXtdComment,
            dispatch_uid="comments-hold-late-confirmation",
        )

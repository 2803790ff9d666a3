from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Kommentarer")

    def ready(self):
        from django_comments.signals import comment_will_be_posted
        from django_comments_xtd.models import TmpXtdComment
        from django_comments_xtd.signals import confirmation_received

        from comments.registry import hold_late_confirmation
        from comments.views import record_resident_address

        comment_will_be_posted.connect(
            record_resident_address,
            sender=TmpXtdComment,
            dispatch_uid="comments-record-resident-address",
        )

        confirmation_received.connect(
            hold_late_confirmation,
            sender=TmpXtdComment,
            dispatch_uid="comments-hold-late-confirmation",
        )

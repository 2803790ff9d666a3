from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Dialoger")

    def ready(self):
        from comments.registry import register

        from .comments import DialogueCommentPolicy
        from .models import DialoguePage

        register(DialoguePage, DialogueCommentPolicy)

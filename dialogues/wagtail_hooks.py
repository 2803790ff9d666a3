"""Admin registration for dialogues (thin: the logic lives in the modules used)."""

from django.contrib import messages
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.sections import HOOK as HOME_SECTION

from . import home, promises, rules
from .models import DialoguePage
from .viewsets import DialogueSnippets

register_snippet(DialogueSnippets)


def _warn_about_methods(request, page):
    page = page.specific
    if isinstance(page, DialoguePage):
        warning = rules.method_warning(page.influence_level, page.methods.all())
        if warning:
            messages.warning(request, warning)


hooks.register("after_create_page", _warn_about_methods)
hooks.register("after_edit_page", _warn_about_methods)

hooks.register(HOME_SECTION, home.sections)


@hooks.register("register_log_actions")
def register_promise_actions(actions):
    """Promises' steps in Wagtail's history (dialogues/promises.py)."""
    for action, label, message in promises.LOG_ACTIONS:
        actions.register_action(action, label, message)

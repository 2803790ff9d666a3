"""Site-wide audit actions shown in Wagtail's history and the site history report."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

AUDIT_ACTIONS = [
    (
        "delaktig.purge_personal_data",
        _("Personuppgifter rensade"),
        _("E-post- och IP-adresser borttagna enligt gallringsreglerna"),
    ),
    (
        "delaktig.signatures_removed_by_resident",
        _("Underskrifter borttagna på begäran"),
        _("En invånare bad om att få sina underskrifter borttagna"),
    ),
]


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    for action, label, message in AUDIT_ACTIONS:
        actions.register_action(action, label, message)

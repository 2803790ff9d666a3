"""Permission policies: proposals and signatures come from residents only."""

from wagtail.permission_policies import ModelPermissionPolicy


class ResidentContentPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody adds these objects in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class RecordPolicy(ModelPermissionPolicy):
    """A record of what happened: it may be read, never added, changed or deleted."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


class SignaturePolicy(ResidentContentPolicy):
    """Signatures change only through the lifecycle (proposals/lifecycle/signing.py),
    which keeps the proposal's count: the generic delete would bypass it, so nobody
    deletes one in the admin. Communicators may correct a name (the edit view tells
    the lifecycle) and clear a flagged signature (its own action)."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

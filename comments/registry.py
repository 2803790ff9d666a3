"""Which models take comments and under which policy.

Kept here rather than read from django-comments' moderator, whose registry is
private: `register` records the policy and hands the same class to the library's
moderator, which then applies it to every comment posted or confirmed."""

from django_comments_xtd.moderation import moderator

_policies = {}


def register(model, policy_class):
    """Let residents comment on `model` under `policy_class` (a CommentPolicy).
    Registering the same model again is a no-op (ready() may run twice in tests)."""
    if model in _policies:
        return _policies[model]
    moderator.register(model, policy_class)
    _policies[model] = policy_class(model)
    return _policies[model]


def policy_for(model_or_object):
    """The policy of a registered model (or of an object's model), else None."""
    model = (
        model_or_object if isinstance(model_or_object, type) else type(model_or_object)
    )
    return _policies.get(model)


def registered():
    """(model, policy) for every model that takes comments, in registration order."""
    return list(_policies.items())


def hold_late_confirmation(sender, comment, request, **kwargs):
    """A comment confirmed by e-mail after its target stopped taking comments
    waits for a moderator: it was written for a process that is over."""
    target = getattr(comment, "content_object", None)
    policy = policy_for(target) if target is not None else None
    if policy is not None and policy.needs_moderation(target):
        comment.is_public = False

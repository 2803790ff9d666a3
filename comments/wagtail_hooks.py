"""Admin registration for comments (thin: the viewsets live in viewsets.py)."""

from wagtail import hooks

from comments.registry import registered
from comments.viewsets import comment_viewset


@hooks.register("register_admin_viewset")
def register_comment_viewsets():
    return [comment_viewset(model, policy) for model, policy in registered()]

"""The admin lists where moderators publish, hide or remove residents' comments:
one list per commented model, named by its policy."""

from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet


class CommentIndexView(generic.IndexView):
    """Comments on one kind of object, newest first."""

    commented_model = None

    def get_base_queryset(self):
        content_type = ContentType.objects.get_for_model(self.commented_model)
        return (
            super()
            .get_base_queryset()
            .filter(content_type=content_type)
            .order_by("-submit_date")
        )


class CommentViewSet(ModelViewSet):
    """Residents' comments on `commented_model`: publish, hide or remove them."""

    model = XtdComment
    icon = "comment"
    add_to_admin_menu = True
    list_display = ["comment", "user_name", "submit_date", "is_public", "is_removed"]
    list_filter = ["is_public", "is_removed"]
    form_fields = ["is_public", "is_removed"]
    inspect_view_enabled = True
    index_view_class = CommentIndexView
    commented_model = None

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            commented_model=self.commented_model, **kwargs
        )


def comment_viewset(model, policy):
    """The moderation list for comments on `model`, as its policy names it."""
    return CommentViewSet(
        policy.admin_name,
        url_prefix=policy.admin_url_prefix,
        menu_label=policy.admin_menu_label,
        commented_model=model,
    )

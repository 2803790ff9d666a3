"""The parts of django-comments(-xtd) the site uses: posting, the confirmation and
mute links sent by e-mail, and flagging by logged-in users. Not mounted: the JSON
API, likes and the moderation views (moderation happens in the Wagtail admin)."""

from django.contrib.contenttypes.views import shortcut
from django.urls import path, re_path
from django_comments.views.comments import comment_done, post_comment
from django_comments.views.moderation import flag_done
from django_comments_xtd import views as xtd_views


def post_comment_with_status(request, *args, **kwargs):
    """django-comments answers a form with errors with 200; say 400, as every
    other form on the site does, unless the resident asked for a preview."""
    response = post_comment(request, *args, **kwargs)
    if (
        request.method == "POST"
        and response.status_code == 200
        and "preview" not in request.POST
    ):
        response.status_code = 400
    return response


urlpatterns = [
    path("post/", post_comment_with_status, name="comments-post-comment"),
    path("posted/", comment_done, name="comments-comment-done"),
    path("sent/", xtd_views.sent, name="comments-xtd-sent"),
    path("confirm/<str:key>/", xtd_views.confirm, name="comments-xtd-confirm"),
    path("mute/<str:key>/", xtd_views.mute, name="comments-xtd-mute"),
    path("flag/<int:comment_id>/", xtd_views.flag, name="comments-flag"),
    path("flagged/", flag_done, name="comments-flag-done"),
    # The permalink of a comment (comment.get_absolute_url).
    re_path(r"^cr/(\d+)/(.+)/$", shortcut, name="comments-url-redirect"),
]

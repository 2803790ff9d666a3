"""The parts of django-comments(-xtd) the site mounts under /kommentarer/: posting
(through our one posting view), the confirmation and mute links sent by e-mail,
and flagging by logged-in users. Not mounted: the JSON API, likes and the
moderation views (moderation happens in the Wagtail admin)."""

from django.contrib.contenttypes.views import shortcut
from django.urls import path, re_path
from django_comments.views.comments import comment_done
from django_comments.views.moderation import flag_done
from django_comments_xtd import views as xtd_views

from comments.views import confirm, mute, post_comment

urlpatterns = [
    path("post/", post_comment, name="comments-post-comment"),
    path("posted/", comment_done, name="comments-comment-done"),
    path("sent/", xtd_views.sent, name="comments-xtd-sent"),
    path("confirm/<str:key>/", confirm, name="comments-xtd-confirm"),
    path("mute/<str:key>/", mute, name="comments-xtd-mute"),
    path("flag/<int:comment_id>/", xtd_views.flag, name="comments-flag"),
    path("flagged/", flag_done, name="comments-flag-done"),
    # The permalink of a comment (comment.get_absolute_url).
    re_path(r"^cr/(\d+)/(.+)/$", shortcut, name="comments-url-redirect"),
]

"""The published comments of a target, as residents see them."""

from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment


def published_comments(target):
    """The comments residents see on a target: public, not removed."""
    return XtdComment.norel_objects.filter(
        content_type=ContentType.objects.get_for_model(target.__class__),
        object_pk=str(target.pk),
        is_public=True,
        is_removed=False,
    )


def find_comment(target, comment_id, *, repliable=False):
    """A published comment on the target; with `repliable`, only one that can still
    be answered (not itself a reply)."""
    try:
        comment_id = int(comment_id)
    except (TypeError, ValueError):
        return None
    comment = published_comments(target).filter(pk=comment_id).first()
    if comment is None or (repliable and not comment.allow_thread()):
        return None
    return comment

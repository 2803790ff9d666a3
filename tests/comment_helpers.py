"""A published comment on a dialogue page or a proposal, made directly for tests."""

from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment

COMMENTER_EMAIL = "alex.hemlig@example.org"


def existing_comment(target, text="En tidigare kommentar", parent=None):
    return XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(target.__class__),
        object_pk=str(target.pk),
        site_id=1,
        user_name="Alex",
        user_email=COMMENTER_EMAIL,
        comment=text,
        is_public=True,
        parent_id=parent.pk if parent else 0,
    )

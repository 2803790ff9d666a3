"""Residents' reports of a comment, filed without an account."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django_comments.models import CommentFlag
from django_comments.signals import comment_was_flagged

REPORTER_USERNAME = "invanarrapport"


def reporter():
    """The one account that residents' reports are filed under (CommentFlag needs
    a user; residents have none). It cannot log in."""
    user, created = get_user_model().objects.get_or_create(
        username=REPORTER_USERNAME,
        defaults={"is_active": False, "first_name": "Invånare"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def file_report(comment, request):
    """File a resident's report of a comment (once per comment). The library's
    moderator hears comment_was_flagged and the policy notifies the moderators."""
    with transaction.atomic():
        flag, created = CommentFlag.objects.get_or_create(
            comment=comment,
            user=reporter(),
            flag=CommentFlag.SUGGEST_REMOVAL,
        )
    comment_was_flagged.send(
        sender=comment.__class__,
        comment=comment,
        flag=flag,
        created=created,
        request=request,
    )

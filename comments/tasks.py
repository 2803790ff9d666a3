"""Slow work for comments, through Django's tasks API."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_tasks import task

from background.mail import send_once


def comment_moderators():
    """Active users who may moderate comments: superusers and holders of
    django_comments.can_moderate, directly or through a group."""
    permissions = Permission.objects.filter(
        codename="can_moderate", content_type__app_label="django_comments"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permissions)
            | Q(groups__permissions__in=permissions)
        )
        .distinct()
    )


def _commented_object(content_type_id, object_pk):
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    if content_type is None or content_type.model_class() is None:
        return None
    return content_type.model_class()._default_manager.filter(pk=object_pk).first()


@task()
def notify_comment_moderators(
    content_type_id, object_pk, held, reported, admin_view, author="", text=""
):
    """E-mail the moderators about a new, held or reported comment; the mail links
    to the admin list where they moderate it. It names the commented page but not
    the comment's name or text: nothing a stranger typed is mailed to someone else
    (`author` and `text` are ignored, for tasks queued before they were dropped)."""
    target = _commented_object(content_type_id, object_pk)
    recipients = list(comment_moderators().values_list("email", flat=True))
    if target is None or not recipients:
        return 0
    title = getattr(target, "title", str(target))
    if reported:
        subject = _("En kommentar har anmälts: %(title)s")
    elif held:
        subject = _("En kommentar väntar på granskning: %(title)s")
    else:
        subject = _("Ny kommentar: %(title)s")
    subject = subject % {"title": title}
    try:
        admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(admin_view)
    except NoReverseMatch:
        admin_url = settings.WAGTAILADMIN_BASE_URL
    body = "\n\n".join(
        [
            f"{capfirst(target._meta.verbose_name)}: {title}",
            _("Granska kommentarerna: %(url)s") % {"url": admin_url},
        ]
    )
    # Sent once: a re-queued run of the same task sends nothing (background.mail).
    send_once(
        EmailMessage(
            settings.EMAIL_SUBJECT_PREFIX + subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    )
    return len(recipients)

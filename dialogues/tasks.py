"""Slow work for dialogues, through Django's tasks API."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django_tasks import task


def comment_moderators():
    """Active users who may moderate comments: superusers and holders of
    django_comments.can_moderate, directly or through a group."""
    perm = Q(codename="can_moderate", content_type__app_label="django_comments")
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=_permissions(perm))
            | Q(groups__permissions__in=_permissions(perm))
        )
        .distinct()
    )


def _permissions(query):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(query)


@task()
def notify_comment_moderators(page_id, author, text, held, reported):
    """E-mail the moderators about a new or reported comment on a dialogue."""
    from .models import DialoguePage

    dialogue = DialoguePage.objects.filter(pk=page_id).first()
    recipients = list(comment_moderators().values_list("email", flat=True))
    if dialogue is None or not recipients:
        return 0
    if reported:
        subject = _("En kommentar har anmälts: %(title)s")
    elif held:
        subject = _("En kommentar väntar på granskning: %(title)s")
    else:
        subject = _("Ny kommentar: %(title)s")
    subject = subject % {"title": dialogue.title}
    try:
        admin_url = settings.WAGTAILADMIN_BASE_URL + reverse("dialogue_comments:index")
    except NoReverseMatch:
        admin_url = settings.WAGTAILADMIN_BASE_URL
    body = "\n\n".join(
        [
            _("Dialog: %(title)s") % {"title": dialogue.title},
            _("Namn: %(name)s") % {"name": author},
            text,
            _("Granska kommentarerna: %(url)s") % {"url": admin_url},
        ]
    )
    send_mail(
        settings.EMAIL_SUBJECT_PREFIX + subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )
    return len(recipients)

"""Permissions for the trail: communicators refer, decide and correct; politicians
respond. Entries written before the trail had kinds get one from their status."""

from django.db import migrations

COMMUNICATORS = "Kommunikatörer"
POLITICIANS = "Politiker"
COMMUNICATOR_PERMISSIONS = [
    "view_committee",
    "add_committee",
    "change_committee",
    "view_politicianprofile",
    "add_politicianprofile",
    "change_politicianprofile",
    "view_feedbackentry",
    "change_feedbackentry",
    "view_feedbackentryversion",
]
POLITICIAN_PERMISSIONS = ["respond_to_proposal"]
KINDS = {
    "in_moderation": "received",
    "open": "published",
    "rejected": "rejected",
    "referred": "referred",
    "closed_unsupported": "closed",
    "answered": "decision",
    "withdrawn": "withdrawn",
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="proposals", codename__in=codenames
    )


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    app_config = apps.get_app_config("proposals")
    app_config.models_module = True
    create_contenttypes(app_config, apps=apps, verbosity=0)
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    communicators, _ = Group.objects.get_or_create(name=COMMUNICATORS)
    politicians, _ = Group.objects.get_or_create(name=POLITICIANS)
    communicators.permissions.add(*_permissions(apps, COMMUNICATOR_PERMISSIONS))
    politicians.permissions.add(*_permissions(apps, POLITICIAN_PERMISSIONS))

    FeedbackEntry = apps.get_model("proposals", "FeedbackEntry")
    for status, kind in KINDS.items():
        FeedbackEntry.objects.filter(status=status).update(kind=kind)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in (
        (COMMUNICATORS, COMMUNICATOR_PERMISSIONS),
        (POLITICIANS, POLITICIAN_PERMISSIONS),
    ):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(*_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [("proposals", "0004_trail")]

    operations = [migrations.RunPython(grant, revoke)]

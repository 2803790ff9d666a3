"""Give the communicators the permissions to moderate the suggestion box."""

from django.db import migrations

COMMUNICATORS = "Kommunikatörer"
PERMISSIONS = [
    "view_proposal",
    "change_proposal",
    "view_signature",
    "change_signature",
    "view_topic",
    "add_topic",
    "change_topic",
    "delete_topic",
]


def ensure_permissions(apps):
    """Permissions are normally made after migrating; data migrations need them now."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    communicators, _ = Group.objects.get_or_create(name=COMMUNICATORS)
    communicators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="proposals", codename__in=PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COMMUNICATORS).first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="proposals", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0001_initial"),
        ("home", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

"""Communicators make, change and assess dialogues' promises."""

from django.db import migrations

CODENAMES = [
    "view_dialoguepromise",
    "add_dialoguepromise",
    "change_dialoguepromise",
    "assess_promise",
    "view_promisechange",
]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    app_config = apps.get_app_config("dialogues")
    app_config.models_module = True
    create_contenttypes(app_config, apps=apps, verbosity=0)
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    communicators, _ = Group.objects.get_or_create(name="Kommunikatörer")
    communicators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="dialogues", codename__in=CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    communicators = Group.objects.filter(name="Kommunikatörer").first()
    if communicators:
        communicators.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="dialogues", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [("dialogues", "0008_dialogue_promises"), ("home", "0002_groups")]

    operations = [migrations.RunPython(grant, revoke)]

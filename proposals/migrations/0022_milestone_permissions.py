"""Communicators record implementation milestones."""

from django.db import migrations

CODENAMES = ["view_milestone", "add_milestone", "change_milestone"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    app_config = apps.get_app_config("proposals")
    app_config.models_module = True
    create_contenttypes(app_config, apps=apps, verbosity=0)
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    communicators, _ = Group.objects.get_or_create(name="Kommunikatörer")
    communicators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="proposals", codename__in=CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    communicators = Group.objects.filter(name="Kommunikatörer").first()
    if communicators:
        communicators.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="proposals", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [("proposals", "0021_answer_clocks_and_milestones"), ("home", "0002_groups")]

    operations = [migrations.RunPython(grant, revoke)]

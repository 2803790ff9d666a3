"""Let communicators read the record of corrections made to proposals."""

from django.db import migrations

COMMUNICATORS = "Kommunikatörer"


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("proposals")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=COMMUNICATORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="proposals", codename="view_proposaledit"
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COMMUNICATORS).first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="proposals", codename="view_proposaledit"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("proposals", "0002_group_permissions")]

    operations = [migrations.RunPython(grant, revoke)]

"""Let communicators keep the dialogue snippets and moderate dialogue comments."""

from django.db import migrations

MODELS = ["committee", "area", "targetgroup", "dialoguemethod"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    communicators = Group.objects.filter(name="Kommunikatörer").first()
    if communicators is None:
        return
    for model in MODELS:
        for action in ("add", "change", "delete"):
            communicators.permissions.add(
                Permission.objects.get(
                    content_type__app_label="dialogues", codename=f"{action}_{model}"
                )
            )
    communicators.permissions.add(
        Permission.objects.get(
            content_type__app_label="django_comments_xtd", codename="view_xtdcomment"
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    communicators = Group.objects.filter(name="Kommunikatörer").first()
    if communicators is None:
        return
    communicators.permissions.remove(
        *communicators.permissions.filter(content_type__app_label="dialogues")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0002_method_bank"),
        ("home", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

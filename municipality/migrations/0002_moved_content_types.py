"""The moved models keep their content types, so groups keep their permissions on
them and the history that points at them still does: each content type is
relabelled to this app. Should this app's own already exist (a data migration made
it on a fresh database), its permissions are merged into the old ones first."""

from django.db import migrations

MOVED = [
    ("dialogues", "area"),
    ("dialogues", "committee"),
    ("home", "municipalitysettings"),
    ("stats", "areapopulation"),
]


def _merge_into(Permission, new, old):
    for permission in Permission.objects.filter(content_type=new):
        kept = Permission.objects.filter(
            content_type=old, codename=permission.codename
        ).first()
        if kept is None:
            permission.content_type = old
            permission.save(update_fields=["content_type"])
            continue
        for group in permission.group_set.all():
            group.permissions.add(kept)
        for user in permission.user_set.all():
            user.user_permissions.add(kept)
        permission.delete()
    new.delete()


def relabel(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model in MOVED:
        old = ContentType.objects.filter(app_label=app_label, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label="municipality", model=model).first()
        if new is not None:
            _merge_into(Permission, new, old)
        old.app_label = "municipality"
        old.save(update_fields=["app_label"])


def unlabel(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, model in MOVED:
        ContentType.objects.filter(app_label="municipality", model=model).update(
            app_label=app_label
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("dialogues", "0006_municipality_area_committee"),
        ("home", "0003_municipality_settings"),
        ("municipality", "0001_initial"),
        ("stats", "0003_population_to_municipality"),
    ]

    operations = [migrations.RunPython(relabel, unlabel)]

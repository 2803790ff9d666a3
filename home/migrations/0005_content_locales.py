"""A Wagtail locale for every content language (Swedish exists; English is new),
so pages can be translated into English; communicators may translate them
(simple_translation's permission)."""

from django.conf import settings
from django.db import migrations

COMMUNICATORS = "Kommunikatörer"


def forward(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    app_config = apps.get_app_config("simple_translation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=COMMUNICATORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="simple_translation",
            codename="submit_translation",
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_home_featured"),
        ("wagtailcore", "0098_apitoken"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

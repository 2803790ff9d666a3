"""The moved tables take this app's names. Renaming a table keeps its rows, and
both SQLite (3.26+) and PostgreSQL carry the foreign keys that point at it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0006_municipality_area_committee"),
        ("home", "0003_municipality_settings"),
        ("municipality", "0002_moved_content_types"),
        ("proposals", "0015_area_foreign_keys"),
    ]

    operations = [
        migrations.AlterModelTable(name="area", table=None),
        migrations.AlterModelTable(name="committee", table=None),
        migrations.AlterModelTable(name="municipalitysettings", table=None),
    ]

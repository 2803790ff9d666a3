"""The municipality's settings now live in the municipality app, on the same table
(state only)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_groups"),
        ("municipality", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="MunicipalitySettings")]
        ),
    ]

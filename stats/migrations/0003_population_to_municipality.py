"""The population figures moved to municipality.AreaPopulation (copied there by
proposals 0014, where the old area values become area rows)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0002_permissions"),
        ("proposals", "0014_area_rows"),
    ]

    operations = [migrations.DeleteModel(name="AreaPopulation")]

"""Step 2 of areas as rows: the old text column goes and the new foreign key takes
its name. Its own migration, so that PostgreSQL has committed step 1's row updates
before the tables are altered."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0014_area_rows"),
    ]

    operations = [
        migrations.RemoveField(model_name="proposal", name="area"),
        migrations.RemoveField(model_name="signature", name="area"),
        migrations.RenameField(
            model_name="proposal", old_name="new_area", new_name="area"
        ),
        migrations.RenameField(
            model_name="signature", old_name="new_area", new_name="area"
        ),
        migrations.AlterField(
            model_name="proposal",
            name="area",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="proposals",
                to="municipality.area",
                verbose_name="område",
            ),
        ),
        migrations.AlterField(
            model_name="signature",
            name="area",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="municipality.area",
                verbose_name="område",
            ),
        ),
    ]

"""Areas and committees now live in the municipality app, on the same tables: the
dialogue page's references change in Django's picture only (state only)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0005_committee_view_permission"),
        ("municipality", "0001_initial"),
        ("proposals", "0013_municipality_committee"),
    ]

    state_operations = [
        migrations.AlterField(
            model_name="dialoguepage",
            name="committee",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="dialogues",
                to="municipality.committee",
                verbose_name="ansvarig nämnd",
            ),
        ),
        migrations.AlterField(
            model_name="dialoguepage",
            name="areas",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True, to="municipality.area", verbose_name="områden"
            ),
        ),
        migrations.DeleteModel(name="Area"),
        migrations.DeleteModel(name="Committee"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
    ]

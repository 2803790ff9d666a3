"""Committees now live in the municipality app. The table is the same, so only
Django's picture of the foreign keys changes (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("municipality", "0001_initial"),
        ("proposals", "0012_listed_newest_index"),
    ]

    state_operations = [
        migrations.AlterField(
            model_name="feedbackentry",
            name="committee",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="municipality.committee",
                verbose_name="nämnd",
            ),
        ),
        migrations.AlterField(
            model_name="politicianprofile",
            name="committees",
            field=models.ManyToManyField(
                blank=True,
                related_name="politicians",
                to="municipality.committee",
                verbose_name="nämnder",
            ),
        ),
        migrations.AlterField(
            model_name="proposal",
            name="committee",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="proposals",
                to="municipality.committee",
                verbose_name="nämnd",
            ),
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
    ]

"""Step 1 of moving to one committee model: new references to dialogues.Committee
next to the old ones to proposals.Committee."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0005_trail_permissions"),
        ("dialogues", "0004_committee_validators"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposal",
            name="new_committee",
            field=models.ForeignKey(
                null=True,
                blank=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="dialogues.committee",
            ),
        ),
        migrations.AddField(
            model_name="feedbackentry",
            name="new_committee",
            field=models.ForeignKey(
                null=True,
                blank=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="dialogues.committee",
            ),
        ),
        migrations.AddField(
            model_name="politicianprofile",
            name="new_committees",
            field=models.ManyToManyField(
                blank=True, related_name="+", to="dialogues.committee"
            ),
        ),
    ]

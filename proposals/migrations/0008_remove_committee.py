"""Step 3: drop the old references and proposals.Committee; the new references take
the old names."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("proposals", "0007_copy_committees")]

    operations = [
        migrations.RemoveField(model_name="proposal", name="committee"),
        migrations.RemoveField(model_name="feedbackentry", name="committee"),
        migrations.RemoveField(model_name="politicianprofile", name="committees"),
        migrations.DeleteModel(name="Committee"),
        migrations.RenameField(
            model_name="proposal", old_name="new_committee", new_name="committee"
        ),
        migrations.RenameField(
            model_name="feedbackentry", old_name="new_committee", new_name="committee"
        ),
        migrations.RenameField(
            model_name="politicianprofile",
            old_name="new_committees",
            new_name="committees",
        ),
        migrations.AlterField(
            model_name="proposal",
            name="committee",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="proposals",
                to="dialogues.committee",
                verbose_name="nämnd",
            ),
        ),
        migrations.AlterField(
            model_name="feedbackentry",
            name="committee",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="dialogues.committee",
                verbose_name="nämnd",
            ),
        ),
        migrations.AlterField(
            model_name="politicianprofile",
            name="committees",
            field=models.ManyToManyField(
                blank=True,
                related_name="politicians",
                to="dialogues.committee",
                verbose_name="nämnder",
            ),
        ),
    ]

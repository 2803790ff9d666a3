"""The suggestion box's word lists for the admissibility assistant (region, state,
offensive), edited in the box's settings."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('proposals', '0019_signature_log'),
    ]

    operations = [
        migrations.CreateModel(
            name='AdmissibilityWordList',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('region', 'Regionens ansvar'), ('state', 'Statens ansvar'), ('offensive', 'Kränkande språk')], max_length=10, verbose_name='slag')),
                ('name', models.CharField(help_text='Till exempel Vård eller Polisen.', max_length=80, verbose_name='ämne')),
                ('words', models.TextField(help_text='Ett ord eller uttryck per rad (eller med komma emellan). Ett ord träffar också sina böjningar (sjukhus → sjukhuset). * i slutet träffar allt som börjar så (jävl*), * i början även sammansättningar (*polis → närpolisen).', verbose_name='ord')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='admissibility_lists', to='proposals.suggestionboxpage')),
            ],
            options={
                'verbose_name': 'ordlista för prövning',
                'verbose_name_plural': 'ordlistor för prövning',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
    ]

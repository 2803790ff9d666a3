"""Step 1 of areas as rows: a proposal's and a signer's area become rows of
municipality.Area instead of the fixed list of Mittköping's districts that was
written into the code. Every value in use gets an area (an existing one with the
same slug or name, else a new one named as the list named it), and the population
figures move along with them. Step 2 (0015) drops the old columns."""

import django.db.models.deletion
from django.db import migrations, models

# The retired list's values and names, so that existing rows keep their areas.
RETIRED_NAMES = {
    "hela-kommunen": "Hela kommunen",
    "centrum": "Centrum",
    "norra": "Norra Mittköping",
    "sodra": "Södra Mittköping",
    "adalen": "Ådalen",
    "kustbyarna": "Kustbyarna",
}
WHOLE = "hela-kommunen"


def _area_for(Area, value):
    name = RETIRED_NAMES.get(value, value)
    area = (
        Area.objects.filter(slug=value).first()
        or Area.objects.filter(name=name).first()
    )
    if area is None:
        area = Area.objects.create(slug=value, name=name)
    if value == WHOLE and not Area.objects.filter(whole_municipality=True).exists():
        area.whole_municipality = True
        area.save(update_fields=["whole_municipality"])
    return area


def to_rows(apps, schema_editor):
    Area = apps.get_model("municipality", "Area")
    Proposal = apps.get_model("proposals", "Proposal")
    Signature = apps.get_model("proposals", "Signature")
    OldPopulation = apps.get_model("stats", "AreaPopulation")
    Population = apps.get_model("municipality", "AreaPopulation")
    values = set(Proposal.objects.values_list("area", flat=True))
    values |= set(Signature.objects.values_list("area", flat=True))
    values |= set(OldPopulation.objects.values_list("area", flat=True))
    values.discard("")
    for value in sorted(values):
        area = _area_for(Area, value)
        Proposal.objects.filter(area=value).update(new_area=area)
        Signature.objects.filter(area=value).update(new_area=area)
    for row in OldPopulation.objects.all():
        Population.objects.update_or_create(
            area=_area_for(Area, row.area),
            defaults={"population": row.population, "year": row.year},
        )


def to_values(apps, schema_editor):
    Proposal = apps.get_model("proposals", "Proposal")
    Signature = apps.get_model("proposals", "Signature")
    OldPopulation = apps.get_model("stats", "AreaPopulation")
    Population = apps.get_model("municipality", "AreaPopulation")
    for model in (Proposal, Signature):
        for row in model.objects.exclude(new_area=None).select_related("new_area"):
            model.objects.filter(pk=row.pk).update(area=row.new_area.slug[:40])
    for row in Population.objects.select_related("area"):
        OldPopulation.objects.update_or_create(
            area=row.area.slug[:40],
            defaults={"population": row.population, "year": row.year},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("municipality", "0001_initial"),
        ("proposals", "0013_municipality_committee"),
        ("stats", "0002_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposal",
            name="new_area",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="municipality.area",
            ),
        ),
        migrations.AddField(
            model_name="signature",
            name="new_area",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="municipality.area",
            ),
        ),
        migrations.RunPython(to_rows, to_values),
    ]

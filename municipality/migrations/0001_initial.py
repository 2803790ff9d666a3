"""Areas, committees and the municipality's settings move here from dialogues and
home. The tables stay where they are for now (state only, db_table set), so every
row and every foreign key to them is kept; 0003 gives them this app's names."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

NAME = {"max_length": 150, "unique": True, "verbose_name": "namn"}
SLUG = {"max_length": 150, "unique": True, "verbose_name": "kortnamn i adresser"}


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("dialogues", "0005_committee_view_permission"),
        ("home", "0002_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    state_operations = [
        migrations.CreateModel(
            name="Area",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("name", models.CharField(**NAME)),
                ("slug", models.SlugField(**SLUG)),
            ],
            options={
                "verbose_name": "område",
                "verbose_name_plural": "områden",
                "ordering": ["-whole_municipality", "name"],
                "db_table": "dialogues_area",
            },
        ),
        migrations.CreateModel(
            name="Committee",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("name", models.CharField(**NAME)),
                ("slug", models.SlugField(**SLUG)),
                (
                    "expected_handling_days",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Hur länge ett ärende brukar ta hos nämnden. "
                        "Frivilligt.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(730),
                        ],
                        verbose_name="förväntad handläggningstid (dagar)",
                    ),
                ),
            ],
            options={
                "verbose_name": "nämnd",
                "verbose_name_plural": "nämnder",
                "ordering": ["name"],
                "db_table": "dialogues_committee",
            },
        ),
        migrations.CreateModel(
            name="MunicipalitySettings",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        default="Mittköpings kommun",
                        max_length=100,
                        verbose_name="kommunens namn",
                    ),
                ),
                (
                    "contact_email",
                    models.EmailField(
                        blank=True,
                        max_length=254,
                        verbose_name="kontaktadress (e-post)",
                    ),
                ),
                (
                    "contact_phone",
                    models.CharField(
                        blank=True, max_length=40, verbose_name="telefon"
                    ),
                ),
                (
                    "accessibility_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="tillgänglighetsredogörelse",
                    ),
                ),
                (
                    "logo",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="logotyp",
                    ),
                ),
                (
                    "privacy_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="så hanterar vi personuppgifter",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={
                "verbose_name": "kommunens uppgifter",
                "db_table": "home_municipalitysettings",
            },
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
        migrations.AddField(
            model_name="area",
            name="whole_municipality",
            field=models.BooleanField(
                default=False,
                help_text="Området som står för hela kommunen: statistiken räknar "
                "alla underskrifter till det. Högst ett område.",
                verbose_name="hela kommunen",
            ),
        ),
        migrations.AddConstraint(
            model_name="area",
            constraint=models.UniqueConstraint(
                condition=models.Q(("whole_municipality", True)),
                fields=("whole_municipality",),
                name="municipality_one_whole_area",
                violation_error_message="Ett annat område står redan för hela "
                "kommunen.",
            ),
        ),
        migrations.CreateModel(
            name="AreaPopulation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "population",
                    models.PositiveIntegerField(
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="invånare",
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        help_text="Året som invånarantalet gäller.",
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="år",
                    ),
                ),
                (
                    "area",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="population",
                        to="municipality.area",
                        verbose_name="område",
                    ),
                ),
            ],
            options={
                "verbose_name": "invånare per område",
                "verbose_name_plural": "invånare per område",
                "ordering": ["-area__whole_municipality", "area__name"],
            },
        ),
    ]

"""The municipality itself: its areas and committees, who runs the site, and how
many people live where. Every other app builds on these."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index


class Area(models.Model):
    """A part of the municipality, such as a district: dialogues concern areas,
    proposals and signers name one, population figures are given per area."""

    name = models.CharField(_("namn"), max_length=150, unique=True)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=150, unique=True)
    whole_municipality = models.BooleanField(
        _("hela kommunen"),
        default=False,
        help_text=_(
            "Området som står för hela kommunen: statistiken räknar alla "
            "underskrifter till det. Högst ett område."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("whole_municipality")]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["-whole_municipality", "name"]
        verbose_name = _("område")
        verbose_name_plural = _("områden")
        constraints = [
            models.UniqueConstraint(
                fields=["whole_municipality"],
                condition=models.Q(whole_municipality=True),
                name="municipality_one_whole_area",
                violation_error_message=_(
                    "Ett annat område står redan för hela kommunen."
                ),
            )
        ]

    def __str__(self):
        return self.name


class Committee(models.Model):
    """A committee (nämnd) or board: decides after dialogues, handles proposals."""

    name = models.CharField(_("namn"), max_length=150, unique=True)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=150, unique=True)
    expected_handling_days = models.PositiveIntegerField(
        _("förväntad handläggningstid (dagar)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_("Hur länge ett ärende brukar ta hos nämnden. Frivilligt."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("expected_handling_days"),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("nämnd")
        verbose_name_plural = _("nämnder")

    def __str__(self):
        return self.name


class AreaPopulation(models.Model):
    """How many people live in one of the municipality's areas, as the
    municipality reports it; signatures per 1,000 residents divide by it."""

    area = models.OneToOneField(
        Area,
        verbose_name=_("område"),
        on_delete=models.CASCADE,
        related_name="population",
    )
    population = models.PositiveIntegerField(
        _("invånare"), validators=[MinValueValidator(1)]
    )
    year = models.PositiveSmallIntegerField(
        _("år"),
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Året som invånarantalet gäller."),
    )

    # A plain list: a handful of areas, and the snippet chooser's widget fails on a
    # posted value that is not a number instead of showing the form's error.
    panels = [
        FieldPanel("area", widget=forms.Select),
        FieldPanel("population"),
        FieldPanel("year"),
    ]

    class Meta:
        ordering = ["-area__whole_municipality", "area__name"]
        verbose_name = _("invånare per område")
        verbose_name_plural = _("invånare per område")

    def __str__(self):
        return f"{self.area}: {self.population} ({self.year})"


@register_setting(icon="home")
class MunicipalitySettings(BaseSiteSetting):
    """Who runs the site: the municipality's name, logo, contact and legal pages."""

    # The header and footer of every page show all three: one query, not four.
    select_related = ["logo", "accessibility_page", "privacy_page"]

    name = models.CharField(
        _("kommunens namn"), max_length=100, default="Mittköpings kommun"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logotyp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("kontaktadress (e-post)"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tillgänglighetsredogörelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("så hanterar vi personuppgifter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("logo")], heading=_("Avsändare")
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Sidfotens länkar"),
        ),
    ]

    class Meta:
        verbose_name = _("kommunens uppgifter")


class SearchWord(models.Model):
    """A word key in the site's search index (municipality/language/), kept so that
    a mistyped search word can be matched to the word the resident meant."""

    key = models.CharField(max_length=100, unique=True)

    def __str__(self):
        return self.key

"""Politicians who answer referred proposals, and staff mail opt-outs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class PoliticianProfile(models.Model):
    """An elected representative (förtroendevald) who answers proposals in the admin."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="politician_profile",
    )
    name = models.CharField(_("namn"), max_length=120)
    party = models.CharField(_("parti"), max_length=80)
    role = models.CharField(
        _("uppdrag"), max_length=160, help_text=_("T.ex. ordförande i tekniska nämnden")
    )
    committees = models.ManyToManyField(
        "municipality.Committee",
        verbose_name=_("nämnder"),
        related_name="politicians",
        blank=True,
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("name"),
        FieldPanel("party"),
        FieldPanel("role"),
        FieldPanel("committees"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("politikerprofil")
        verbose_name_plural = _("politikerprofiler")

    def __str__(self):
        return self.byline

    @property
    def byline(self):
        """Who stands behind a response: name, party and role."""
        return f"{self.name} ({self.party}), {self.role}"


class StaffMailOptOut(models.Model):
    """A staff member who no longer wants the suggestion box's e-mails."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="proposal_mail_opt_out",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("avregistrering från e-post")
        verbose_name_plural = _("avregistreringar från e-post")

    def __str__(self):
        return str(self.user)


class PoliticianComment(models.Model):
    """The byline a politician's comment was posted under, kept as it was: a later
    change to the profile (a new role, a rename) never rewrites what was said."""

    wagtail_reference_index_ignore = True

    comment = models.OneToOneField(
        "django_comments_xtd.XtdComment",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("kommentar"),
    )
    byline = models.CharField(_("undertecknad av"), max_length=300)

    class Meta:
        verbose_name = _("politikers kommentar")
        verbose_name_plural = _("politikers kommentarer")

    def __str__(self):
        return self.byline

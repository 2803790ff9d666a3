"""A resident's co-signature on a proposal."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipality import mailbox
from proposals.constants import ConfirmedBy

# One person signs once: variants of their address must not count twice.
normalise_email = mailbox.reached


def eid_key(identity_hash):
    """What stands for the mailbox of an e-legitimation signature."""
    return f"eid:{identity_hash}"


class Signature(models.Model):
    """A co-signature (underskrift); it counts once its e-mail link is confirmed."""

    # Nothing links to a signature from pages or snippets, and Wagtail's reference
    # index would queue one task per signature saved: a write per signer for nothing.
    wagtail_reference_index_ignore = True

    proposal = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("förslag"),
        on_delete=models.CASCADE,
        related_name="signatures",
    )
    name = models.CharField(_("namn"), max_length=100)
    show_name = models.BooleanField(_("visa namnet"), default=True)
    # Private: never rendered on the public site.
    email = models.EmailField(_("e-post"))
    email_normalised = models.CharField(max_length=254, db_index=True, editable=False)
    # Optional, and forgotten if the area is deleted: it only feeds the statistics.
    area = models.ForeignKey(
        "municipality.Area",
        verbose_name=_("område"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # How it was confirmed. An e-legitimation signature has no e-mail: its
    # email_normalised is "eid:" and the person's key, so the constraint below
    # counts a person once as it counts a mailbox once.
    method = models.CharField(
        _("bekräftad med"),
        max_length=10,
        choices=ConfirmedBy.choices,
        default=ConfirmedBy.EMAIL,
        editable=False,
    )
    # Private, never shown: the keyed hash of the signer's personal identity number
    # (eid/identity.py), on an e-legitimation signature and on an e-mail signature
    # its signer linked with e-legitimation. Emptied by the retention purge.
    identity_hash = models.CharField(max_length=64, blank=True, editable=False)
    keep_informed = models.BooleanField(_("vill få besked"), default=False)
    language = models.CharField(max_length=10, default="sv", editable=False)
    ip_address = models.GenericIPAddressField(_("IP-adress"), null=True, blank=True)
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)
    flagged = models.BooleanField(
        _("flaggad"),
        default=False,
        help_text=_("Över gränsen för underskrifter från samma adress; räknas inte."),
    )

    class Meta:
        ordering = ["confirmed_at", "pk"]
        verbose_name = _("underskrift")
        verbose_name_plural = _("underskrifter")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "email_normalised"],
                condition=models.Q(confirmed_at__isnull=False),
                name="proposals_one_confirmed_signature_per_email",
            ),
            # One person per proposal across both methods, once an e-mail signer
            # has linked their signature with e-legitimation.
            models.UniqueConstraint(
                fields=["proposal", "identity_hash"],
                condition=models.Q(confirmed_at__isnull=False)
                & ~models.Q(identity_hash=""),
                name="proposals_one_confirmed_signature_per_person",
            ),
        ]
        # The names shown on a proposal page, newest first (proposals/views/public.py).
        indexes = [
            models.Index(
                fields=["proposal", "-confirmed_at", "-id"],
                condition=models.Q(
                    confirmed_at__isnull=False, flagged=False, show_name=True
                ),
                name="signature_public_names",
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.proposal}"

    def save(self, *args, **kwargs):
        if self.method == ConfirmedBy.EID:
            self.email = ""
            if self.identity_hash:  # emptied by the retention purge
                self.email_normalised = eid_key(self.identity_hash)
        else:
            self.email = mailbox.comparable(self.email) if self.email else ""
            self.email_normalised = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def counts(self):
        return self.confirmed_at is not None and not self.flagged

    @property
    def public_name(self):
        return self.name if self.show_name else ""

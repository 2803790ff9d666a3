"""The public, hash-chained log of counted signatures (underskriftsloggen)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SignatureLogEntry(models.Model):
    """One counted-signature event on a proposal: added, withdrawn or anonymised.

    Appended only, under the proposal's row lock (proposals/signature_log.py), so
    each proposal's entries form one chain: seq 1, 2, 3 …, each holding the hash
    of the one before. Nothing in a published column is personal: the receipt is
    the SHA-256 of a code only the signer was given."""

    ADD = "add"
    WITHDRAW = "withdraw"
    ANONYMISE = "anonymise"
    EVENTS = [
        (ADD, _("räknad")),
        (WITHDRAW, _("återtagen")),
        (ANONYMISE, _("gallrad")),
    ]

    # A log is a record, not content: Wagtail's reference index has no use for it.
    wagtail_reference_index_ignore = True

    proposal = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("förslag"),
        on_delete=models.CASCADE,
        related_name="signature_log",
    )
    seq = models.PositiveIntegerField(_("nummer"))
    event = models.CharField(_("händelse"), max_length=10, choices=EVENTS)
    # UTC, to the minute: when, but not precisely enough to match a visit.
    time = models.CharField(_("tid"), max_length=17)
    receipt = models.CharField(_("kvitto"), max_length=64)
    # How an added signature was confirmed ("email" or "eid"); empty on entries
    # written before the log recorded it and on withdrawals and anonymisations.
    # Hashed with the entry when set (signature_log.entry_hash).
    method = models.CharField(
        _("bekräftad med"), max_length=10, blank=True, default="", db_default=""
    )
    prev_hash = models.CharField(_("föregående hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)
    # Private, never published: which signature an entry is about, so withdrawing
    # or anonymising it repeats its receipt. Not a foreign key: the signature row
    # goes when it is withdrawn, the log stays.
    signature_id = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["proposal", "seq"]
        verbose_name = _("underskriftslogg")
        verbose_name_plural = _("underskriftsloggar")
        constraints = [
            # The backstop against a forked chain: one entry per place in it.
            models.UniqueConstraint(
                fields=["proposal", "seq"], name="signature_log_one_entry_per_seq"
            )
        ]
        indexes = [
            models.Index(
                fields=["proposal", "signature_id"], name="signature_log_signature"
            )
        ]

    def __str__(self):
        return f"{self.proposal_id} #{self.seq} {self.event}"

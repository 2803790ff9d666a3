"""The public signature log (proposals/signature_log.py), with an entry for every
signature counted before it existed, in the order they were confirmed. The hashing
is repeated here as it stands today, so later changes to the module leave this
migration as it ran."""

import django.db.models.deletion
import hashlib
from datetime import UTC

from django.db import migrations, models
from django.utils.crypto import salted_hmac

GENESIS = "0" * 64


def _receipt(signature_id):
    code = salted_hmac(
        "delaktig.signature-receipt", str(signature_id), algorithm="sha256"
    ).hexdigest()[:32]
    return hashlib.sha256(code.encode()).hexdigest()


def log_counted_signatures(apps, schema_editor):
    Signature = apps.get_model("proposals", "Signature")
    Entry = apps.get_model("proposals", "SignatureLogEntry")
    counted = Signature.objects.filter(confirmed_at__isnull=False, flagged=False)
    proposal_ids = counted.values_list("proposal_id", flat=True).distinct()
    for proposal_id in proposal_ids.order_by("proposal_id").iterator():
        prev, rows = GENESIS, []
        signatures = counted.filter(proposal_id=proposal_id).order_by(
            "confirmed_at", "pk"
        )
        for seq, (pk, confirmed_at) in enumerate(
            signatures.values_list("pk", "confirmed_at").iterator(), start=1
        ):
            time = confirmed_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
            receipt = _receipt(pk)
            text = f"{proposal_id}|{seq}|add|{time}|{receipt}|{prev}"
            digest = hashlib.sha256(text.encode()).hexdigest()
            rows.append(
                Entry(
                    proposal_id=proposal_id,
                    seq=seq,
                    event="add",
                    time=time,
                    receipt=receipt,
                    prev_hash=prev,
                    hash=digest,
                    signature_id=pk,
                )
            )
            prev = digest
        Entry.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0018_canonical_mailboxes"),
    ]

    operations = [
        migrations.CreateModel(
            name="SignatureLogEntry",
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
                ("seq", models.PositiveIntegerField(verbose_name="nummer")),
                (
                    "event",
                    models.CharField(
                        choices=[
                            ("add", "räknad"),
                            ("withdraw", "återtagen"),
                            ("anonymise", "gallrad"),
                        ],
                        max_length=10,
                        verbose_name="händelse",
                    ),
                ),
                ("time", models.CharField(max_length=17, verbose_name="tid")),
                ("receipt", models.CharField(max_length=64, verbose_name="kvitto")),
                (
                    "prev_hash",
                    models.CharField(max_length=64, verbose_name="föregående hash"),
                ),
                ("hash", models.CharField(max_length=64, verbose_name="hash")),
                (
                    "signature_id",
                    models.BigIntegerField(blank=True, editable=False, null=True),
                ),
                (
                    "proposal",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="signature_log",
                        to="proposals.proposal",
                        verbose_name="förslag",
                    ),
                ),
            ],
            options={
                "verbose_name": "underskriftslogg",
                "verbose_name_plural": "underskriftsloggar",
                "ordering": ["proposal", "seq"],
                "indexes": [
                    models.Index(
                        fields=["proposal", "signature_id"],
                        name="signature_log_signature",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("proposal", "seq"),
                        name="signature_log_one_entry_per_seq",
                    )
                ],
            },
        ),
        migrations.RunPython(log_counted_signatures, migrations.RunPython.noop),
    ]

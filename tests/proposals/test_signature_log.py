"""The verifiable signature log: a hash chain of counted signatures that anyone can
check from the public download alone, and that holds nothing personal."""

import csv
import hashlib
import importlib
import io
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from proposals import lifecycle, signature_log
from proposals.constants import Status
from proposals.models import Proposal, Signature, SignatureLogEntry
from proposals.retention import purge_personal_data
from tests.proposals.helpers import link_containing, sign_data

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"
SIGNER_IP = "198.51.100.23"


def _signed(proposal, n, *, flagged=False):
    """A signature given through the lifecycle (not yet confirmed)."""
    return lifecycle.sign(
        Proposal.objects.get(pk=proposal.pk),
        name=f"Signe Signatär {n}",
        email=f"signe{n}.privat@example.org",
        ip_address=SIGNER_IP,
        flagged=flagged,
        notify=False,
    )


def _sign_and_confirm(proposal, count, start=0):
    ids = []
    for n in range(start, start + count):
        signature = _signed(proposal, n)
        # Alternate the common-case confirmation (an id) and the full one.
        if n % 2:
            target = signature.pk
        else:
            target = Signature.objects.select_related("proposal").get(pk=signature.pk)
        assert lifecycle.confirm_signature(target) == lifecycle.CONFIRMED
        ids.append(signature.pk)
    return ids


def _download(client, proposal):
    response = client.get(f"/api/v1/proposals/{proposal.pk}/signature-log.csv")
    assert response.status_code == 200
    return response.content.decode("utf-8")


def _rows(text):
    return list(csv.reader(io.StringIO(text)))


def _text(rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


@pytest.fixture
def signed_proposal(open_proposal):
    _sign_and_confirm(open_proposal, 5)
    return Proposal.objects.get(pk=open_proposal.pk)


def test_each_confirmation_appends_one_linked_entry(signed_proposal):
    log = list(signature_log.entries(signed_proposal.pk))
    assert [entry.seq for entry in log] == [1, 2, 3, 4, 5]
    assert {entry.event for entry in log} == {SignatureLogEntry.ADD}
    assert log[0].prev_hash == signature_log.GENESIS
    for before, after in zip(log, log[1:], strict=False):
        assert after.prev_hash == before.hash
    assert len({entry.receipt for entry in log}) == 5
    result = signature_log.verify(signature_log.csv_text(signed_proposal.pk))
    assert result.count == signed_proposal.signature_count == 5
    assert result.head == log[-1].hash == signature_log.head(signed_proposal.pk)[1]


def test_withdrawing_repeats_the_receipt_and_lowers_the_count(open_proposal):
    ids = _sign_and_confirm(open_proposal, 3)
    lifecycle.withdraw_signature(ids[1])

    last = signature_log.entries(open_proposal.pk).last()
    added = SignatureLogEntry.objects.get(signature_id=ids[1], event="add")
    assert (last.event, last.receipt) == (SignatureLogEntry.WITHDRAW, added.receipt)
    result = signature_log.verify(signature_log.csv_text(open_proposal.pk))
    assert result.count == Proposal.objects.get(pk=open_proposal.pk).signature_count
    assert result.count == 2


def test_a_flagged_signature_is_logged_when_it_starts_to_count(open_proposal):
    signature = _signed(open_proposal, 1, flagged=True)
    assert lifecycle.confirm_signature(signature.pk) == lifecycle.CONFIRMED_FLAGGED
    assert not SignatureLogEntry.objects.filter(proposal=open_proposal).exists()

    lifecycle.clear_signature(signature)

    assert signature_log.verify(signature_log.csv_text(open_proposal.pk)).count == 1
    # Withdrawing a flagged signature that never counted leaves the log alone.
    other = _signed(open_proposal, 2, flagged=True)
    lifecycle.confirm_signature(other.pk)
    lifecycle.withdraw_signature(other.pk)
    assert SignatureLogEntry.objects.filter(proposal=open_proposal).count() == 1


def test_duplicate_and_unconfirmed_signatures_are_not_logged(open_proposal):
    first = _signed(open_proposal, 1)
    lifecycle.confirm_signature(first.pk)
    again = _signed(open_proposal, 1)  # the same person signs twice
    assert lifecycle.confirm_signature(again.pk) == lifecycle.DUPLICATE
    _signed(open_proposal, 2)  # never confirmed
    assert SignatureLogEntry.objects.filter(proposal=open_proposal).count() == 1


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        ("change_receipt", "changed"),
        ("change_event", "changed"),
        ("change_time", "changed"),
        ("change_method", "changed"),
        ("delete_middle", "expected"),
        ("delete_first", "expected"),
        ("reorder", "expected"),
        ("insert_forged", "expected"),
        ("duplicate_row", "expected"),
    ],
)
def test_any_tampering_with_the_download_fails(
    client, signed_proposal, tamper, message
):
    rows = _rows(_download(client, signed_proposal))
    header, body = rows[0], rows[1:]
    if tamper == "change_receipt":
        body[2][4] = hashlib.sha256(b"someone else").hexdigest()
    elif tamper == "change_method":
        body[2][5] = "eid"
    elif tamper == "change_event":
        body[2][2] = "withdraw"
    elif tamper == "change_time":
        body[2][3] = "2020-01-01T00:00Z"
    elif tamper == "delete_middle":
        del body[2]
    elif tamper == "delete_first":
        del body[0]
    elif tamper == "reorder":
        body[1], body[2] = body[2], body[1]
    elif tamper == "insert_forged":
        # A well-formed row with its own correct hash, slipped in after row 2.
        prev = body[1][-1]
        receipt = hashlib.sha256(b"forged").hexdigest()
        fields = [str(signed_proposal.pk), "3", "add", "2026-01-01T00:00Z", receipt]
        digest = signature_log.entry_hash(*fields, prev, "email")
        forged = [*fields, "email", prev, digest]
        body = [*body[:2], forged, *body[2:]]
    elif tamper == "duplicate_row":
        body.insert(3, body[2])
    with pytest.raises(signature_log.ChainError, match=message):
        signature_log.verify(_text([header, *body]))


def test_rows_cut_off_at_the_end_fail_against_the_published_head(
    client, signed_proposal, tmp_path
):
    rows = _rows(_download(client, signed_proposal))
    shortened = tmp_path / "log.csv"
    shortened.write_text(_text(rows[:-1]), encoding="utf-8")
    head = signature_log.head(signed_proposal.pk)[1]

    with pytest.raises(CommandError, match="counts 4 signatures, the proposal shows 5"):
        call_command("verify_signature_log", str(shortened), "--count", "5")
    with pytest.raises(CommandError, match="is not in this log"):
        call_command("verify_signature_log", str(shortened), "--head", head)


def test_a_head_shown_before_later_signatures_is_found_with_its_count(
    client, signed_proposal, tmp_path
):
    shown = signature_log.head(signed_proposal.pk)[1]  # a cached page's head
    _sign_and_confirm(signed_proposal, 2, start=10)
    path = tmp_path / "log.csv"
    path.write_text(_download(client, signed_proposal), encoding="utf-8")
    out = io.StringIO()
    call_command(
        "verify_signature_log", str(path), "--head", shown, "--count", "5", stdout=out
    )
    assert "7 signatures counted" in out.getvalue()
    assert "2 entries before the end of the log, with 5" in out.getvalue()
    with pytest.raises(CommandError, match="counts 5 signatures, the proposal shows 7"):
        call_command("verify_signature_log", str(path), "--head", shown, "--count", "7")


def test_an_appended_forged_row_fails_against_the_published_count(
    client, signed_proposal, tmp_path
):
    rows = _rows(_download(client, signed_proposal))
    prev = rows[-1][-1]
    fields = [str(signed_proposal.pk), "6", "add", "2026-01-01T00:00Z", "f" * 64]
    digest = signature_log.entry_hash(*fields, prev, "email")
    rows.append([*fields, "email", prev, digest])
    forged = tmp_path / "log.csv"
    forged.write_text(_text(rows), encoding="utf-8")

    with pytest.raises(CommandError, match="counts 6 signatures"):
        call_command("verify_signature_log", str(forged), "--count", "5")


def test_the_command_verifies_a_file_and_a_proposal_id(
    client, signed_proposal, tmp_path
):
    path = tmp_path / "log.csv"
    path.write_text(_download(client, signed_proposal), encoding="utf-8")
    head = signature_log.head(signed_proposal.pk)[1]
    for source in (str(path), str(signed_proposal.pk)):
        out = io.StringIO()
        call_command("verify_signature_log", source, "--head", head, stdout=out)
        assert f"5 signatures counted (0 with e-legitimation), chain head {head}" in (
            out.getvalue()
        )
    with pytest.raises(CommandError, match="No such file"):
        call_command("verify_signature_log", str(tmp_path / "missing.csv"))


def test_the_readme_recipe_verifies_the_download(client, signed_proposal, tmp_path):
    recipe = re.search(
        r"### Verify the count.*?```python\n(.*?)```", README.read_text(), re.S
    ).group(1)
    assert len([line for line in recipe.splitlines() if line.strip()]) <= 12
    script = tmp_path / "verify.py"
    script.write_text(recipe, encoding="utf-8")
    good = tmp_path / "log.csv"
    good.write_text(_download(client, signed_proposal), encoding="utf-8")
    run = subprocess.run(  # noqa: S603 (our own README's code)
        [sys.executable, str(script), str(good)],
        capture_output=True,
        text=True,
        check=False,
    )
    head = signature_log.head(signed_proposal.pk)[1]
    assert run.stdout.strip() == f"5 signatures, chain head {head}"

    rows = _rows(good.read_text())
    rows[1], rows[2] = rows[2], rows[1]
    bad = tmp_path / "bad.csv"
    bad.write_text(_text(rows), encoding="utf-8")
    failed = subprocess.run(  # noqa: S603
        [sys.executable, str(script), str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert failed.returncode != 0


def test_the_download_is_anonymous_cacheable_and_holds_nothing_personal(
    client, signed_proposal
):
    response = client.get(f"/api/v1/proposals/{signed_proposal.pk}/signature-log.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "public" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    text = response.content.decode()
    assert text.splitlines()[0] == ",".join(signature_log.COLUMNS)
    for signature in Signature.objects.filter(proposal=signed_proposal):
        assert signature.email not in text
        assert signature.email.split("@")[0] not in text
        assert signature.name not in text
    assert "Signe" not in text
    assert SIGNER_IP not in text
    assert "@" not in text

    again = client.get(
        f"/api/v1/proposals/{signed_proposal.pk}/signature-log.csv",
        headers={"if-none-match": response["ETag"]},
    )
    assert again.status_code == 304


@pytest.mark.parametrize("status", [Status.IN_MODERATION, Status.REJECTED])
def test_no_log_of_a_proposal_that_is_not_public(client, proposal_factory, status):
    proposal = proposal_factory(status)
    response = client.get(f"/api/v1/proposals/{proposal.pk}/signature-log.csv")
    assert response.status_code == 404


def test_the_proposal_page_shows_the_chain_head(client, signed_proposal):
    html = client.get(signed_proposal.get_url()).content.decode()
    head = signature_log.head(signed_proposal.pk)[1]
    assert head in html
    assert f"/api/v1/proposals/{signed_proposal.pk}/signature-log.csv" in html


def test_the_signer_gets_a_receipt_that_finds_their_row(client, open_proposal):
    email = "bertil.privat@example.org"
    client.post(open_proposal.get_url() + "skriv-under/", sign_data(email=email))
    code = re.search(r"\b[0-9a-f]{32}\b", mail.outbox[-1].body).group(0)
    receipt = hashlib.sha256(code.encode()).hexdigest()
    assert receipt in mail.outbox[-1].body

    # The link opens a page whose button confirms (a POST).
    page = client.post(link_containing("/bekrafta-underskrift/", to=email))
    assert page.status_code == 200
    html = page.content.decode()
    assert code in html
    assert receipt in html
    download = _download(client, open_proposal)
    assert [row[4] for row in _rows(download)[1:]] == [receipt]
    # The signer's private page keeps the receipt for later.
    manage = client.get(link_containing("/min-underskrift/", to=email))
    assert code in manage.content.decode()
    assert receipt in manage.content.decode()


def test_retention_keeps_the_log_verifiable_and_the_count(client, open_proposal):
    _sign_and_confirm(open_proposal, 4)
    ended = timezone.now() - timedelta(days=400)
    Proposal.objects.filter(pk=open_proposal.pk).update(
        status=Status.CLOSED_UNSUPPORTED, closed_at=ended
    )
    before = signature_log.verify(signature_log.csv_text(open_proposal.pk))

    report = purge_personal_data()

    assert report.signatures == 4
    proposal = Proposal.objects.get(pk=open_proposal.pk)
    text = signature_log.csv_text(proposal.pk)
    after = signature_log.verify(text)
    assert after.count == before.count == proposal.signature_count == 4
    assert after.entries == 8  # each counted signature marked anonymised
    assert [row[2] for row in _rows(text)[5:]] == ["anonymise"] * 4
    assert not Signature.objects.filter(proposal=proposal).exclude(email="").exists()
    # A second run finds nothing to do and adds nothing.
    purge_personal_data()
    assert signature_log.verify(signature_log.csv_text(proposal.pk)).entries == 8


def test_backfill_logs_signatures_counted_before_the_log(proposal_factory):
    proposal = proposal_factory(Status.OPEN, signatures=3)
    assert signature_log.backfill(proposal.pk) == 3
    assert signature_log.backfill(proposal.pk) == 0
    result = signature_log.verify(signature_log.csv_text(proposal.pk))
    assert result.count == proposal.signature_count == 3


def test_the_migration_logs_earlier_signatures_as_the_module_would(proposal_factory):
    migration = importlib.import_module("proposals.migrations.0019_signature_log")
    proposal = proposal_factory(Status.OPEN, signatures=3)
    SignatureLogEntry.objects.all().delete()

    migration.log_counted_signatures(django_apps, None)

    result = signature_log.verify(signature_log.csv_text(proposal.pk))
    assert result.count == proposal.signature_count == 3
    signatures = Signature.objects.filter(proposal=proposal).order_by(
        "confirmed_at", "pk"
    )
    assert [e.receipt for e in signature_log.entries(proposal.pk)] == [
        signature_log.receipt_of(signature_log.receipt_code(s.pk)) for s in signatures
    ]
    # Withdrawing one later repeats the receipt the migration wrote.
    lifecycle.withdraw_signature(signatures[0].pk)
    assert signature_log.verify(signature_log.csv_text(proposal.pk)).count == 2


def test_withdrawing_a_signature_the_log_never_counted_keeps_it_valid(
    proposal_factory,
):
    proposal = proposal_factory(Status.OPEN, signatures=2)  # written without the log
    _sign_and_confirm(proposal, 1, start=50)
    unlogged = Signature.objects.filter(proposal=proposal).order_by("pk").first()

    lifecycle.withdraw_signature(unlogged.pk)

    result = signature_log.verify(signature_log.csv_text(proposal.pk))
    assert (result.entries, result.count) == (1, 1)


def test_the_command_checks_every_log_after_a_signing_run(proposal_factory):
    good = proposal_factory(Status.OPEN, title="Fler bänkar")
    _sign_and_confirm(good, 3)
    forked = proposal_factory(Status.OPEN, title="Fler träd")
    _sign_and_confirm(forked, 3, start=20)
    out = io.StringIO()
    call_command("verify_signature_log", "--all", stdout=out)
    assert "2 logs checked, 0 broken, 0 with another count" in out.getvalue()

    # A fork: two entries claiming the same predecessor.
    second = SignatureLogEntry.objects.get(proposal=forked, seq=2)
    third = SignatureLogEntry.objects.get(proposal=forked, seq=3)
    third.prev_hash = second.prev_hash
    third.hash = signature_log.entry_hash(
        forked.pk, 3, third.event, third.time, third.receipt, third.prev_hash
    )
    third.save()
    with pytest.raises(CommandError, match=f"proposal {forked.pk}: row 4"):
        call_command("verify_signature_log", "--all", stdout=io.StringIO())


def test_a_log_from_before_the_method_column_still_verifies(open_proposal):
    """Entries written before the log recorded the method hash as they always did,
    and a download of that time (no method column) verifies unchanged."""
    prev, lines = (
        signature_log.GENESIS,
        ["proposal,seq,event,time,receipt,prev_hash,hash"],
    )
    for seq in (1, 2):
        fields = [str(open_proposal.pk), str(seq), "add", "2025-01-01T00:00Z"]
        fields.append(hashlib.sha256(str(seq).encode()).hexdigest())
        digest = signature_log.entry_hash(*fields, prev)
        lines.append(",".join([*fields, prev, digest]))
        prev = digest
    assert signature_log.verify("\n".join(lines)).count == 2
    # The same rows in today's format, with an empty method, hash the same way.
    today = ["proposal,seq,event,time,receipt,method,prev_hash,hash"]
    for line in lines[1:]:
        cells = line.split(",")
        today.append(",".join([*cells[:5], "", *cells[5:]]))
    result = signature_log.verify("\n".join(today))
    assert (result.count, result.head, result.by_eid) == (2, prev, 0)


def test_each_counted_signature_says_how_it_was_confirmed(client, signed_proposal):
    rows = _rows(_download(client, signed_proposal))
    assert rows[0] == signature_log.COLUMNS
    assert {row[5] for row in rows[1:] if row[2] == "add"} == {"email"}

"""The signature log against PostgreSQL: concurrent signers make one linear chain
(no fork, no gap), and the log counts exactly what the proposal counts."""

import io
import threading

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections

from proposals import lifecycle, signature_log
from proposals.constants import Status
from proposals.models import Proposal, Signature, SignatureLogEntry

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not settings.IS_POSTGRES, reason="PostgreSQL not configured (DATABASE_URL)"
    ),
]

THREADS = 40


def _run(threads):
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _assert_one_chain(proposal):
    proposal.refresh_from_db()
    log = list(SignatureLogEntry.objects.filter(proposal=proposal).order_by("seq"))
    assert [entry.seq for entry in log] == list(range(1, len(log) + 1))
    prev = signature_log.GENESIS
    for entry in log:
        assert entry.prev_hash == prev
        prev = entry.hash
    result = signature_log.verify(signature_log.csv_text(proposal.pk))
    counted = Signature.objects.filter(
        proposal=proposal, confirmed_at__isnull=False, flagged=False
    ).count()
    assert result.count == proposal.signature_count == counted
    return log, result


def test_concurrent_signers_make_one_linear_chain(box, proposal_factory):
    box.signature_threshold = 1000
    box.save()
    proposal = proposal_factory(Status.OPEN)
    ids = [
        lifecycle.sign(
            Proposal.objects.get(pk=proposal.pk),
            name=f"Person {n}",
            email=f"person{n}@example.org",
            notify=False,
        ).pk
        for n in range(THREADS)
    ]
    barrier = threading.Barrier(THREADS)
    errors, results = [], []

    def worker(n):
        try:
            barrier.wait(timeout=60)
            # Half through the common case (an id), half through the full one.
            target = ids[n]
            if n % 2:
                target = Signature.objects.select_related("proposal").get(pk=ids[n])
            results.append(lifecycle.confirm_signature(target))
        except Exception as error:  # noqa: BLE001 - every failure must be reported
            errors.append(repr(error))
            barrier.abort()
        finally:
            connections.close_all()

    _run([threading.Thread(target=worker, args=(n,)) for n in range(THREADS)])

    assert errors == []
    assert results.count(lifecycle.CONFIRMED) == THREADS
    log, result = _assert_one_chain(proposal)
    assert len(log) == result.count == THREADS
    assert connection.vendor == "postgresql"
    out = io.StringIO()
    call_command("verify_signature_log", "--all", stdout=out)
    assert "1 logs checked, 0 broken, 0 with another count" in out.getvalue()


def test_concurrent_signing_and_withdrawing_keep_the_chain(box, proposal_factory):
    box.signature_threshold = 1000
    box.save()
    proposal = proposal_factory(Status.OPEN)
    first = []
    for n in range(THREADS // 2):
        signature = lifecycle.sign(
            Proposal.objects.get(pk=proposal.pk),
            name=f"Tidig {n}",
            email=f"tidig{n}@example.org",
            notify=False,
        )
        lifecycle.confirm_signature(signature.pk)
        first.append(signature.pk)
    later = [
        lifecycle.sign(
            Proposal.objects.get(pk=proposal.pk),
            name=f"Sen {n}",
            email=f"sen{n}@example.org",
            notify=False,
        ).pk
        for n in range(THREADS // 2)
    ]
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker(n):
        try:
            barrier.wait(timeout=60)
            if n % 2:
                lifecycle.withdraw_signature(first[n // 2])
            else:
                lifecycle.confirm_signature(later[n // 2])
        except Exception as error:  # noqa: BLE001 - every failure must be reported
            errors.append(repr(error))
            barrier.abort()
        finally:
            connections.close_all()

    _run([threading.Thread(target=worker, args=(n,)) for n in range(THREADS)])

    assert errors == []
    log, result = _assert_one_chain(proposal)
    assert len(log) == THREADS // 2 + THREADS
    assert result.count == THREADS // 2

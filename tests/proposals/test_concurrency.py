"""Invariant 1 against PostgreSQL: concurrent signing never loses or double-counts."""

import threading

import pytest
from django.conf import settings
from django.db import connection, connections

from proposals import lifecycle
from proposals.constants import Status
from proposals.models import Proposal, Signature

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not settings.IS_POSTGRES, reason="PostgreSQL not configured (DATABASE_URL)"
    ),
]

THREADS = 52
DISTINCT = 30  # the other 22 threads reuse one of these e-mails in another spelling


def email_for(n):
    base = n % DISTINCT
    if n < DISTINCT:
        return f"person{base}@example.org"
    return f"Person{base}+again@EXAMPLE.org"


def test_concurrent_signing_counts_exactly(box, proposal_factory):
    box.signature_threshold = 1000
    box.save()
    proposal = proposal_factory(Status.OPEN)
    barrier = threading.Barrier(THREADS)
    errors = []
    results = []

    def worker(n):
        try:
            signature = lifecycle.sign(
                Proposal.objects.get(pk=proposal.pk),
                name=f"Person {n}",
                email=email_for(n),
            )
            barrier.wait(timeout=60)
            results.append(lifecycle.confirm_signature(signature.pk))
        except Exception as error:  # noqa: BLE001 - every failure must be reported
            errors.append(repr(error))
            barrier.abort()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert results.count(lifecycle.CONFIRMED) == DISTINCT
    assert results.count(lifecycle.DUPLICATE) == THREADS - DISTINCT
    proposal.refresh_from_db()
    confirmed = Signature.objects.filter(
        proposal=proposal, confirmed_at__isnull=False
    ).count()
    distinct = (
        Signature.objects.filter(proposal=proposal, confirmed_at__isnull=False)
        .values("email_normalised")
        .distinct()
        .count()
    )
    assert proposal.signature_count == confirmed == distinct == DISTINCT
    assert lifecycle.reconcile_counts(fix=False) == []
    assert connection.vendor == "postgresql"


def test_concurrent_signing_across_the_threshold_refers_once(box, proposal_factory):
    box.signature_threshold = 10
    box.save()
    proposal = proposal_factory(Status.OPEN)
    signatures = [
        lifecycle.sign(proposal, name=f"P{n}", email=f"p{n}@example.org")
        for n in range(THREADS)
    ]
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker(signature):
        try:
            barrier.wait(timeout=60)
            lifecycle.confirm_signature(signature.pk)
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(s,)) for s in signatures]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    proposal.refresh_from_db()
    assert proposal.status == Status.REFERRED
    assert proposal.trail.filter(status=Status.REFERRED).count() == 1
    assert proposal.signature_count == THREADS  # signing continues after referral


def test_many_clicks_on_one_link_at_once_count_once(box, proposal_factory):
    """A mail scanner and the resident open the link together: each read the
    signature unconfirmed, one confirmation counts."""
    box.signature_threshold = 1000
    box.save()
    proposal = proposal_factory(Status.OPEN)
    signature = lifecycle.sign(proposal, name="Eva", email="eva@example.org")
    clicks = 12
    barrier = threading.Barrier(clicks)
    errors = []
    results = []

    def worker():
        try:
            read = Signature.objects.select_related("proposal").get(pk=signature.pk)
            barrier.wait(timeout=60)
            results.append(lifecycle.confirm_signature(read))
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))
            barrier.abort()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(clicks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results.count(lifecycle.CONFIRMED) == 1
    assert results.count(lifecycle.ALREADY_CONFIRMED) == clicks - 1
    proposal.refresh_from_db()
    assert proposal.signature_count == 1
    assert lifecycle.reconcile_counts(fix=False) == []

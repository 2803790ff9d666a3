"""Invariant 1 for e-legitimation against PostgreSQL: one person's simultaneous
attempts count once; different people all count."""

import threading

import pytest
from django.conf import settings
from django.db import connection, connections

from eid import identity
from eid.client import Identity
from proposals import lifecycle, signature_log
from proposals.constants import Status
from proposals.models import Signature

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not settings.IS_POSTGRES, reason="PostgreSQL not configured (DATABASE_URL)"
    ),
]

THREADS = 12
PEOPLE = ["191212121212", "190001011006", "190002021004"]


def _attempts(proposal, people):
    barrier = threading.Barrier(len(people))
    results, errors = [], []

    def worker(pin):
        try:
            person = Identity(key=identity.key_for(pin))
            barrier.wait(timeout=60)
            result, _signature = lifecycle.sign_with_eid(
                proposal.pk, person, name="Tolvan"
            )
            results.append(result)
        except Exception as error:  # noqa: BLE001 - every failure must be reported
            errors.append(repr(error))
            barrier.abort()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(pin,)) for pin in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


def test_two_simultaneous_attempts_of_one_person_count_once(box, proposal_factory):
    proposal = proposal_factory(Status.OPEN, signature_method="eid")
    results = _attempts(proposal, [PEOPLE[0], PEOPLE[0]])
    assert sorted(results) == sorted([lifecycle.SIGNED, lifecycle.DUPLICATE])
    proposal.refresh_from_db()
    assert proposal.signature_count == 1
    assert Signature.objects.filter(proposal=proposal).count() == 1
    assert connection.vendor == "postgresql"


def test_many_attempts_of_a_few_people_count_each_person_once(box, proposal_factory):
    box.signature_threshold = 1000
    box.save()
    proposal = proposal_factory(Status.OPEN, signature_method="eid")
    people = [PEOPLE[n % len(PEOPLE)] for n in range(THREADS)]
    results = _attempts(proposal, people)
    assert results.count(lifecycle.SIGNED) == len(PEOPLE)
    assert results.count(lifecycle.DUPLICATE) == THREADS - len(PEOPLE)
    proposal.refresh_from_db()
    counted = Signature.objects.filter(proposal=proposal, confirmed_at__isnull=False)
    assert proposal.signature_count == counted.count() == len(PEOPLE)
    log = signature_log.verify(signature_log.csv_text(proposal.pk))
    assert (log.count, log.by_eid) == (len(PEOPLE), len(PEOPLE))
    assert lifecycle.reconcile_counts(fix=False) == []

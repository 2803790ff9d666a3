"""The task worker claims ready tasks a few at a time (background.worker): every
task of a batch runs once, and what it claimed and did not run goes back to the
queue when it stops or loses the database."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import InterfaceError
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background import queue
from background.worker import ResilientWorker
from proposals.mails import send_mail
from proposals.models import Signature
from tests.proposals.factories import make_box, make_proposal, make_topic
from tests.security.worker_helpers import (
    DATABASE_TASKS,
    make_worker,
    run_worker_until_idle,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADDRESSES = [f"boende{n}@example.se" for n in range(6)]


@pytest.fixture(autouse=True)
def _database_queue(settings):
    settings.TASKS = DATABASE_TASKS


def queue_mails(site, addresses):
    """Confirmation e-mails for signatures of one proposal, in the queue."""
    proposal = make_proposal(make_box(site), make_topic())
    signatures = [
        Signature.objects.create(proposal=proposal, name="Ida", email=address)
        for address in addresses
    ]
    # Only these in the queue (publishing the pages queued others).
    DBTaskResult.objects.all().delete()
    mail.outbox.clear()
    for signature in signatures:
        send_mail.enqueue("signature_confirm", "sv", signature=signature.pk)


def statuses():
    return sorted(DBTaskResult.objects.values_list("status", flat=True))


def test_one_claim_takes_a_batch_and_every_task_runs_once(site):
    queue_mails(site, ADDRESSES)
    first = make_worker(claim_size=4)

    task, retrieved = first.claim_next()

    assert retrieved and task is not None
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    assert running.count() == 4
    assert all(row.worker_ids == ["test-worker"] for row in running)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 2
    first.run_task(task)
    first.tasks_run += 1
    first.run()

    assert sorted(m.to[0] for m in mail.outbox) == ADDRESSES
    assert statuses() == [TaskResultStatus.SUCCESSFUL] * 6


def test_a_stopped_worker_puts_back_what_it_claimed_and_did_not_run(site, monkeypatch):
    queue_mails(site, ADDRESSES[:4])
    run_task = ResilientWorker.run_task

    def stop_after_one(self, db_task_result):
        run_task(self, db_task_result)
        self.running = False  # as SIGTERM does

    monkeypatch.setattr(ResilientWorker, "run_task", stop_after_one)
    make_worker(claim_size=4).run()

    assert len(mail.outbox) == 1
    assert statuses() == [TaskResultStatus.READY] * 3 + [TaskResultStatus.SUCCESSFUL]
    monkeypatch.setattr(ResilientWorker, "run_task", run_task)
    run_worker_until_idle()
    assert sorted(m.to[0] for m in mail.outbox) == ADDRESSES[:4]


def test_a_batch_cut_short_by_the_database_is_run_once_it_is_back(site, monkeypatch):
    queue_mails(site, ADDRESSES)
    run_task = ResilientWorker.run_task
    calls = []

    def database_gone_at_the_second(self, db_task_result):
        calls.append(db_task_result.pk)
        if len(calls) == 2:
            raise InterfaceError("connection already closed")
        run_task(self, db_task_result)

    monkeypatch.setattr(ResilientWorker, "run_task", database_gone_at_the_second)
    make_worker(claim_size=4, max_backoff=0.01).run()

    # Each address got its mail exactly once, the cut-short task included.
    assert sorted(m.to[0] for m in mail.outbox) == ADDRESSES
    assert statuses() == [TaskResultStatus.SUCCESSFUL] * 6
    assert len(calls) == 7
    # The cut-short task and the two waiting behind it went back to the queue and
    # were claimed again, not run from the worker's memory.
    claimed_twice = [
        row.pk for row in DBTaskResult.objects.all() if len(row.worker_ids) == 2
    ]
    assert len(claimed_twice) == 3
    assert calls[1] in claimed_twice


def test_a_stopping_worker_leaves_alone_what_another_worker_claimed_since(site):
    queue_mails(site, ADDRESSES[:4])
    first = make_worker(claim_size=4)
    task, _retrieved = first.claim_next()
    first.unreleased = task  # as while running it
    # Its database was away longer than the stuck-task timeout: the tasks went
    # back to the queue, and another worker has them now.
    assert queue.requeue_stuck(now=timezone.now() + timedelta(days=1)) == 4
    DBTaskResult.objects.update(run_after=timezone.now())  # ready now, not tomorrow
    make_worker(claim_size=4, worker_id="second-worker").claim_next()

    first.release_claimed()

    assert statuses() == [TaskResultStatus.RUNNING] * 4
    assert all(
        row.worker_ids[-1] == "second-worker" for row in DBTaskResult.objects.all()
    )

"""Issue 20.4: a task left RUNNING by a worker that died is re-queued after
DELAKTIG_TASK_STUCK_MINUTES, and its e-mail is sent exactly once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background.models import SentMail
from background.queue import requeue_stuck
from tests.security.worker_helpers import (
    DATABASE_TASKS,
    queue_confirmation_mail,
    run_worker_until_idle,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RECIPIENT = "anna.stuck@example.se"


@pytest.fixture(autouse=True)
def _database_queue(settings):
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def enqueue_mail(site):
    def enqueue():
        result = queue_confirmation_mail(site, RECIPIENT)
        return DBTaskResult.objects.get(pk=result.id)

    return enqueue


def _orphan(row, minutes):
    """As a worker that claimed the task `minutes` ago and died leaves it."""
    DBTaskResult.objects.filter(pk=row.pk).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=minutes),
        worker_ids=[*row.worker_ids, "dead-worker"],
    )


def _sent_to_recipient():
    return [m for m in mail.outbox if RECIPIENT in m.to]


def test_a_task_orphaned_before_sending_is_requeued_and_sent_once(enqueue_mail):
    row = enqueue_mail()
    _orphan(row, minutes=16)

    run_worker_until_idle()

    assert len(_sent_to_recipient()) == 1
    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.SUCCESSFUL
    run_worker_until_idle()
    assert len(_sent_to_recipient()) == 1


def test_a_task_orphaned_after_sending_is_not_sent_again(enqueue_mail):
    row = enqueue_mail()
    run_worker_until_idle()
    assert len(_sent_to_recipient()) == 1
    assert SentMail.objects.filter(key__startswith=str(row.pk)).count() == 1
    # The worker died after the mail went out, before it recorded the result.
    _orphan(DBTaskResult.objects.get(pk=row.pk), minutes=30)

    run_worker_until_idle()

    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.SUCCESSFUL
    assert len(_sent_to_recipient()) == 1


def test_a_task_running_within_the_limit_is_left_alone(settings, enqueue_mail):
    settings.DELAKTIG_TASK_STUCK_MINUTES = 60
    row = enqueue_mail()
    _orphan(row, minutes=30)

    assert requeue_stuck() == 0
    run_worker_until_idle()

    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.RUNNING
    assert _sent_to_recipient() == []
    assert requeue_stuck(now=timezone.now() + timedelta(minutes=31)) == 1
    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.READY


def test_a_task_that_keeps_dying_is_failed_not_requeued_forever(enqueue_mail):
    row = enqueue_mail()
    DBTaskResult.objects.filter(pk=row.pk).update(worker_ids=["w"] * 9)
    _orphan(DBTaskResult.objects.get(pk=row.pk), minutes=20)

    assert requeue_stuck() == 0

    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.FAILED

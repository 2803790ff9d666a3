"""Issue 20.4 on any database: the task worker carries on after database errors
(tests/security/test_worker_outage.py restarts a real PostgreSQL)."""

import pytest
from django.core import mail
from django.db import InterfaceError
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background.worker import ResilientWorker
from tests.security.worker_helpers import (
    DATABASE_TASKS,
    meets_a_database_outage,
    queue_confirmation_mail,
    run_worker_until_idle,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _database_queue(settings):
    settings.TASKS = DATABASE_TASKS


def test_the_worker_waits_out_database_errors_and_sends_the_mail(site, monkeypatch):
    queue_confirmation_mail(site, "ida@example.se")
    claim_next = ResilientWorker.claim_next
    errors = iter([InterfaceError("connection already closed")] * 3)

    def broken_at_first(self):
        error = next(errors, None)
        if error is not None:
            raise error
        return claim_next(self)

    monkeypatch.setattr(ResilientWorker, "claim_next", broken_at_first)

    run_worker_until_idle(max_backoff=0.01)

    assert [m.to for m in mail.outbox] == [["ida@example.se"]]


def test_a_task_cut_short_by_the_database_goes_back_to_the_queue():
    result = meets_a_database_outage.enqueue()

    run_worker_until_idle()

    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY
    assert row.run_after > timezone.now()
    assert row.exception_class_path == ""

"""The database task queue's housekeeping: tasks left RUNNING by a worker that
died (or lost its database) go back to the queue after a while."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("delaktig.tasks")

# A task is claimed once per run; one that keeps dying is failed after this many.
MAX_RUNS = 10


def stuck_after():
    return timedelta(minutes=getattr(settings, "DELAKTIG_TASK_STUCK_MINUTES", 15))


def requeue_stuck(now=None):
    """Put tasks RUNNING for longer than DELAKTIG_TASK_STUCK_MINUTES back in the
    queue (their mail is sent once: background.mail); returns how many. A task
    that was claimed MAX_RUNS times is marked failed instead."""
    now = now or timezone.now()
    stuck = DBTaskResult.objects.running().filter(started_at__lt=now - stuck_after())
    count = 0
    for row in stuck.only("id", "started_at", "worker_ids"):
        # Only if nobody finished or re-claimed it meanwhile.
        same = DBTaskResult.objects.running().filter(
            pk=row.pk, started_at=row.started_at
        )
        if len(row.worker_ids) >= MAX_RUNS:
            same.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path="background.queue.StuckTask",
                traceback=f"RUNNING since {row.started_at}, claimed {MAX_RUNS} times",
            )
            logger.error("Task %s failed: stuck %s times", row.pk, MAX_RUNS)
            continue
        if same.update(status=TaskResultStatus.READY, run_after=now):
            logger.warning(
                "Task %s was stuck since %s: re-queued", row.pk, row.started_at
            )
            count += 1
    return count


def release(task_id, delay=timedelta(0), started_at=None):
    """Put a task this worker claimed back in the queue: it was cut short by the
    database (still RUNNING) or failed on a database error. With `started_at`,
    only if that claim is still the task's (not re-queued as stuck and claimed
    again since)."""
    rows = DBTaskResult.objects.filter(pk=task_id)
    if started_at is not None:
        rows = rows.filter(started_at=started_at)
    return rows.filter(
        status__in=[TaskResultStatus.RUNNING, TaskResultStatus.FAILED]
    ).update(
        status=TaskResultStatus.READY,
        run_after=timezone.now() + delay,
        finished_at=None,
        exception_class_path="",
        traceback="",
    )


def failed_on_database(db_task_result):
    """Whether a task failed because the database went away, not on its own."""
    if db_task_result.status != TaskResultStatus.FAILED:
        return False
    try:
        error = import_string(db_task_result.exception_class_path)
    except ImportError:
        return False
    return isinstance(error, type) and issubclass(
        error, (InterfaceError, OperationalError)
    )

"""django-tasks-db's worker, made to outlive database outages.

The library's loop exits on the first database error that is not a locked
SQLite file (a restarted PostgreSQL gives "connection already closed"). This
loop runs the same steps through the library's public Worker, model and
queryset, and on a database error closes the connections, waits (backing off,
at most max_backoff seconds) and carries on. A task whose run was cut short by
the database goes back to the queue; a task left RUNNING by a worker that died
is re-queued after DELAKTIG_TASK_STUCK_MINUTES (background.queue).

A worker claims up to `claim_size` ready tasks in one transaction and runs them one
after the other: at a signing peak the claim's query and commit were a third of
the worker's time per e-mail. Tasks it claimed and did not run go back to the
queue when it stops or meets a database error (the database may have been away for
longer than the stuck-task timeout, and another worker may have them by then). A
task of higher priority queued meanwhile waits for at most the rest of a batch."""

import collections
import contextlib
import logging
import random
import time
from datetime import timedelta

from django.db import DatabaseError, InterfaceError, close_old_connections, connections
from django.db.utils import OperationalError
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from background import queue

logger = logging.getLogger("delaktig.tasks")

# Ready tasks one worker claims at a time; a few, so that workers share a burst.
CLAIM_SIZE = 4

# InterfaceError ("connection already closed") is not a DatabaseError in Django.
DATABASE_ERRORS = (DatabaseError, InterfaceError)


def close_connections():
    """Drop every open database connection; a broken one may fail to close."""
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(*DATABASE_ERRORS):
            connection.close()


class ResilientWorker(Worker):
    def __init__(
        self,
        *,
        max_backoff=60.0,
        stuck_check_seconds=60.0,
        claim_size=CLAIM_SIZE,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.max_backoff = max_backoff
        self.stuck_check_seconds = stuck_check_seconds
        self.claim_size = claim_size
        self.tasks_run = 0
        self.failures = 0
        self.unreleased = None  # the task being run; put back if cut short
        self.claimed = collections.deque()  # claimed, not yet run
        self.next_stuck_check = 0.0

    def run(self):
        logger.info("Starting worker %s on queues %s", self.worker_id, self.queue_names)
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 - spreads workers started together
        try:
            while self.running:
                try:
                    if self.step():
                        return
                    self.failures = 0
                except DATABASE_ERRORS as error:
                    self.failures += 1
                    self.wait_for_database(error)
        finally:
            self.release_claimed()

    def release_claimed(self):
        """Put the tasks claimed and not run back in the queue (those still this
        worker's claim); if the database is away, they are re-queued as stuck
        later."""
        with contextlib.suppress(*DATABASE_ERRORS):
            if self.unreleased is not None:
                queue.release(self.unreleased.pk, started_at=self.unreleased.started_at)
                self.unreleased = None
            while self.claimed:
                row = self.claimed[0]
                queue.release(row.pk, started_at=row.started_at)
                self.claimed.popleft()

    def wait_for_database(self, error):
        delay = min(self.max_backoff, 0.5 * 2 ** (self.failures - 1))
        logger.warning(
            "Database error (%s); retrying in %.1f s: %s",
            type(error).__name__,
            delay,
            str(error).strip(),
        )
        close_connections()
        if self.running:
            time.sleep(delay)

    def step(self):
        """One turn of the loop; True when the worker should stop."""
        close_old_connections()
        if self.unreleased is not None:
            # The last turn met a database error: its batch goes back too.
            self.release_claimed()
        if time.monotonic() >= self.next_stuck_check:
            queue.requeue_stuck()
            self.next_stuck_check = time.monotonic() + self.stuck_check_seconds
        db_task_result, retrieved = self.claim_next()
        if db_task_result is not None:
            self.run_task(db_task_result)
            self.unreleased = None
            self.tasks_run += 1
        if self.batch and retrieved and db_task_result is None:
            logger.info("No more tasks for worker %s; exiting.", self.worker_id)
            return True
        if self.max_tasks is not None and self.tasks_run >= self.max_tasks:
            logger.info(
                "Ran %s tasks on worker %s; exiting.", self.tasks_run, self.worker_id
            )
            return True
        close_old_connections()
        if self.running and db_task_result is None:
            time.sleep(self.interval)
        return False

    def tasks(self):
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        return tasks

    def claim_next(self):
        """(the next task this worker claimed, or None; whether the queue could be
        read at all: a locked SQLite file cannot). Claims a batch when none is
        left from the last one."""
        if not self.claimed:
            size = self.claim_size
            if self.max_tasks is not None:
                size = max(1, min(size, self.max_tasks - self.tasks_run))
            tasks = self.tasks()
            try:
                with exclusive_transaction(tasks.db):
                    batch = list(tasks.select_for_update(skip_locked=True)[:size])
                    for db_task_result in batch:
                        db_task_result.claim(self.worker_id)
                    # Known before the commit: a stop (SystemExit) in between
                    # releases them, and a release leaves alone what the
                    # rollback never claimed.
                    self.claimed.extend(batch)
            except Exception as error:
                self.claimed.clear()  # rolled back: not claimed
                if isinstance(error, OperationalError) and (
                    is_locked_database_exception(error)
                ):
                    return None, False
                raise
        if not self.claimed:
            return None, True
        self.unreleased = self.claimed[0]
        return self.claimed.popleft(), True

    def run_task(self, db_task_result):
        super().run_task(db_task_result)
        # The task itself met the outage (its own query failed): run it again
        # once the database is back rather than losing its mail.
        if queue.failed_on_database(db_task_result) and (
            len(db_task_result.worker_ids) < queue.MAX_RUNS
        ):
            queue.release(db_task_result.pk, delay=timedelta(seconds=30))

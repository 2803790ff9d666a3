"""Running the task worker in-process against the database queue."""

from django.db import OperationalError
from django_tasks import task

from background.worker import ResilientWorker

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker_until_idle(**options):
    """One worker that runs every ready task, then stops (--batch)."""
    ResilientWorker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        **options,
    ).run()


@task()
def meets_a_database_outage():
    """A task whose own query fails because the database went away."""
    raise OperationalError("server closed the connection unexpectedly")

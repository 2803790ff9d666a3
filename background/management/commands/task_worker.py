"""`manage.py task_worker`: django-tasks-db's db_worker that survives database
outages and re-queues stuck tasks (background.worker). Same options, plus
--max-backoff."""

import logging
import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import valid_interval

from background.worker import ResilientWorker


class Command(DbWorkerCommand):
    help = (
        "Run the database task worker; it waits out database outages (backing "
        "off) instead of exiting and re-queues tasks stuck RUNNING."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--max-backoff",
            default=60.0,
            type=valid_interval,
            help="Longest wait (seconds) between tries while the database is "
            "away (default: %(default)r)",
        )

    def configure_logging(self, verbosity):
        super().configure_logging(verbosity)
        logger = logging.getLogger("delaktig.tasks")
        if verbosity == 0:
            logger.setLevel(logging.CRITICAL)
        if not logger.hasHandlers():
            logger.addHandler(logging.StreamHandler(self.stderr))

    def handle(
        self, *, verbosity, reload, batch, queue_name, exclude_queues, **options
    ):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        if exclude_queues and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            max_backoff=options["max_backoff"],
        )
        if reload and not batch:
            # Only the reloaded child runs tasks and handles the signals.
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()

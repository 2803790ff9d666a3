"""Issue 20.4 on PostgreSQL: `manage.py task_worker` outlives a database restart.

The worker runs in its own process (development settings: database queue, mail
written as files). The test cuts every connection to the test database and
refuses new ones for a few seconds, as a restart does, enqueues a mail
meanwhile, and checks that the mail goes out once the database is back and the
worker is still running. (django-tasks-db's own db_worker exits here on
"connection already closed" or "not accepting connections".)"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

from tests.security.worker_helpers import DATABASE_TASKS, queue_confirmation_mail

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not settings.IS_POSTGRES, reason="PostgreSQL not configured (DATABASE_URL)"
    ),
]

ROOT = Path(__file__).resolve().parents[2]
APPLICATION = "delaktig-outage-test-worker"
RECIPIENT = "outage.resident@example.se"
OUTAGE_SECONDS = 4


def _database_url():
    db = connection.settings_dict
    auth = quote(db["USER"] or "")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"])
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{auth}@{host}/{db['NAME']}?application_name={APPLICATION}"


def _worker_backends():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
            [APPLICATION],
        )
        return cursor.fetchone()[0]


def _wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def worker(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="delaktig_site.settings.dev",
        DJANGO_SECRET_KEY="outage-test-" + "x" * 50,
        DATABASE_URL=_database_url(),
        DATABASE_CONN_MAX_AGE="60",
        DELAKTIG_VAR_DIR=str(tmp_path / "var"),
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "task_worker", "--no-reload"]
        + ["--no-startup-delay", "--interval", "0.2", "--max-backoff", "1"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.mail_dir = tmp_path / "mail"
    process.log_path = tmp_path / "worker.log"
    try:
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _mail_for(mail_dir, recipient):
    if not mail_dir.is_dir():
        return []
    return [p for p in mail_dir.iterdir() if recipient in p.read_text(errors="replace")]


def _maintenance(sql):
    """Run SQL on the server's maintenance database (a database cannot refuse
    connections to itself from inside)."""
    db = connection.settings_dict
    admin = psycopg2.connect(
        dbname="postgres",
        user=db["USER"],
        password=db["PASSWORD"] or None,
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
    )
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(sql, [db["NAME"]])
    finally:
        admin.close()


def _restart_database():
    """Cut the worker off and refuse connections for a while, like a restart.
    This test's own connection stays, to enqueue mail meanwhile."""
    name = connection.settings_dict["NAME"]
    _maintenance(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false -- %s')
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def _database_back():
    name = connection.settings_dict["NAME"]
    _maintenance(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true -- %s')


def test_worker_sends_mail_queued_during_a_database_restart(worker, settings, site):
    settings.TASKS = DATABASE_TASKS
    _wait_for(lambda: _worker_backends() > 0, 60, "the worker to connect")

    try:
        _restart_database()
        _wait_for(lambda: _worker_backends() == 0, 10, "the cut")
        queue_confirmation_mail(site, RECIPIENT)
        time.sleep(OUTAGE_SECONDS)
        assert worker.poll() is None, worker.log_path.read_text()
    finally:
        _database_back()

    _wait_for(
        lambda: _mail_for(worker.mail_dir, RECIPIENT) or worker.poll() is not None,
        60,
        "the mail after the outage",
    )
    log = worker.log_path.read_text()
    assert worker.poll() is None, log
    assert len(_mail_for(worker.mail_dir, RECIPIENT)) == 1, log
    assert "Database error" in log

"""The site through PgBouncer in transaction pooling mode (deploy/pgbouncer.ini):
a server connection is lent per transaction, so nothing may rely on session state.
Signing counts exactly, the task worker claims its rows (select_for_update with
skip_locked) and the settings turn off what would need a session."""

import json
import shutil
import subprocess
import sys
import threading

import psycopg2
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from bench.common import ROOT, pgbouncer
from municipality import mailbox
from proposals import tokens
from proposals.models import Proposal, Signature
from proposals.notifications import send_email
from tests.proposals.factories import make_box, make_proposal, make_topic
from tests.proposals.helpers import CSRF_TOKEN, sign_form_data
from tests.security.worker_helpers import DATABASE_TASKS, run_worker_until_idle

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not settings.IS_POSTGRES, reason="PostgreSQL not configured (DATABASE_URL)"
    ),
    pytest.mark.skipif(
        not (shutil.which("pgbouncer") or shutil.which("/usr/sbin/pgbouncer")),
        reason="PgBouncer not installed (apt-get install pgbouncer)",
    ),
]

PORT = 6441
POOL = 2
SIGNERS = 6


@pytest.fixture
def pooled():
    """Every new connection of this process goes through a PgBouncer with a pool
    of two server connections in front of the test database, as the web
    processes do with DATABASE_TRANSACTION_POOLING=1."""
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER'] or 'postgres'}@{database['HOST'] or '127.0.0.1'}"
        f":{database['PORT'] or 5432}/{database['NAME']}"
    )
    saved = {key: database.get(key) for key in ("HOST", "PORT", "OPTIONS")}
    saved_cursors = database.get("DISABLE_SERVER_SIDE_CURSORS", False)
    with pgbouncer({"DATABASE_URL": url}, port=PORT, pool_size=POOL):
        connection.close()
        database.update(
            HOST="127.0.0.1",
            PORT=PORT,
            OPTIONS={},
            DISABLE_SERVER_SIDE_CURSORS=True,
        )
        try:
            yield
        finally:
            connection.close()
            database.update(saved, DISABLE_SERVER_SIDE_CURSORS=saved_cursors)


def transactions_pooled():
    """Transactions PgBouncer has passed to the test database so far."""
    admin = psycopg2.connect(
        host="127.0.0.1", port=PORT, dbname="pgbouncer", user="postgres"
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SHOW STATS")
        names = [column.name for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    admin.close()
    name = connection.settings_dict["NAME"]
    return sum(row["total_xact_count"] for row in rows if row["database"] == name)


def sign_and_confirm(box, proposal, email):
    client = Client()
    page = box.url + box.reverse_subpage("proposal_view", args=[proposal.pk])
    html = client.get(page).content.decode()
    sent = client.post(
        box.url + box.reverse_subpage("sign_view", args=[proposal.pk]),
        sign_form_data(html, email),
    )
    assert sent.status_code == 302
    signature = Signature.objects.filter(
        proposal=proposal, confirmed_at__isnull=True
    ).get(email=mailbox.canonical(email))
    token = tokens.make_token(tokens.SIGNATURE_CONFIRM, signature.pk)
    link = box.url + box.reverse_subpage("confirm_signature_view", args=[token])
    html = client.get(link).content.decode()
    csrf = CSRF_TOKEN.search(html).group(1)
    return client.post(link, {"csrfmiddlewaretoken": csrf})


def test_signers_at_once_through_a_pool_of_two_count_exactly(pooled, site, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    settings.RATE_LIMITS = {"sign": {"burst": (10_000, 60)}}
    settings.PROPOSALS_STARTED_MAX_USES = 10_000
    box = make_box(site, signature_threshold=1000)
    proposal = make_proposal(box, make_topic(), title="Populärt förslag")
    before = transactions_pooled()
    answers, errors = [], []

    def signer(n):
        try:
            answers.append(
                sign_and_confirm(box, proposal, f"signer{n}@example.org").status_code
            )
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=signer, args=(n,)) for n in range(SIGNERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert answers == [200] * SIGNERS
    proposal = Proposal.objects.get(pk=proposal.pk)
    counted = proposal.signatures.filter(confirmed_at__isnull=False, flagged=False)
    assert proposal.signature_count == counted.count() == SIGNERS
    # Every signer's page, post and confirmation went through PgBouncer.
    assert transactions_pooled() - before > SIGNERS * 4


def test_task_worker_claims_its_tasks_through_the_pool(pooled, settings):
    settings.TASKS = DATABASE_TASKS
    for n in range(3):
        send_email.enqueue(
            subject="Bekräfta din underskrift",
            body="https://example.se/bekrafta/abc",
            recipients=[f"anna{n}@example.se"],
        )
    before = transactions_pooled()

    run_worker_until_idle()

    statuses = set(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == {TaskResultStatus.SUCCESSFUL}
    assert transactions_pooled() > before


def test_iterating_in_chunks_needs_no_server_side_cursor(pooled, site):
    box = make_box(site)
    topic = make_topic()
    made = {make_proposal(box, topic, title=f"Förslag {n}").pk for n in range(5)}
    # Each chunk would be a FETCH from a cursor in a server session the next
    # transaction may not get; without server-side cursors it is one query.
    seen = {p.pk for p in Proposal.objects.filter(pk__in=made).iterator(chunk_size=2)}
    assert seen == made


def test_transaction_pooling_settings():
    """DATABASE_TRANSACTION_POOLING=1 turns off server-side cursors and the startup
    option PgBouncer refuses; without it the option is sent."""
    script = (
        "import json; from django.conf import settings; "
        "d = settings.DATABASES['default']; "
        "print(json.dumps([d.get('DISABLE_SERVER_SIDE_CURSORS', False), "
        "d.get('OPTIONS', {}).get('options', '')]))"
    )

    def read(pooling):
        env = {
            "DJANGO_SETTINGS_MODULE": "delaktig_site.settings.dev",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/delaktig",
            "DATABASE_TRANSACTION_POOLING": pooling,
            "PATH": "/usr/bin:/bin",
        }
        output = subprocess.run(  # noqa: S603 (our own interpreter)
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return json.loads(output.strip().splitlines()[-1])

    assert read("1") == [True, ""]
    assert read("") == [False, "-c max_parallel_workers_per_gather=0"]

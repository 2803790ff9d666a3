"""Signing peak: many residents sign and confirm at once; the counts must be exact.

    .venv/bin/python bench/signing.py --mode popular   # all on one proposal
    .venv/bin/python bench/signing.py --mode many      # spread over 200 proposals
    .venv/bin/python bench/signing.py --servers 2      # the scale-out check
    .venv/bin/python bench/signing.py --proxy          # through varnish, as deployed

Starts gunicorn (bench settings, PostgreSQL from DATABASE_URL, Redis if REDIS_URL is
set) and the task workers that render and send the e-mails (into one file per
recipient in a folder of this run), runs locust headless (bench/locustfile.py:
each signer reads its confirmation link from its own e-mail), then checks for
every proposal touched: stored signature_count = counted confirmed rows = distinct
signers, and that the counted rows grew by exactly the confirmations locust saw
succeed. With --proxy the signers go through the caching proxy as deployed
(varnish with deploy/varnish.vcl in front of the one gunicorn): the proposal page
and the "check your e-mail" page are its hits, the posts and the confirmation
link's page pass to gunicorn."""

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from contextlib import ExitStack

import dj_database_url
import psycopg2
from common import (
    BIN,
    RESULTS,
    ROOT,
    bench_env,
    collectstatic,
    cpu_by_process,
    cpu_seconds,
    gunicorn,
    machine,
    pgbouncer,
    save,
    task_workers,
    varnish,
    varnish_counters,
)

COUNTS = """
SELECT p.id, p.signature_count,
       count(s.id) FILTER (WHERE s.confirmed_at IS NOT NULL AND NOT s.flagged),
       count(DISTINCT s.email_normalised)
           FILTER (WHERE s.confirmed_at IS NOT NULL AND NOT s.flagged)
FROM proposals_proposal p LEFT JOIN proposals_signature s ON s.proposal_id = p.id
WHERE p.id = ANY(%s) GROUP BY p.id
"""


def connect(url):
    db = dj_database_url.parse(url)
    return psycopg2.connect(
        dbname=db["NAME"],
        user=db["USER"],
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
    )


def pick(conn, mode, many):
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM proposals_proposal WHERE status = 'open' "
            "AND signing_deadline > now() ORDER BY signature_count DESC, id LIMIT %s",
            (1 if mode == "popular" else many,),
        )
        return [row[0] for row in cursor.fetchall()]


def counts(conn, ids):
    with conn.cursor() as cursor:
        cursor.execute(COUNTS, (ids,))
        return {row[0]: row[1:] for row in cursor.fetchall()}


def box_path(conn):
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT url_path FROM wagtailcore_page p JOIN "
            "proposals_suggestionboxpage b ON b.page_ptr_id = p.id WHERE p.live "
            "ORDER BY p.id LIMIT 1"
        )
        url_path = cursor.fetchone()[0]
    # url_path is /<root>/<box>/ ; the site's root page is served at /.
    return "/" + url_path.strip("/").split("/", 1)[1] + "/"


VACUUMED = ("proposals_proposal", "proposals_signature")


def vacuum(conn):
    """What autovacuum does on a normal server (it is off on this machine's
    PostgreSQL): every confirmation leaves a dead version of its proposal's row
    behind (the count is indexed, so the update is not HOT), and a run on a bloated
    hot row measures the bloat. Returns autovacuum's setting and the dead rows."""
    with conn.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        setting = cursor.fetchone()[0]
        for table in VACUUMED:
            cursor.execute(f"VACUUM (ANALYZE) {table}")  # noqa: S608 (our names)
        cursor.execute(
            "SELECT relname, n_dead_tup FROM pg_stat_user_tables "
            "WHERE relname = ANY(%s)",
            [list(VACUUMED)],
        )
        return setting, dict(cursor.fetchall())


class LockQueue(threading.Thread):
    """Samples, every half second, how many of the bench database's backends wait
    for a lock (the popular proposal's row, in practice): the queue that a small
    PgBouncer pool keeps short."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = url
        self.samples = []
        self.done = threading.Event()

    def run(self):
        conn = connect(self.url)
        conn.autocommit = True
        with conn.cursor() as cursor:
            while not self.done.wait(0.5):
                cursor.execute(
                    "SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'), "
                    "count(*) FILTER (WHERE state <> 'idle') FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                self.samples.append(cursor.fetchone())
        conn.close()

    def summary(self):
        self.done.set()
        self.join()
        if not self.samples:
            return {}
        waiting = [row[0] for row in self.samples]
        active = [row[1] for row in self.samples]
        return {
            "lock_waiters_mean_max": [
                round(sum(waiting) / len(waiting), 2),
                max(waiting),
            ],
            "active_backends_mean_max": [
                round(sum(active) / len(active), 2),
                max(active),
            ],
        }


def empty_queue(conn):
    """Tasks left by earlier runs (their mail folders are gone): not this run's
    work. Returns how many."""
    with conn.cursor() as cursor:
        cursor.execute("DELETE FROM django_tasks_database_dbtaskresult")
        return cursor.rowcount


def queue_left(conn):
    """Tasks not yet run when the run ended, by status."""
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY 1"
        )
        return dict(cursor.fetchall())


def stats(path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=["popular", "many"], default="popular")
    parser.add_argument("--many", type=int, default=200)
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--spawn-rate", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--workers", type=int, default=None)
    # Each mail takes a worker three commits (claim, send-once key, result): the
    # workers wait on the disk more than they compute, like gunicorn's workers.
    parser.add_argument("--task-workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--name", default=None, help="result file name")
    parser.add_argument(
        "--pgbouncer",
        action="store_true",
        help="the servers connect through PgBouncer (transaction pooling)",
    )
    parser.add_argument("--pool-size", type=int, default=4, help="PgBouncer's pool")
    parser.add_argument(
        "--port", type=int, default=8100, help="first server's port (+1 each)"
    )
    parser.add_argument("--pgbouncer-port", type=int, default=6440)
    parser.add_argument(
        "--proxy",
        action="store_true",
        help="through the caching proxy (varnish) in front of one gunicorn",
    )
    parser.add_argument("--proxy-port", type=int, default=8180)
    args = parser.parse_args()
    if args.proxy and args.servers != 1:
        parser.error("--proxy runs in front of one server")

    mail_dir = tempfile.mkdtemp(prefix="delaktig-bench-mail-")
    env = bench_env(BENCH_MAIL_DIR=mail_dir)
    conn = connect(env["DATABASE_URL"])
    conn.autocommit = True
    ids = pick(conn, args.mode, args.many)
    path = box_path(conn)
    before = counts(conn, ids)
    autovacuum, dead_rows = vacuum(conn)
    old_tasks = empty_queue(conn)
    collectstatic(env)
    name = args.name or f"signing-{args.mode}-{args.servers}srv" + (
        "-proxy" if args.proxy else ""
    )
    summary_path = RESULTS / f"{name}.locust.json"
    RESULTS.mkdir(exist_ok=True)
    load_before = machine()
    with ExitStack() as stack:
        server_env = (
            stack.enter_context(
                pgbouncer(env, port=args.pgbouncer_port, pool_size=args.pool_size)
            )
            if args.pgbouncer
            else env
        )
        # Behind the proxy, pages are shared at the edge and purged there, and the
        # client's address is the one the proxy adds to X-Forwarded-For.
        edge = (
            {
                "DELAKTIG_EDGE_URL": f"http://127.0.0.1:{args.proxy_port}",
                "DELAKTIG_TRUSTED_PROXY_COUNT": "1",
            }
            if args.proxy
            else {}
        )
        server_env = {**server_env, **edge}
        stack.enter_context(task_workers({**env, **edge}, conn, args.task_workers))
        servers = [
            stack.enter_context(
                gunicorn(
                    server_env, port=args.port + n, workers=args.workers, path=path
                )
            )
            for n in range(args.servers)
        ]
        hosts, proxy_work = servers, None
        if args.proxy:
            proxied, proxy_work = stack.enter_context(
                varnish(servers[0], args.proxy_port)
            )
            hosts = [proxied]
        started = time.monotonic()
        cpu_before = cpu_seconds()
        by_process_before = cpu_by_process(servers, conn, env.get("REDIS_URL"))
        lock_queue = LockQueue(env["DATABASE_URL"])
        lock_queue.start()
        subprocess.run(  # noqa: S603 (our own locust)
            [
                BIN / "locust",
                "-f",
                ROOT / "bench" / "locustfile.py",
                "--headless",
                "--only-summary",
                "-u",
                str(args.users),
                "-r",
                str(args.spawn_rate),
                "-t",
                f"{args.seconds}s",
                "--stop-timeout",
                "30",
                "--loglevel",
                "WARNING",
            ],
            env={
                **env,
                "BENCH_HOSTS": ",".join(hosts),
                "BENCH_BOX_PATH": path,
                "BENCH_PROPOSALS": ",".join(map(str, ids)),
                "BENCH_SUMMARY": str(summary_path),
            },
            check=False,
        )
        elapsed = time.monotonic() - started
        queue = lock_queue.summary()
        cpu_used = cpu_seconds() - cpu_before
        by_process = cpu_by_process(servers, conn, env.get("REDIS_URL"))
        edge_counters = varnish_counters(proxy_work) if proxy_work else None
    after = counts(conn, ids)
    tasks_left = queue_left(conn)
    shutil.rmtree(mail_dir, ignore_errors=True)
    rows = stats(summary_path)
    confirm = rows.get("POST confirm", {})
    sign = rows.get("POST sign", {})
    confirmed_ok = confirm.get("requests", 0) - confirm.get("failures", 0)
    grown = sum(after[i][1] for i in ids) - sum(before[i][1] for i in ids)
    exact = all(a[0] == a[1] == a[2] for a in after.values()) and grown == confirmed_ok
    total = rows.get("all", {})
    result = {
        "benchmark": name,
        "proposals": len(ids),
        "users": args.users,
        "servers": args.servers,
        "pgbouncer_pool_size": args.pool_size if args.pgbouncer else None,
        "proxy": "varnish" if args.proxy else None,
        # The proxy's own counters: hits never reached Python.
        "proxy_counters": edge_counters,
        "seconds": round(elapsed, 1),
        "confirmed_signatures": confirmed_ok,
        "confirmed_per_second": round(confirmed_ok / args.seconds, 1),
        # All processes (gunicorn, PostgreSQL, Redis, locust) per confirmed signer.
        "machine_cpu_ms_per_confirmed": round(
            1000 * cpu_used / max(confirmed_ok, 1), 1
        ),
        # The same by process kind ("finished children" is locust).
        "cpu_ms_per_confirmed_by_process": {
            kind: round(
                1000
                * (by_process[kind] - by_process_before[kind])
                / max(confirmed_ok, 1),
                1,
            )
            for kind in by_process
        },
        "confirm_p50_p95_p99_ms": [confirm.get(k) for k in ("p50", "p95", "p99")],
        "sign_p50_p95_p99_ms": [sign.get(k) for k in ("p50", "p95", "p99")],
        "all_requests_p95_ms": total.get("p95"),
        # From the sign post's answer to the e-mail in the signer's mailbox.
        "mail": rows.get("mail", {}),
        "task_workers": args.task_workers,
        "tasks_by_status_after": tasks_left,
        "old_tasks_removed": old_tasks,
        "errors": total.get("failures", 0),
        "counted_rows_grew_by": grown,
        "stored_eq_counted_eq_distinct": all(
            a[0] == a[1] == a[2] for a in after.values()
        ),
        "exact": exact,
        # Backends waiting for a lock / running a statement, sampled twice a second.
        **queue,
        "autovacuum": autovacuum,
        "dead_rows_after_vacuum": dead_rows,
        "machine_before": load_before,
        "machine_after": machine(),
    }
    save(name, result)
    raise SystemExit(0 if exact else 1)


if __name__ == "__main__":
    main()

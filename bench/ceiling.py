"""The database-only ceiling of signing: how many minimal signing transactions a
second PostgreSQL alone commits at the signing benchmark's concurrency.

    .venv/bin/python bench/ceiling.py                  # 40 clients, one proposal
    .venv/bin/python bench/ceiling.py --mode many      # spread over 200 proposals
    .venv/bin/python bench/ceiling.py --pgbouncer      # through PgBouncer

Each transaction is the least a confirmed signature must write: add one to a
proposal's count (the row lock every confirmation takes) and insert one confirmed
signature row. It runs with pgbench (Debian's postgresql package) on copies of the
chosen proposals and their signatures (tables ceiling_proposal and
ceiling_signature, with the real tables' indexes and constraints), made at the
start and dropped at the end: the bench data stays as it was, exact."""

import argparse
import re
import shutil
import subprocess
import tempfile
from contextlib import ExitStack
from pathlib import Path

import dj_database_url
from common import bench_env, machine, pgbouncer, save
from signing import connect, pick

SCRIPT = r"""
\set k random(1, :proposals)
BEGIN;
UPDATE ceiling_proposal SET signature_count = signature_count + 1
    WHERE id = (SELECT id FROM ceiling_pick WHERE k = :k) RETURNING signature_count;
INSERT INTO ceiling_signature (name, show_name, email, email_normalised,
    keep_informed, created_at, confirmed_at, flagged, proposal_id, language)
    SELECT 'Bänk Testare', true, e, e, false, now(), now(), false,
        (SELECT id FROM ceiling_pick WHERE k = :k), 'sv'
    FROM (SELECT 'ceiling' || nextval('ceiling_seq') || '@bench.example.org' AS e) m;
END;
"""

SET_UP = """
DROP TABLE IF EXISTS ceiling_proposal, ceiling_signature, ceiling_pick;
DROP SEQUENCE IF EXISTS ceiling_seq;
CREATE TABLE ceiling_proposal (LIKE proposals_proposal INCLUDING ALL);
INSERT INTO ceiling_proposal SELECT * FROM proposals_proposal WHERE id = ANY(%(ids)s);
CREATE TABLE ceiling_signature (LIKE proposals_signature INCLUDING ALL);
INSERT INTO ceiling_signature SELECT * FROM proposals_signature
    WHERE proposal_id = ANY(%(ids)s);
CREATE TABLE ceiling_pick (k integer PRIMARY KEY, id bigint NOT NULL);
INSERT INTO ceiling_pick SELECT row_number() OVER (ORDER BY id), id
    FROM ceiling_proposal;
CREATE SEQUENCE ceiling_seq;
VACUUM ANALYZE ceiling_proposal;
VACUUM ANALYZE ceiling_signature;
VACUUM ANALYZE ceiling_pick;
"""

TEAR_DOWN = """
DROP TABLE IF EXISTS ceiling_proposal, ceiling_signature, ceiling_pick;
DROP SEQUENCE IF EXISTS ceiling_seq;
"""


def pgbench(url, script, clients, seconds, proposals):
    db = dj_database_url.parse(url)
    output = subprocess.run(  # noqa: S603 (Debian's pgbench on our own database)
        [
            shutil.which("pgbench") or "/usr/bin/pgbench",
            "--no-vacuum",
            "--client",
            str(clients),
            "--jobs",
            "2",
            "--time",
            str(seconds),
            "--file",
            script,
            "--define",
            f"proposals={proposals}",
            "--host",
            db["HOST"] or "127.0.0.1",
            "--port",
            str(db["PORT"] or 5432),
            "--username",
            db["USER"] or "postgres",
            db["NAME"],
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    tps = re.search(r"tps = ([\d.]+) \(without initial connection time\)", output)
    latency = re.search(r"latency average = ([\d.]+) ms", output)
    failed = re.search(r"number of failed transactions: (\d+)", output)
    return {
        "transactions_per_second": round(float(tps.group(1)), 1),
        "latency_average_ms": float(latency.group(1)),
        "failed": int(failed.group(1)) if failed else 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=["popular", "many"], default="popular")
    parser.add_argument("--many", type=int, default=200)
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--pgbouncer", action="store_true")
    parser.add_argument("--pool-size", type=int, default=4)
    parser.add_argument("--pgbouncer-port", type=int, default=6440)
    parser.add_argument("--name", default=None, help="result file name")
    args = parser.parse_args()

    env = bench_env()
    conn = connect(env["DATABASE_URL"])
    conn.autocommit = True
    ids = pick(conn, args.mode, args.many)
    load_before = machine()
    try:
        with conn.cursor() as cursor:
            for statement in filter(str.strip, SET_UP.split(";")):
                cursor.execute(statement, {"ids": ids})
        with ExitStack() as stack:
            url = env["DATABASE_URL"]
            if args.pgbouncer:
                url = stack.enter_context(
                    pgbouncer(env, port=args.pgbouncer_port, pool_size=args.pool_size)
                )["DATABASE_URL"]
            run_dir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            script = run_dir / "sign.sql"
            script.write_text(SCRIPT)
            figures = pgbench(url, script, args.clients, args.seconds, len(ids))
        with conn.cursor() as cursor:
            cursor.execute(
                "SELECT (SELECT sum(signature_count) FROM ceiling_proposal) - "
                "(SELECT sum(signature_count) FROM proposals_proposal "
                "WHERE id = ANY(%s)), (SELECT last_value FROM ceiling_seq)",
                [ids],
            )
            counted, inserted = cursor.fetchone()
    finally:
        with conn.cursor() as cursor:
            cursor.execute(TEAR_DOWN)
    name = args.name or f"ceiling-{args.mode}"
    save(
        name,
        {
            "benchmark": name,
            "proposals": len(ids),
            "clients": args.clients,
            "seconds": args.seconds,
            "pgbouncer_pool_size": args.pool_size if args.pgbouncer else None,
            **figures,
            # Every transaction added one to a count and one row: the two agree.
            "counts_added": int(counted),
            "rows_inserted": int(inserted),
            "machine_before": load_before,
            "machine_after": machine(),
        },
    )


if __name__ == "__main__":
    main()

"""The database-only ceiling of signing: the minimal signing transaction run in
PostgreSQL alone (pgbench), at the same concurrency as bench/signing.py.

    .venv/bin/python bench/ceiling.py --mode popular --users 40 --seconds 60

Each transaction counts one signature the way the site's confirmation does, with
none of the site around it: lock the proposal's row and add one to its count,
then write a confirmed signature row. Its rate is what PostgreSQL on this machine
allows; bench/signing.py's confirmed signatures per second are compared with it.
The rows it wrote are removed afterwards and the counts put back, and checked
exact (stored count = counted rows = distinct signers)."""

import argparse
import re
import subprocess
import tempfile
from pathlib import Path

import dj_database_url
from common import bench_env, machine, save
from signing import connect, counts, pick, vacuum

# The signer's address is unique per transaction (client id and a random serial),
# so the unique index on confirmed (proposal, address) is checked as in the site.
SIGN = """\\set serial random(1, 1000000000000)
BEGIN;
UPDATE proposals_proposal SET signature_count = signature_count + 1
    WHERE id = {proposal};
INSERT INTO proposals_signature (name, show_name, email, email_normalised,
    keep_informed, created_at, confirmed_at, flagged, proposal_id, language,
    identity_hash, method)
    VALUES ('Tak Testare', true,
    'ceiling-' || :client_id || '-' || :serial || '@bench.invalid',
    'ceiling-' || :client_id || '-' || :serial || '@bench.invalid',
    false, now(), now(), false, {proposal}, 'sv', '', 'email');
END;
"""
# With many proposals, each transaction picks one first (one more statement).
PICK = """\\set i random(1, {count})
SELECT (ARRAY[{ids}])[:i] AS proposal \\gset
"""

UNDO = """
WITH gone AS (
    DELETE FROM proposals_signature
    WHERE email_normalised LIKE 'ceiling-%@bench.invalid' RETURNING proposal_id
)
UPDATE proposals_proposal p SET signature_count = p.signature_count - g.n
FROM (SELECT proposal_id, count(*) AS n FROM gone GROUP BY 1) g
WHERE p.id = g.proposal_id
"""


def script(ids):
    if len(ids) == 1:
        return SIGN.format(proposal=ids[0])
    picked = PICK.format(count=len(ids), ids=",".join(map(str, ids)))
    return picked + SIGN.format(proposal=":proposal")


def pgbench(url, script_path, users, seconds):
    db = dj_database_url.parse(url)
    command = ["pgbench", "-n", "-c", str(users), "-j", "2", "-T", str(seconds)]
    command += ["-f", str(script_path), "-h", db["HOST"] or "127.0.0.1"]
    command += ["-p", str(db["PORT"] or 5432), "-U", db["USER"], db["NAME"]]
    done = subprocess.run(  # noqa: S603 (Debian's pgbench, our arguments)
        command,
        capture_output=True,
        text=True,
        check=True,
        env={"PGPASSWORD": db["PASSWORD"] or "", "PATH": "/usr/bin:/bin"},
    )
    return done.stdout


def figure(pattern, text):
    found = re.search(pattern, text)
    return float(found.group(1)) if found else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=["popular", "many"], default="popular")
    parser.add_argument("--many", type=int, default=200)
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--name", default=None, help="result file name")
    args = parser.parse_args()

    env = bench_env()
    conn = connect(env["DATABASE_URL"])
    conn.autocommit = True
    ids = pick(conn, args.mode, args.many)
    autovacuum, _dead = vacuum(conn)
    load_before = machine()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sign.sql"
        path.write_text(script(ids))
        output = pgbench(env["DATABASE_URL"], path, args.users, args.seconds)
    with conn.cursor() as cursor:
        cursor.execute(UNDO)
    after = counts(conn, ids)
    result = {
        "benchmark": args.name or f"ceiling-{args.mode}",
        "proposals": len(ids),
        "users": args.users,
        "seconds": args.seconds,
        "signing_transactions_per_second": figure(
            r"tps = ([\d.]+) \(without initial", output
        ),
        "latency_average_ms": figure(r"latency average = ([\d.]+) ms", output),
        "failed_transactions": figure(r"failed transactions: (\d+)", output),
        "exact_after_undo": all(a[0] == a[1] == a[2] for a in after.values()),
        "autovacuum": autovacuum,
        "machine_before": load_before,
        "machine_after": machine(),
    }
    save(result["benchmark"], result)
    raise SystemExit(0 if result["exact_after_undo"] else 1)


if __name__ == "__main__":
    main()

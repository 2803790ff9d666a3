"""CPU one rendered search costs: Python and the PostgreSQL backend serving it.

    .venv/bin/python bench/search_cpu.py [--requests 40] [QUERY ...]

Sends each query to /sok/ in-process (Django's test Client, the bench settings,
against DATABASE_URL, a cookie (browse.BYPASS_COOKIE) so the page cache is passed
by, as in `browse.py --cache bypass`) and prints per request: the process's CPU ms,
the CPU ms of the PostgreSQL backend that served it (read from /proc, so PostgreSQL
must run on this machine) and their sum. CPU time is far less disturbed by a loaded
machine than latency: on a shared machine compare codes by this, in alternate runs
(README, "Swedish search: the common word, profiled")."""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env  # noqa: E402

QUERIES = ["cykelbanan", "kusten", "simbassäng", "cykelbanan kusten"]


def backend_cpu(pid):
    """CPU seconds so far of one process, from /proc."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("queries", nargs="*", default=QUERIES)
    args = parser.parse_args()
    bench_env(DJANGO_ALLOWED_HOSTS="testserver")

    import django

    django.setup()
    from browse import BYPASS_COOKIE
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    client = Client()

    def search(query):
        client.cookies[BYPASS_COOKIE] = "1"
        response = client.get("/sok/", {"q": query})
        assert response.status_code == 200, (query, response.status_code)

    for query in args.queries:
        for _ in range(3):  # warm-up: imports, the dictionary, the shared cache
            search(query)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        database, python = backend_cpu(pid), time.process_time()
        for _ in range(args.requests):
            search(query)
        python = 1000 * (time.process_time() - python) / args.requests
        database = 1000 * (backend_cpu(pid) - database) / args.requests
        print(
            f"{query!r:24} Python {python:5.1f} ms  PostgreSQL {database:5.1f} ms  "
            f"total {python + database:5.1f} ms CPU per search",
            flush=True,
        )


if __name__ == "__main__":
    os.chdir(Path(__file__).resolve().parent.parent)
    main()

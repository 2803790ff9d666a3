"""Query counts per page type, and EXPLAIN ANALYZE of each page's slowest queries.

    .venv/bin/python bench/queries.py   # DATABASE_URL: default the bench database

Renders every page of bench/browse.py in-process (Django's test client, bench
settings, page cache off) and prints how many queries it ran and the time of its
slowest ones; the plans go to bench/results/explain-<database>.txt. Also times a
Swedish full-text search over proposals through Wagtail's backend, which is what an
index on the proposals would be used for. Run it on a small and a large database:
the counts must be the same."""

import os
import sys
import time

from common import RESULTS, bench_env, machine, save

EXPLAINED_PER_PAGE = 3


def main():
    env = bench_env(DELAKTIG_PAGE_CACHE_SECONDS=0)
    os.environ.update(env)
    import django

    django.setup()
    from browse import pages
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from signing import connect

    from delaktig_site.collector import freeze_loaded
    from municipality.swedish import build_query
    from proposals.models import Proposal

    conn = connect(env["DATABASE_URL"])
    conn.autocommit = True
    client = Client(HTTP_HOST="127.0.0.1")
    database = connection.settings_dict["NAME"]
    plans = []
    result = {
        "database": database,
        "proposals": Proposal.objects.count(),
        "machine": machine(),
        "pages": {},
    }
    for name, path in pages(conn).items():
        client.get(path)  # warm-up: per-process caches
        freeze_loaded()  # as the servers do (delaktig_site/wsgi.py)
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = time.perf_counter() - started
        slowest = sorted(captured, key=lambda q: float(q["time"]), reverse=True)
        result["pages"][name] = {
            "status": response.status_code,
            "queries": len(captured),
            "ms": round(elapsed * 1000, 1),
            "slowest_query_ms": [
                round(float(q["time"]) * 1000, 1) for q in slowest[:3]
            ],
        }
        print(name, result["pages"][name], flush=True)
        for query in slowest[:EXPLAINED_PER_PAGE]:
            if query["sql"].lstrip().upper().startswith("SELECT"):
                plans.append(_explain(connection, name, query["sql"]))
    search = Proposal.objects.listed().search(build_query("cykelbanan"))
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        hits = list(search[:10])
        elapsed = time.perf_counter() - started
    result["proposal search (Swedish, backend)"] = {
        "hits": len(hits),
        "queries": len(captured),
        "ms": round(elapsed * 1000, 1),
    }
    for query in captured:
        plans.append(_explain(connection, "proposal search", query["sql"]))
    plans.extend(_index_plans())
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"explain-{database}.txt").write_text("\n".join(plans))
    save(f"queries-{database}", result)


def _index_plans():
    """The plans that prove the listing and signer-name indexes (migrations 0010,
    0011): the queries exactly as the views build them."""
    from proposals.constants import Sort
    from proposals.models import Proposal, SuggestionBoxPage
    from proposals.views.public import MAX_SIGNER_NAMES, PER_PAGE, _ordered

    box = SuggestionBoxPage.objects.live().first()
    plans = []
    for sort in Sort.values:
        listing = _ordered(box.proposals.listed().select_related("topic"), sort)
        plan = listing[:PER_PAGE].explain(analyze=True)
        plans.append(f"== index proof: listing sorted {sort}\n{plan}\n")
    popular = Proposal.objects.order_by("-signature_count").first()
    names = popular.signatures.filter(
        confirmed_at__isnull=False, flagged=False, show_name=True
    ).order_by("-confirmed_at", "-pk")[:MAX_SIGNER_NAMES]
    plans.append(f"== index proof: signer names\n{names.explain(analyze=True)}\n")
    return plans


def _explain(connection, name, sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return f"== {name}\n{sql}\n{plan}\n"


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(__file__))
    main()

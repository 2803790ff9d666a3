"""The figures of the last runs as Markdown tables, beside the targets.

    .venv/bin/python bench/report.py [results dir]     # default: bench/results

Reads what bench/run_all.sh wrote (signing-*.json, scaleout-2srv.json,
browse-cache-{on,bypass,off}.json, browse-latency.json, queries-bench.json) and
prints one table per benchmark, each row with the command's result file, so the
tables in bench/README.md can be re-made from the raw results. Prints; judges
nothing."""

import json
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
SIGNING = [
    ("signing-popular-5min", "1 proposal, 40 users, 5 minutes"),
    ("signing-many-5min", "200 proposals, 40 users, 5 minutes"),
    ("signing-popular-1srv", "1 proposal, 40 users"),
    ("signing-popular-10users", "1 proposal, 10 users"),
    ("signing-many-1srv", "200 proposals, 40 users"),
    ("scaleout-2srv", "200 proposals, 40 users, 2 gunicorns × 2 workers"),
]


def _load(directory, name):
    path = directory / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _ms(values):
    return " / ".join("–" if v is None else f"{v:g}" for v in values)


def signing(directory):
    print(
        "| run | confirmed/s | machine CPU ms per signer (gunicorn / PostgreSQL / "
        "locust) | confirm p50 / p95 / p99 ms "
        "| all requests p95 ms | errors | exact | load before → after "
        "| CPU-speed loop s | file |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, label in SIGNING:
        r = _load(directory, name)
        if r is None:
            continue
        exact = "yes" if r["exact"] else "**no**"
        before, after = r["machine_before"], r["machine_after"]
        loops = " → ".join(str(m.get("loop_seconds", "–")) for m in (before, after))
        cpu = str(r.get("machine_cpu_ms_per_confirmed", "–"))
        kinds = r.get("cpu_ms_per_confirmed_by_process")
        if kinds:
            cpu += " ({gunicorn} / {postgres} / {finished children})".format(**kinds)
        print(
            f"| {label} ({r['seconds']} s) | {r['confirmed_per_second']} "
            f"| {cpu} "
            f"| {_ms(r['confirm_p50_p95_p99_ms'])} | {r['all_requests_p95_ms']} "
            f"| {r['errors']} | {exact} ({r['confirmed_signatures']} confirmed, rows "
            f"+{r['counted_rows_grew_by']}) | {before['load_1_5_15']} → "
            f"{after['load_1_5_15']} | {loops} | `{name}.json` |"
        )


# (result file, label): the three cache settings at 16 connections, and the
# rendered pages' latency at 2 connections (one per core: below saturation).
BROWSING = [
    ("browse-cache-on", "cache on", "on"),
    ("browse-cache-bypass", "cache bypass", "bypass"),
    ("browse-cache-off", "cache off", "off"),
    ("browse-latency", "cache bypass", "bypass at 2 connections"),
]


def browsing(directory):
    runs = {}
    for name, key, label in BROWSING:
        r = _load(directory, name)
        if r is not None:
            runs[label] = r[key]
    if not runs:
        return
    pages = list(next(iter(runs.values())))
    header = " | ".join(f"{s}: req/s, p95 ms" for s in runs)
    print(f"| page | {header} |")
    print("| --- |" + " --- |" * len(runs))
    for page in pages:
        cells = []
        for rows in runs.values():
            row = rows.get(page)
            errors = f", {row['errors']} errors" if row and row["errors"] else ""
            cells.append(f"{row['rps']:.0f}, {row['p95_ms']:g}{errors}" if row else "–")
        print(f"| {page} | " + " | ".join(cells) + " |")


def queries(directory):
    r = _load(directory, "queries-bench")
    if r is None:
        return
    print(f"In-process at {r['proposals']:,} proposals:\n")
    print("| page | queries | ms | slowest queries ms |")
    print("| --- | --- | --- | --- |")
    for page, row in r["pages"].items():
        slowest = row.get("slowest_query_ms", [])
        print(f"| {page} | {row.get('queries')} | {row.get('ms')} | {_ms(slowest)} |")


def main():
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS
    for title, part in (
        ("Signing", signing),
        ("Browsing (wrk, 16 connections unless said)", browsing),
        ("Queries", queries),
    ):
        print(f"\n#### {title}\n")
        part(directory)


if __name__ == "__main__":
    main()

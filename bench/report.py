"""Today's figures as one Markdown table, beside the targets.

    .venv/bin/python bench/report.py [results dir]     # default: bench/results

Reads what bench/run_all.sh wrote and prints one row per measure, each with its
result file, so the table in bench/README.md is re-made from the raw results of
one run. A file that is missing leaves its row out. Prints; judges only the
ratios the targets name."""

import json
import statistics
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"

# (result file, what it ran)
SIGNING = [
    ("signing-popular-1srv", "1 proposal, 40 users, 60 s"),
    ("signing-popular-proxy-1", "1 proposal, 40 users, 60 s, through the proxy"),
    ("signing-many-1srv", "200 proposals, 40 users, 60 s"),
    ("signing-popular-10users", "1 proposal, 10 users, 60 s"),
    ("signing-popular-5min", "1 proposal, 40 users, 5 minutes"),
    ("signing-many-5min", "200 proposals, 40 users, 5 minutes"),
    ("signing-many-2srv", "200 proposals, 40 users, two gunicorns"),
    (
        "signing-many-2srv-pgbouncer",
        "200 proposals, 40 users, two gunicorns, PgBouncer",
    ),
]
RENDERED_PAGES = [
    "home",
    "proposal",
    "proposal (long trail)",
    "listing most_signed",
    "dialogue",
]
SEARCH_PAGES = [
    "search (Swedish)",
    "search (word in 1/6)",
    "search (no match)",
    "search (two words)",
    "search (typing error)",
]


def _load(directory, name):
    path = directory / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _met(value, target):
    return "**yes**" if value >= target else "**no**"


def _row(measure, figure, target, met, files):
    files = ", ".join(f"`{name}.json`" for name in files)
    print(f"| {measure} | {figure} | {target} | {met} | {files} |")


def edge(directory):
    r = _load(directory, "edge")
    if r is None:
        return
    for page, row in r["pages"].items():
        proxy = [run["rps"] for run in row["proxy"]]
        nginx = [run["rps"] for run in row["nginx"]]
        cpu = row["cpu_us_per_request"]
        figure = (
            f"{statistics.median(proxy):,.0f} against {statistics.median(nginx):,.0f} "
            f"req/s (medians of {len(proxy)} rounds); ratio, median of the rounds' "
            f"**{row['ratio']:.2f}**; CPU µs per request {cpu['proxy']} / "
            f"{cpu['nginx']}"
        )
        _row(
            f"cached {page} through the proxy against nginx serving the same bytes",
            figure,
            "≥ 0.5",
            _met(row["ratio"], 0.5),
            ["edge"],
        )


# The rounds of bench/run_all.sh: signing through the proxy, then the ceiling.
CEILING_ROUNDS = 2


def ceiling(directory):
    rounds = [
        (
            _load(directory, f"signing-popular-proxy-{n}"),
            _load(directory, f"ceiling-popular-{n}"),
        )
        for n in range(1, CEILING_ROUNDS + 1)
    ]
    rounds = [(s, c) for s, c in rounds if s is not None and c is not None]
    if not rounds:
        return
    ratios = [
        s["confirmed_per_second"] / c["signing_transactions_per_second"]
        for s, c in rounds
    ]
    ratio = statistics.mean(ratios)
    figure = "; ".join(
        f"{s['confirmed_per_second']:.1f} confirmed/s against "
        f"{c['signing_transactions_per_second']:.1f} transactions/s"
        for s, c in rounds
    )
    figure = (
        f"{figure} of the minimal signing transaction in PostgreSQL alone "
        f"({len(rounds)} rounds taking turns, signing through the proxy); ratios "
        f"{', '.join(f'{r:.3f}' for r in ratios)}, mean **{ratio:.2f}**"
    )
    _row(
        "confirmed signatures against the database-only ceiling, 40 at once",
        figure,
        "≥ 0.10",
        _met(ratio, 0.10),
        [
            name
            for n in range(1, len(rounds) + 1)
            for name in (f"signing-popular-proxy-{n}", f"ceiling-popular-{n}")
        ],
    )


def rendered_ratio(directory):
    r = _load(directory, "browse-rendered-ratio")
    if r is None:
        return
    rows = r["cache bypass"]
    simplest = rows["information page"]
    for page in ("proposal", "proposal (long trail)"):
        ratio = rows[page]["rps"] / simplest["rps"]
        figure = (
            f"{rows[page]['rps']:.0f} against {simplest['rps']:.0f} req/s, taking "
            f"turns in {rows[page]['rounds']} rounds: **{ratio:.2f}**; gunicorn CPU "
            f"ms per request {rows[page]['gunicorn_cpu_ms_per_request']} / "
            f"{simplest['gunicorn_cpu_ms_per_request']}"
        )
        _row(
            f"rendered {page} page against an information page, 16 connections",
            figure,
            "≥ 0.35",
            _met(ratio, 0.35),
            ["browse-rendered-ratio"],
        )


def signing(directory):
    for name, label in SIGNING:
        r = _load(directory, name)
        if r is None:
            continue
        exact = "exact" if r["exact"] else "**not exact**"
        kinds = r.get("cpu_ms_per_confirmed_by_process") or {}
        cpu = " / ".join(
            str(kinds.get(kind, "–"))
            for kind in ("gunicorn", "task workers", "postgres")
        )
        mail = (r.get("mail") or {}).get("wait_p50_p95_p99_ms") or ["–"] * 3
        figure = (
            f"**{r['confirmed_per_second']}** confirmed/s "
            f"({r['confirmed_signatures']:,} confirmed, {r['errors']} errors, "
            f"{exact}); all requests p95 "
            f"{r['all_requests_p95_ms']} ms; mail in the mailbox p50 {mail[0]} ms; CPU "
            f"ms per signer gunicorn / task workers / PostgreSQL {cpu}"
        )
        good = r["exact"] and not r["errors"] and r["all_requests_p95_ms"] < 300
        _row(
            f"signing: {label}",
            figure,
            "exact, 0 errors, p95 < 300 ms",
            "yes" if good else "**no**",
            [name],
        )


def _pages(rows, names):
    cells = []
    for page in names:
        row = rows.get(page)
        if row:
            cells.append(f"{page} {row['rps']:.0f} req/s, p95 {row['p95_ms']:g} ms")
    return "; ".join(cells)


def browsing(directory):
    on = _load(directory, "browse-cache-on")
    if on is not None:
        rows = on["cache on"]
        rps = [row["rps"] for row in rows.values()]
        p95 = max(row["p95_ms"] for row in rows.values())
        _row(
            "anonymous pages from Django's page cache (no proxy), 16 connections",
            f"{min(rps):,.0f}–{max(rps):,.0f} req/s over {len(rps)} pages, "
            f"p95 ≤ {p95:g} ms",
            "≥ 2,000 req/s",
            "yes" if min(rps) >= 2000 else "**no**",
            ["browse-cache-on"],
        )
    for name, key, label in (
        ("browse-cache-bypass", "cache bypass", "16 connections"),
        ("browse-latency", "cache bypass", "2 connections"),
    ):
        r = _load(directory, name)
        if r is None:
            continue
        rows = r[key]
        pages = [rows[page] for page in RENDERED_PAGES if page in rows]
        searches = [rows[page] for page in SEARCH_PAGES if page in rows]
        _row(
            f"rendered pages, {label}",
            _pages(rows, RENDERED_PAGES),
            "p95 < 200 ms",
            "yes" if all(row["p95_ms"] < 200 for row in pages) else "**no**",
            [name],
        )
        # The search target is for searches below saturation (one per core).
        below = name == "browse-latency"
        fast = all(row["p95_ms"] < 200 for row in searches)
        _row(
            f"rendered searches, {label}",
            _pages(rows, SEARCH_PAGES),
            "p95 < 200 ms" if below else "–",
            ("yes" if fast else "**no**") if below else "–",
            [name],
        )


def queries(directory):
    r = _load(directory, "queries-bench")
    if r is None:
        return
    counts = ", ".join(
        f"{page} {row.get('queries')}" for page, row in r["pages"].items()
    )
    _row(
        f"queries per page at {r['proposals']:,} proposals",
        counts,
        "flat with the data (tests/bench)",
        "–",
        ["queries-bench"],
    )


def main():
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS
    print("| measure | figure | target | met? | result file |")
    print("| --- | --- | --- | --- | --- |")
    for part in (edge, ceiling, rendered_ratio, signing, browsing, queries):
        part(directory)


if __name__ == "__main__":
    main()

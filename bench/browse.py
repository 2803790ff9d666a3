"""Browsing: anonymous GETs of every page type under wrk, with and without cache.

    .venv/bin/python bench/browse.py                  # all three runs, 15 s per page
    .venv/bin/python bench/browse.py --cache on --seconds 5

Starts gunicorn (bench settings) on the database in DATABASE_URL (default: the
`bench` database made by generate_bench_data) and measures each page with
`wrk -t2 -c<connections> --latency -s bench/report.lua`: requests/s, p50/p95/p99 and
errors (any non-2xx/3xx counts). Three runs:
  off     DELAKTIG_PAGE_CACHE_SECONDS=0: no page cache and no shared cache;
  bypass  caches on (production, needs REDIS_URL), but every request carries a
          cookie (BYPASS_COOKIE), so every page is rendered (what anyone after a
          form post gets, with the messages cookie): the shared lookups are
          cached. Not a session cookie: a browser's stale one is deleted by the
          first answer, and a signed-in visitor's session read is not the page's;
  on      caches on, cookie-less requests: pages from the page cache."""

import argparse
import json
import statistics
import subprocess

import psycopg2
from common import (
    ROOT,
    bench_env,
    collectstatic,
    cpu_by_process,
    gunicorn,
    machine,
    save,
)
from signing import box_path, connect

# Any cookie but the CSRF one passes the page cache (caching/middleware.py).
BYPASS_COOKIE = "bench_visitor"


def pages(conn):
    """The page types to measure, with their paths on this database."""
    box = box_path(conn)
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT p.id FROM proposals_proposal p WHERE p.status IN "
            "('open', 'referred', 'answered', 'closed_unsupported') "
            "ORDER BY (SELECT count(*) FROM proposals_feedbackentry f "
            "WHERE f.proposal_id = p.id) DESC LIMIT 1"
        )
        long_trail = cursor.fetchone()[0]
        # An ordinary proposal: open, a few signatures, its trail one entry or two.
        cursor.execute(
            "SELECT id FROM proposals_proposal WHERE status = 'open' "
            "ORDER BY id LIMIT 1"
        )
        ordinary = cursor.fetchone()[0]
        # The simplest page type: an information page (text only), the yardstick
        # the rendered proposal page is measured against (bench/README.md).
        cursor.execute(
            "SELECT url_path FROM wagtailcore_page p JOIN home_standardpage s "
            "ON s.page_ptr_id = p.id WHERE p.live ORDER BY p.id LIMIT 1"
        )
        information = "/" + cursor.fetchone()[0].strip("/").split("/", 1)[1] + "/"
        cursor.execute(
            "SELECT url_path FROM wagtailcore_page p JOIN dialogues_dialoguepage d "
            "ON d.page_ptr_id = p.id WHERE p.live ORDER BY p.id LIMIT 1"
        )
        dialogue = "/" + cursor.fetchone()[0].strip("/").split("/", 1)[1] + "/"
    return {
        "home": "/",
        "listing most_signed": f"{box}?sort=most_signed",
        "listing newest": f"{box}?sort=newest",
        "listing closing_soon": f"{box}?sort=closing_soon",
        "listing recently_answered": f"{box}?sort=recently_answered",
        "listing page 50": f"{box}?sort=newest&page=50",
        "information page": information,
        "proposal (long trail)": f"{box}forslag/{long_trail}/",
        "proposal": f"{box}forslag/{ordinary}/",
        "dialogue": dialogue,
        # The generator's texts draw from 29 words, so each is in ~3/4 of all
        # proposals (the worst case: every match is ranked); a place name is in
        # ~1/6 of the titles; the last matches nothing.
        "search (Swedish)": "/sok/?q=cykelbanan",
        "search (word in 1/6)": "/sok/?q=kusten",
        "search (no match)": "/sok/?q=simbass%C3%A4ng",
        # Two words (all-words tier, then any-word tier) and a typing error (the
        # nearest indexed word): the Swedish search's extra steps.
        "search (two words)": "/sok/?q=cykelbanan+kusten",
        "search (typing error)": "/sok/?q=cykelbnaan",
    }


def wrk(url, seconds, connections, headers=()):
    output = subprocess.run(  # noqa: S603 (wrk on the loopback)
        [  # noqa: S607 (Debian's wrk from PATH)
            "wrk",
            *[part for header in headers for part in ("-H", header)],
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "report.lua"),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def run(
    conn,
    cache_seconds,
    seconds,
    connections,
    workers,
    headers=(),
    only=None,
    port=8100,
    rounds=1,
):
    """Each page for `seconds`; with rounds > 1 the pages take turns, seconds /
    rounds each per round, so a page's figure is spread over the whole run (on a
    shared machine whose speed swings, that keeps ratios between pages fair)."""
    env = bench_env(DELAKTIG_PAGE_CACHE_SECONDS=cache_seconds)
    collectstatic(env)
    chosen = {
        name: path for name, path in pages(conn).items() if not only or name in only
    }
    measured = {name: [] for name in chosen}
    with gunicorn(env, port=port, workers=workers) as base:
        for path in chosen.values():
            # One warm-up request fills the cache (when on) and the workers' imports.
            wrk(base + path, 1, 1, headers)
        for _round in range(rounds):
            for name, path in chosen.items():
                cpu_before = cpu_by_process([base], conn)
                figures = wrk(
                    base + path, max(1, seconds // rounds), connections, headers
                )
                cpu_after = cpu_by_process([base], conn)
                # The server's and the database's CPU for these requests: unlike
                # requests per second, hardly moved by other work on the machine.
                figures["cpu_seconds"] = {
                    kind: cpu_after[kind] - cpu_before[kind]
                    for kind in ("gunicorn", "postgres")
                }
                measured[name].append(figures)
    results = {}
    for name, path in chosen.items():
        results[name] = {"path": path, **_combined(measured[name])}
        results[name]["load"] = machine()["load_1_5_15"]
        print(name, results[name], flush=True)
    return results


def _combined(runs):
    """One figure from a page's rounds: requests and seconds summed, the
    percentiles the median of the rounds', CPU per request by process kind."""
    requests = sum(run["requests"] for run in runs)
    spent = [run.pop("cpu_seconds") for run in runs]
    cpu = {
        f"{kind}_cpu_ms_per_request": round(
            1000 * sum(each[kind] for each in spent) / max(requests, 1), 2
        )
        for kind in ("gunicorn", "postgres")
    }
    if len(runs) == 1:
        return {**runs[0], **cpu}
    elapsed = sum(run["seconds"] for run in runs)
    combined = {
        "requests": requests,
        "seconds": round(elapsed, 2),
        "rps": round(requests / elapsed, 1),
        "rounds": len(runs),
    }
    for key in ("p50_ms", "p95_ms", "p99_ms"):
        combined[key] = statistics.median(run[key] for run in runs)
    for key in ("errors", "non_2xx_3xx"):
        combined[key] = sum(run[key] for run in runs)
    return {**combined, **cpu}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--cache", choices=["on", "off", "bypass", "all"], default="all"
    )
    parser.add_argument("--cache-seconds", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--page", action="append", help="only these pages (names)")
    parser.add_argument("--port", type=int, default=8100, help="the server's port")
    parser.add_argument(
        "--rounds", type=int, default=1, help="pages take turns in this many rounds"
    )
    parser.add_argument("--name", help="result file name (default browse-cache-X)")
    args = parser.parse_args()
    env = bench_env()
    conn = connect(env["DATABASE_URL"])
    conn.autocommit = True
    result = {"machine": machine()}
    settings = ("off", "bypass", "on") if args.cache == "all" else (args.cache,)
    for setting in settings:
        seconds = 0 if setting == "off" else args.cache_seconds
        headers = [f"Cookie: {BYPASS_COOKIE}=1"] if setting == "bypass" else []
        result[f"cache {setting}"] = run(
            conn,
            seconds,
            args.seconds,
            args.connections,
            args.workers,
            headers,
            args.page,
            args.port,
            args.rounds,
        )
    result["machine_after"] = machine()
    save(args.name or f"browse-cache-{args.cache}", result)


if __name__ == "__main__":
    try:
        main()
    except psycopg2.Error as error:
        raise SystemExit(f"database: {error}") from error

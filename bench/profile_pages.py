"""Profile page requests in-process: where does a rendered page or a cache hit spend?

    .venv/bin/python bench/profile_pages.py [--mode rendered|hit] [--rounds 30]
        [--page proposal] [--page listing] ...

Uses the pages of bench/browse.py (the same URLs), Django's test Client and the bench
settings against DATABASE_URL (default: the bench database). "rendered" sends a
cookie (browse.BYPASS_COOKIE), so the page cache is passed by as in `browse.py
--cache bypass`;
"hit" sends no cookie, so after the first request every one is a page-cache hit
(set REDIS_URL for the Redis cache the servers use). Prints CPU ms per request and
pyinstrument's heaviest frames per page."""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env, collectstatic  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=("rendered", "hit"), default="rendered")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--page", action="append", help="page names (browse.py)")
    parser.add_argument("--flat", type=int, default=30, help="lines of flat view")
    parser.add_argument("--tree", action="store_true", help="call tree, not flat")
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args()
    collectstatic(bench_env())

    import django

    django.setup()
    from browse import BYPASS_COOKIE, pages
    from django.test import Client
    from django.test.utils import setup_test_environment
    from pyinstrument import Profiler
    from signing import connect

    from delaktig_site.collector import freeze_loaded

    setup_test_environment()
    client = Client()
    if args.mode == "rendered":
        client.cookies[BYPASS_COOKIE] = "1"
    with connect(os.environ["DATABASE_URL"]) as conn:
        chosen = pages(conn)
    if args.page:
        chosen = {name: url for name, url in chosen.items() if name in args.page}
    for name, url in chosen.items():
        client.get(url)  # warm up (and fill the cache for "hit")
        freeze_loaded()  # as the servers do (delaktig_site/wsgi.py)
        profiler = Profiler(interval=0.0005)
        start = time.process_time()
        for _ in range(args.rounds):
            if not args.no_profile:
                profiler.start()
            response = client.get(url)
            if not args.no_profile:
                profiler.stop()
            assert response.status_code == 200, (name, response.status_code)
        per_request = 1000 * (time.process_time() - start) / args.rounds
        cache = response.get("X-Page-Cache", "-")
        print(f"\n=== {name} ({url}): {per_request:.1f} ms CPU, cache {cache}")
        if args.no_profile:
            continue
        if args.tree:
            print(profiler.output_text(unicode=True, time="percent_of_total"))
        else:
            flat = profiler.output_text(flat=True, time="percent_of_total")
            print("\n".join(flat.splitlines()[: args.flat]))


if __name__ == "__main__":
    os.chdir(Path(__file__).resolve().parent.parent)
    main()

"""Profile the task worker's cost per e-mail in-process: where does its CPU go?

    .venv/bin/python bench/profile_mail.py [--mails 300] [--html DIR]

Queues `--mails` signature confirmation e-mails (for existing signatures of the
most signed open proposal, as the sign post queues them) and runs the task
worker's loop (background.worker, as `manage.py task_worker` does) until the queue
is empty, with the bench settings against DATABASE_URL (default: the bench
database). Prints CPU ms per mail (process time), queries and commits per mail
and pyinstrument's top frames. The mails go to a temporary folder; the task rows
it made are deleted afterwards."""

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RESULTS, bench_env, machine, save  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mails", type=int, default=300)
    parser.add_argument("--no-profile", action="store_true", help="only CPU ms")
    parser.add_argument("--flat", type=int, default=40, help="lines of flat view")
    parser.add_argument("--html", type=Path, default=None, help="write an HTML profile")
    parser.add_argument(
        "--cpu",
        metavar="REGEX",
        help="cProfile by CPU time instead, cumulative, functions matching REGEX",
    )
    args = parser.parse_args()
    mail_dir = tempfile.mkdtemp(prefix="delaktig-profile-mail-")
    bench_env(BENCH_MAIL_DIR=mail_dir)

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation
    from django_tasks_db.models import DBTaskResult
    from pyinstrument import Profiler

    from background.worker import ResilientWorker
    from delaktig_site.collector import freeze_loaded
    from proposals.models import Proposal, Signature
    from proposals.notifications import queue_mail

    proposal = (
        Proposal.objects.filter(status="open").order_by("-signature_count").first()
    )
    signatures = list(
        Signature.objects.filter(proposal=proposal).values_list("pk", flat=True)[
            : args.mails + 20
        ]
    )

    def enqueue(pks):
        with translation.override("sv"):
            for pk in pks:
                queue_mail("signature_confirm", signature=pk)

    def worker():
        return ResilientWorker(
            queue_names=["default"],
            excluded_queue_names=[],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="profile-mail",
        )

    before = set(DBTaskResult.objects.values_list("pk", flat=True))
    enqueue(signatures[:20])  # warm up imports, templates, connection
    worker().run()
    freeze_loaded()  # as the servers do

    enqueue(signatures[20:])
    mails = len(signatures) - 20
    if args.cpu:
        profiler = cProfile.Profile(time.process_time)
        profiler.start, profiler.stop = profiler.enable, profiler.disable
    else:
        profiler = None if args.no_profile else Profiler(interval=0.0005)
    with CaptureQueriesContext(connection) as queries:
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        if profiler:
            profiler.start()
        worker().run()
        if profiler:
            profiler.stop()
        cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start_wall
    made = DBTaskResult.objects.exclude(pk__in=before)
    statuses = {
        status: made.filter(status=status).count()
        for status in made.values_list("status", flat=True).distinct()
    }
    made.delete()
    sql = [q["sql"] for q in queries.captured_queries]
    result = {
        "machine": machine(),
        "database": connection.vendor,
        "mails": mails,
        "tasks_by_status": statuses,
        "mails_written": len(os.listdir(mail_dir)),
        "cpu_ms_per_mail": round(1000 * cpu / mails, 2),
        "wall_ms_per_mail": round(1000 * wall / mails, 2),
        "queries_per_mail": round(len(sql) / mails, 2),
        "commits_per_mail": round(
            sum(s.strip().upper().startswith(("COMMIT", "RELEASE")) for s in sql)
            / mails,
            2,
        ),
    }
    save(f"profile-mail-{connection.vendor}", result)
    if args.cpu:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.cpu, args.flat)
    elif profiler:
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        if args.html:
            args.html.mkdir(parents=True, exist_ok=True)
            (args.html / "mail.html").write_text(profiler.output_html())


if __name__ == "__main__":
    RESULTS.mkdir(exist_ok=True)
    main()

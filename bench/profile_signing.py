"""Profile one signer's four requests in-process: where does the CPU go?

    .venv/bin/python bench/profile_signing.py [--rounds 20] [--html DIR]

Runs the flow of bench/locustfile.py (GET the proposal page, POST the sign form,
GET the page the confirmation link opens, POST its button; the cached "check your
e-mail" page is left out) through
Django's test Client with the bench settings against DATABASE_URL (default: the
bench database), on the most signed open proposal. Prints, per request: queries,
CPU ms per request (process time, less sensitive to a loaded machine than wall
time) and pyinstrument's top frames over all rounds. The signatures it makes are
confirmed like the benchmark's, so counts stay exact."""

import argparse
import os
import re
import sys
import time
import uuid
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RESULTS, bench_env, collectstatic, machine  # noqa: E402

STARTED = re.compile(r'name="started" value="([^"]+)"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--no-profile", action="store_true", help="only CPU ms and queries"
    )
    parser.add_argument("--sql", action="store_true", help="print the queries")
    parser.add_argument("--flat", type=int, default=40, help="lines of flat view")
    parser.add_argument("--html", type=Path, default=None, help="write HTML profiles")
    args = parser.parse_args()
    collectstatic(bench_env())  # production settings serve the manifest's names

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    from delaktig_site.collector import freeze_loaded
    from proposals import tokens
    from proposals.models import Proposal, Signature

    proposal = (
        Proposal.objects.filter(status="open").order_by("-signature_count").first()
    )
    page_url = proposal.box.url + f"forslag/{proposal.pk}/"
    # No setup_test_environment(): its template instrumentation would be measured
    # too. The host is one ALLOWED_HOSTS admits (bench_env).
    client = Client(HTTP_HOST="localhost")
    client.get(page_url)  # warm up imports, templates, connection
    freeze_loaded()  # as the servers do (delaktig_site/wsgi.py)

    def get_page():
        return client.get(page_url)

    def post_sign(started, email):
        return client.post(
            page_url + "skriv-under/",
            {
                "started": started,
                "website": "",
                "name": "Bänk Testare",
                "show_name": "on",
                "email": email,
                "consent": "on",
            },
        )

    def confirm_link(email):
        pk = Signature.objects.get(proposal=proposal, email_normalised=email).pk
        return tokens.make_token(tokens.SIGNATURE_CONFIRM, pk)

    def confirm_page(token):
        return client.get(proposal.box.url + f"bekrafta-underskrift/{token}/")

    def confirm(token):
        # The Client skips CSRF checks; the browser posts the page's token.
        return client.post(proposal.box.url + f"bekrafta-underskrift/{token}/")

    names = ("GET proposal", "POST sign", "GET confirm page", "POST confirm")
    profilers = {name: Profiler(interval=0.0005) for name in names}
    cpu = dict.fromkeys(names, 0.0)
    queries = {}

    def run(name, call, *call_args):
        profiler = profilers[name]
        # Capturing queries wraps every cursor: only when they are to be printed.
        with CaptureQueriesContext(connection) if args.sql else nullcontext() as seen:
            start = time.process_time()
            if not args.no_profile:
                profiler.start()
            response = call(*call_args)
            if not args.no_profile:
                profiler.stop()
            cpu[name] += time.process_time() - start
        if args.sql:
            queries[name] = [q["sql"] for q in seen.captured_queries]
        return response

    load_before = machine()["load_1_5_15"]
    for _ in range(args.rounds):
        page = run(names[0], get_page)
        started = STARTED.search(page.content.decode()).group(1)
        email = f"{uuid.uuid4().hex}@bench.example.org"
        signed = run(names[1], post_sign, started, email)
        assert signed.status_code == 302, signed.status_code
        token = confirm_link(email)
        assert run(names[2], confirm_page, token).status_code == 200
        confirmed = run(names[3], confirm, token)
        assert "Din underskrift är bekräftad" in confirmed.content.decode()

    print(f"proposal {proposal.pk}, {args.rounds} rounds, load {load_before}")
    for name in names:
        per_request = 1000 * cpu[name] / args.rounds
        print(f"\n=== {name}: {per_request:.1f} ms CPU")
        if args.sql:
            print(f"{len(queries[name])} queries:")
            print("\n".join(sql[:220] for sql in queries[name]))
        if args.no_profile:
            continue
        profile = profilers[name]
        print(profile.output_text(unicode=True, time="percent_of_total"))
        flat = profile.output_text(
            flat=True,
            flat_time=os.environ.get("FLAT_TIME", "total"),
            time="percent_of_total",
        )
        print("\n".join(flat.splitlines()[: args.flat]))
        if args.html:
            args.html.mkdir(parents=True, exist_ok=True)
            slug = name.lower().replace(" ", "-")
            (args.html / f"{slug}.html").write_text(profilers[name].output_html())
    print("load after", machine()["load_1_5_15"], "results dir", RESULTS)


if __name__ == "__main__":
    os.chdir(Path(__file__).resolve().parent.parent)
    main()

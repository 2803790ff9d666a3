"""Locust: residents who open a proposal, sign it, see the "check your e-mail" page,
open the confirmation link and press its button.

Run through bench/signing.py, which picks the proposals, starts locust headless and
checks the counts afterwards. Environment:
  BENCH_HOSTS        comma-separated base URLs; user n signs on host n and confirms
                     on host n+1 (so with two servers every signature crosses over)
  BENCH_BOX_PATH     path of the suggestion box, e.g. /forslagslada/
  BENCH_PROPOSALS    comma-separated proposal ids to sign (picked at random)
  DJANGO_SECRET_KEY  the server's key: the client makes the confirmation link itself
  DATABASE_URL       the server's database: where the client reads the signature id

The confirmation link is exactly what the e-mail holds (proposals.tokens.make_token
on the signature's id); reading the id from PostgreSQL (green, through psycogreen)
saves scraping a mailbox under load.

Each signature is a new resident: the cookies are cleared first, so the proposal
page is what a first-time visitor gets (from the page cache when it is on). The
client is locust's FastHttpUser (geventhttpclient), which needs several times less
CPU per request than HttpUser; client and server share this machine's cores."""

import itertools
import json
import os
import random
import re
import uuid

from psycogreen.gevent import patch_psycopg

patch_psycopg()

import dj_database_url  # noqa: E402
import psycopg2  # noqa: E402
from django.conf import settings  # noqa: E402
from locust import FastHttpUser, between, events, task  # noqa: E402

settings.configure(SECRET_KEY=os.environ["DJANGO_SECRET_KEY"])

from proposals import tokens  # noqa: E402

HOSTS = [h.rstrip("/") for h in os.environ["BENCH_HOSTS"].split(",") if h]
BOX = os.environ.get("BENCH_BOX_PATH", "/forslagslada/")
PROPOSALS = [int(pk) for pk in os.environ["BENCH_PROPOSALS"].split(",") if pk]
# Matched on the raw bytes: decoding every page to text cost the client more CPU
# than the matching (client and server share the cores).
STARTED = re.compile(rb'name="started" value="([^"]+)"')
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
CONFIRMED_TEXT = "Din underskrift är bekräftad".encode()
_serial = itertools.count()


def _connect():
    db = dj_database_url.parse(os.environ["DATABASE_URL"])
    return psycopg2.connect(
        dbname=db["NAME"],
        user=db["USER"],
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
    )


class Signer(FastHttpUser):
    host = HOSTS[0]
    wait_time = between(0, 0.05)

    def on_start(self):
        number = next(_serial)
        self.sign_host = HOSTS[number % len(HOSTS)]
        self.confirm_host = HOSTS[(number + 1) % len(HOSTS)]
        self.db = _connect()
        self.db.autocommit = True

    def on_stop(self):
        self.db.close()

    @task
    def sign_and_confirm(self):
        pk = random.choice(PROPOSALS)  # noqa: S311 (load test, not security)
        self.client.cookiejar.clear()  # every signature is a new resident's
        page = self.client.get(
            f"{self.sign_host}{BOX}forslag/{pk}/", name="GET proposal (form)"
        )
        started, csrf = STARTED.search(page.content), CSRF.search(page.content)
        if page.status_code != 200 or not started or not csrf:
            return
        email = f"{uuid.uuid4().hex}@bench.example.org"
        with self.client.post(
            f"{self.sign_host}{BOX}forslag/{pk}/skriv-under/",
            data={
                "csrfmiddlewaretoken": csrf.group(1).decode(),
                "started": started.group(1).decode(),
                "website": "",
                "name": "Bänk Testare",
                "show_name": "on",
                "email": email,
                "consent": "on",
            },
            headers={"Referer": f"{self.sign_host}{BOX}forslag/{pk}/"},
            allow_redirects=False,
            name="POST sign",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign returned {response.status_code}")
                return
            thanks = response.headers.get("Location", "")
        # A browser follows the redirect to the "check your e-mail" page.
        with self.client.get(
            thanks if thanks.startswith("http") else self.sign_host + thanks,
            name="GET thanks",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"thanks page returned {response.status_code}")
        with self.db.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM proposals_signature "
                "WHERE proposal_id = %s AND email_normalised = %s",
                (pk, email),
            )
            row = cursor.fetchone()
        if row is None:
            events.request.fire(
                request_type="DB",
                name="signature stored",
                response_time=0,
                response_length=0,
                exception=RuntimeError("signature row missing"),
            )
            return
        token = tokens.make_token(tokens.SIGNATURE_CONFIRM, row[0])
        link = f"{self.confirm_host}{BOX}bekrafta-underskrift/{token}/"
        # The link opens a page (GET changes nothing); its one button posts.
        with self.client.get(
            link, name="GET confirm page", catch_response=True
        ) as page:
            csrf = CSRF.search(page.content)
            if page.status_code != 200 or not csrf:
                page.failure(f"confirm page returned {page.status_code}")
                return
        with self.client.post(
            link,
            data={"csrfmiddlewaretoken": csrf.group(1).decode()},
            headers={"Referer": link},
            name="POST confirm",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or CONFIRMED_TEXT not in response.content:
                response.failure(f"confirm returned {response.status_code}")


@events.quitting.add_listener
def _summary(environment, **_kwargs):
    """The final figures, after every user finished its last signature (the CSV
    files are written when the time is up, before the stop timeout)."""
    target = os.environ.get("BENCH_SUMMARY")
    if not target:
        return
    summary = {}
    for (name, method), entry in environment.stats.entries.items():
        summary[name] = {
            "method": method,
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "p50": entry.get_response_time_percentile(0.50),
            "p95": entry.get_response_time_percentile(0.95),
            "p99": entry.get_response_time_percentile(0.99),
        }
    total = environment.stats.total
    summary["all"] = {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "p95": total.get_response_time_percentile(0.95),
    }
    with open(target, "w") as handle:
        json.dump(summary, handle)

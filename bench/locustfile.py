"""Locust: residents who open a proposal, sign it, see the "check your e-mail" page,
open the confirmation link from their e-mail and press its button.

Run through bench/signing.py, which picks the proposals, starts the servers and the
task workers, starts locust headless and checks the counts afterwards. Environment:
  BENCH_HOSTS        comma-separated base URLs; user n signs on host n and confirms
                     on host n+1 (so with two servers every signature crosses over)
  BENCH_BOX_PATH     path of the suggestion box, e.g. /forslagslada/
  BENCH_PROPOSALS    comma-separated proposal ids to sign (picked at random)
  BENCH_MAIL_DIR     where the site's e-mail lands, one file per recipient
                     (delaktig_site.bench_mail)

The confirmation link is read from the e-mail the task worker rendered and sent to
the signer's own address, as a resident gets it: the client waits for its mailbox
file (gevent sleeps, so the other users carry on), parses the message and takes
the link from its text.

Each signature is a new resident: the cookies are cleared first, so the proposal
page is what a first-time visitor gets (from the page cache when it is on). The
client is locust's FastHttpUser (geventhttpclient), which needs several times less
CPU per request than HttpUser; client and server share this machine's cores."""

import email
import email.policy
import itertools
import json
import os
import random
import re
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit

import gevent
from locust import FastHttpUser, between, events, task

HOSTS = [h.rstrip("/") for h in os.environ["BENCH_HOSTS"].split(",") if h]
BOX = os.environ.get("BENCH_BOX_PATH", "/forslagslada/")
PROPOSALS = [int(pk) for pk in os.environ["BENCH_PROPOSALS"].split(",") if pk]
MAIL_DIR = Path(os.environ["BENCH_MAIL_DIR"])
# How long a signer waits for the e-mail before counting it as lost.
MAIL_TIMEOUT = float(os.environ.get("BENCH_MAIL_TIMEOUT", "60"))
# Matched on the raw bytes: decoding every page to text cost the client more CPU
# than the matching (client and server share the cores).
STARTED = re.compile(rb'name="started" value="([^"]+)"')
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
CONFIRM_LINK = re.compile(r"https?://\S+/bekrafta-underskrift/[\w-]+/")
CONFIRMED_TEXT = "Din underskrift är bekräftad".encode()


def form_token(page):
    """The form's CSRF token as a browser posts it; a page the caching proxy shares
    carries none (caching/csrf.py), and the browser posts the form without."""
    found = CSRF.search(page)
    return {"csrfmiddlewaretoken": found.group(1).decode()} if found else {}


def from_page(url):
    """The headers a browser sends with a form posted from the page at `url`."""
    parts = urlsplit(url)
    return {"Referer": url, "Origin": f"{parts.scheme}://{parts.netloc}"}


_serial = itertools.count()
# Seconds from the sign post's answer to the e-mail in the mailbox.
MAIL_WAITS = []


def _mail_failure(name, error):
    events.request.fire(
        request_type="MAIL",
        name=name,
        response_time=0,
        response_length=0,
        exception=error,
    )


def confirmation_link(address, since):
    """The confirmation link in `address`'s e-mail, waiting for it to arrive
    (None after MAIL_TIMEOUT); the file's name is the address (bench_mail)."""
    path = MAIL_DIR / quote(address.lower(), safe="@.")
    while not path.exists():
        if time.monotonic() - since > MAIL_TIMEOUT:
            _mail_failure("confirmation e-mail", TimeoutError("no e-mail arrived"))
            return None
        gevent.sleep(0.05)
    MAIL_WAITS.append(time.monotonic() - since)
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    path.unlink()
    found = CONFIRM_LINK.search(message.get_body(("plain",)).get_content())
    if found is None:
        _mail_failure("confirmation e-mail", ValueError("no confirmation link"))
        return None
    return found.group(0)


class Signer(FastHttpUser):
    host = HOSTS[0]
    wait_time = between(0, 0.05)

    def on_start(self):
        number = next(_serial)
        self.sign_host = HOSTS[number % len(HOSTS)]
        self.confirm_host = HOSTS[(number + 1) % len(HOSTS)]

    @task
    def sign_and_confirm(self):
        pk = random.choice(PROPOSALS)  # noqa: S311 (load test, not security)
        self.client.cookiejar.clear()  # every signature is a new resident's
        page = self.client.get(
            f"{self.sign_host}{BOX}forslag/{pk}/", name="GET proposal (form)"
        )
        started = STARTED.search(page.content)
        if page.status_code != 200 or not started:
            return
        address = f"{uuid.uuid4().hex}@bench.example.org"
        with self.client.post(
            f"{self.sign_host}{BOX}forslag/{pk}/skriv-under/",
            data={
                **form_token(page.content),
                "started": started.group(1).decode(),
                "website": "",
                "name": "Bänk Testare",
                "show_name": "on",
                "email": address,
                "consent": "on",
            },
            headers=from_page(f"{self.sign_host}{BOX}forslag/{pk}/"),
            allow_redirects=False,
            name="POST sign",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign returned {response.status_code}")
                return
            thanks = response.headers.get("Location", "")
        signed_at = time.monotonic()
        # A browser follows the redirect to the "check your e-mail" page.
        with self.client.get(
            thanks if thanks.startswith("http") else self.sign_host + thanks,
            name="GET thanks",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"thanks page returned {response.status_code}")
        link = confirmation_link(address, signed_at)
        if link is None:
            return
        # The link names the site's own address; user n confirms on host n + 1.
        link = self.confirm_host + urlsplit(link).path
        # The link opens a page (GET changes nothing); its one button posts.
        with self.client.get(
            link, name="GET confirm page", catch_response=True
        ) as page:
            if page.status_code != 200:
                page.failure(f"confirm page returned {page.status_code}")
                return
        with self.client.post(
            link,
            data=form_token(page.content),
            headers=from_page(link),
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
    waits = sorted(MAIL_WAITS)
    summary["mail"] = {
        "received": len(waits),
        "wait_p50_p95_p99_ms": [
            round(1000 * waits[int(q * (len(waits) - 1))]) if waits else None
            for q in (0.50, 0.95, 0.99)
        ],
    }
    total = environment.stats.total
    summary["all"] = {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "p95": total.get_response_time_percentile(0.95),
    }
    with open(target, "w") as handle:
        json.dump(summary, handle)

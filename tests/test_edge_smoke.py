"""Smoke test through the real caching proxy: `deploy/serve-production.sh` (what
`make serve-production` runs) starts varnish, gunicorn, the task worker and Redis
with the production settings on free ports, on the demo content in a database of
its own; then, over HTTP: a page is a MISS and then a HIT, a published trail entry
purges it (the next request is a MISS with the new entry), a resident signs through
the proxy without JavaScript and without a token, and nothing signed in or from the
admin is ever served from the proxy. Skipped where Debian's varnish or Redis is not
installed (`make edge` installs them)."""

import gzip
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

from bench.common import free_port, launcher_env

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "deploy" / "serve-production.sh"
PROPOSAL_LINK = re.compile(r'href="(/forslagslada/forslag/(\d+)/)"')
STARTED = re.compile(r'name="started" value="([^"]*)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
READY_SECONDS = 600

pytestmark = [
    pytest.mark.edge,
    pytest.mark.skipif(
        shutil.which("varnishd") is None, reason="Debian's varnish is not installed"
    ),
    pytest.mark.skipif(
        shutil.which("redis-server") is None, reason="redis-server is not installed"
    ),
]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(url, *, method="GET", data=None, headers=None):
    """(status, headers, body) without following redirects; url is http://."""
    call = urllib.request.Request(  # noqa: S310
        url, data=data, method=method, headers=headers or {}
    )
    try:
        with OPENER.open(call, timeout=30) as response:
            body = response.read()
            if response.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            return response.status, response.headers, body.decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def served(tmp_path_factory):
    """The launcher, running, and its proxy's address and environment."""
    var = tmp_path_factory.mktemp("edge-var")
    edge, app = f"127.0.0.1:{free_port()}", f"127.0.0.1:{free_port()}"
    env = launcher_env(
        var,
        edge,
        app,
        GUNICORN_WORKERS="2",
        # Only a purge can make a MISS during the test.
        DELAKTIG_PAGE_CACHE_SECONDS="600",
        # No mail server here: refused at once.
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(free_port()),
    )
    log = (var / "serve.log").open("w")
    process = subprocess.Popen(  # noqa: S603 (our own script)
        [str(SCRIPT)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://{edge}"
    try:
        deadline = time.monotonic() + READY_SECONDS
        while True:
            assert process.poll() is None, (var / "serve.log").read_text()[-3000:]
            try:
                if request(base + "/")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the proxy did not answer in time"
            time.sleep(1)
        yield base, env
    finally:
        stop(process)
        log.close()


def stop(process):
    """Stop the launcher and what it started (its own process group)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def edge_status(headers):
    return headers.get("X-Edge-Cache")


def a_proposal(base):
    """An open proposal's path (it takes signatures) and id."""
    status, _headers, html = request(base + "/forslagslada/?status=open")
    assert status == 200
    path, proposal_id = PROPOSAL_LINK.search(html).groups()
    return path, int(proposal_id)


def add_trail_entry(env, proposal_id, text):
    """A communicator's status update, as the admin makes it, in the servers'
    environment (which the launcher writes down)."""
    written = Path(env["DELAKTIG_VAR_DIR"]) / "edge" / "environment"
    env = {**env, **dict(line.split("=", 1) for line in written.read_text().split())}
    code = (
        "from proposals import lifecycle; from proposals.models import Proposal; "
        f"lifecycle.add_status_update(Proposal.objects.get(pk={proposal_id}), "
        f"text={text!r})"
    )
    for _ in range(10):
        done = subprocess.run(  # noqa: S603
            [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        # SQLite: the worker may hold the write lock for a moment (the demo's
        # queued tasks); production runs on PostgreSQL.
        if "database is locked" not in done.stderr:
            break
        time.sleep(2)
    assert done.returncode == 0, done.stderr[-3000:]


def test_through_the_proxy(served):
    """One test, so the servers start once whichever pytest-xdist worker runs it."""
    base, env = served
    a_page_is_a_miss_then_a_hit_and_is_purged_by_a_new_trail_entry(base, env)
    a_resident_signs_through_the_proxy_without_javascript(base)
    admin_and_signed_in_requests_are_never_served_from_the_proxy(base)


def a_page_is_a_miss_then_a_hit_and_is_purged_by_a_new_trail_entry(base, env):
    path, proposal_id = a_proposal(base)
    statuses = []
    for _ in range(3):
        status, headers, html = request(base + path)
        assert status == 200
        assert "Set-Cookie" not in headers
        assert set(CSRF.findall(html)) == {""}
        statuses.append(edge_status(headers))
    assert statuses[1:] == ["HIT", "HIT"]
    # Browsers ask for gzip: the proxy keeps the page compressed.
    status, headers, _body = request(base + path, headers={"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert edge_status(headers) == "HIT"
    text = f"Vi tittar på platsen, besked {time.time():.0f}."
    add_trail_entry(env, proposal_id, text)
    deadline = time.monotonic() + 30
    while True:  # the worker sends the purge
        status, headers, html = request(base + path)
        if edge_status(headers) == "MISS":
            break
        assert text not in html
        assert time.monotonic() < deadline, "the purge never came"
        time.sleep(0.5)
    assert text in html
    english = request(base + "/en" + path)
    assert text in english[2]
    assert edge_status(request(base + path)[1]) == "HIT"


def a_resident_signs_through_the_proxy_without_javascript(base):
    path, _proposal_id = a_proposal(base)
    status, headers, html = request(base + path)
    form = {
        "csrfmiddlewaretoken": CSRF.search(html)[1],
        "started": STARTED.search(html)[1],
        "name": "Eva",
        "email": f"eva.{time.time_ns()}@example.org",
        "consent": "on",
        "website": "",
    }
    body = urlencode(form).encode()
    posted = {
        "Origin": base,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    status, headers, _html = request(
        base + path + "skriv-under/", method="POST", data=body, headers=posted
    )
    assert status == 302, _html[:2000]
    assert headers["Location"].endswith(path + "tack/")
    assert edge_status(headers) == "PASS"
    forged = {**posted, "Origin": "https://elsewhere.example"}
    status, _headers, _html = request(
        base + path + "skriv-under/", method="POST", data=body, headers=forged
    )
    assert status == 403


def admin_and_signed_in_requests_are_never_served_from_the_proxy(base):
    path, _proposal_id = a_proposal(base)
    request(base + path)  # in the proxy now
    for _ in range(2):
        status, headers, html = request(base + "/admin/login/")
        assert status == 200 and edge_status(headers) == "PASS"
        assert CSRF.search(html)[1]  # the log-in form keeps its token
    session = {"Cookie": "__Host-sessionid=someone; __Host-csrftoken=x"}
    for _ in range(2):
        status, headers, html = request(base + path, headers=session)
        assert edge_status(headers) == "PASS"
        assert CSRF.search(html)[1]
    status, headers, _html = request(base + path, method="PURGE")
    assert status == 200
    assert edge_status(request(base + path)[1]) == "MISS"

"""The caching proxy against a static file server: cached pages through varnish
(`deploy/serve-production.sh`, as `make serve-production` runs it) and Debian's nginx
serving a static copy of the very same bytes, side by side under wrk, alternately.
Both are asked as browsers ask (Accept-Encoding: gzip): the proxy keeps pages
compressed, nginx serves the same compressed bytes (gzip_static). The figure is the
ratio (proxy / nginx) of requests a second for each page, the median of rounds run
alternately: the machine is shared and its speed swings, so absolute numbers from
different moments do not compare. Beside it, each server's own CPU time per request
(from /proc, the processes found by id under the ones this script started).

    .venv/bin/python bench/edge.py [--seconds 5] [--connections 50] [--rounds 5]

Needs Debian's varnish, nginx, wrk and redis-server. The launcher runs on a
database of its own under var/bench-edge/ (SQLite, the demo content); results go
to bench/results/edge.json."""

import argparse
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browse import wrk  # noqa: E402
from common import ROOT, free_port, launcher_env, machine, save  # noqa: E402

PAGES = {
    "front page": "/",
    "suggestion box": "/forslagslada/",
    "proposal (with sign form)": "/forslagslada/forslag/1/",
}
NGINX_CONF = """
daemon off;
worker_processes {workers};
pid {run}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    server {{
        listen {listen};
        root {root};
        default_type "text/html; charset=utf-8";
        gzip_static on;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


GZIP = "Accept-Encoding: gzip"


def get(url, gzip=False):
    call = urllib.request.Request(  # noqa: S310 (loopback)
        url, headers={"Accept-Encoding": "gzip"} if gzip else {}
    )
    with urllib.request.urlopen(call, timeout=30) as response:  # noqa: S310
        return response.read(), response.headers


def descendants(pid):
    """The processes below pid (from /proc), with their command names."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            text = stat.read_text()
            name = text[text.index("(") + 1 : text.rindex(")")]
            parent = int(text[text.rindex(")") + 2 :].split()[1])
            parents[int(stat.parent.name)] = (parent, name)
    found, todo = {}, [pid]
    while todo:
        current = todo.pop()
        for child, (parent, name) in parents.items():
            if parent == current:
                found[child] = name
                todo.append(child)
    return found


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total


def measured(url, pids, options):
    """wrk's figures and the servers' CPU microseconds per request."""
    before = cpu_ticks(pids)
    result = wrk(url, options.seconds, options.connections, headers=(GZIP,))
    ticks = cpu_ticks(pids) - before
    result["cpu_us_per_request"] = round(
        ticks / os.sysconf("SC_CLK_TCK") * 1e6 / max(result["requests"], 1), 1
    )
    return result


def wait_for(url, process, timeout=900):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            get(url)
            return
        except OSError:
            time.sleep(1)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@contextlib.contextmanager
def served_through_the_proxy():
    """deploy/serve-production.sh on free ports, demo content, its own database."""
    edge, app = f"127.0.0.1:{free_port()}", f"127.0.0.1:{free_port()}"
    env = launcher_env(ROOT / "var" / "bench-edge", edge, app)
    process = subprocess.Popen(  # noqa: S603 (our own launcher)
        [str(ROOT / "deploy" / "serve-production.sh")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(f"http://{edge}/", process)
        # varnish's worker process (the one that serves), below the launcher.
        cache = [
            pid
            for pid, name in descendants(process.pid).items()
            if name == "cache-main"
        ]
        yield f"http://{edge}", cache
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


@contextlib.contextmanager
def nginx_serving(copies):
    """Debian's nginx serving {path: bytes} as static files, one worker per core."""
    with tempfile.TemporaryDirectory(prefix="delaktig-nginx-") as run:
        os.chmod(run, 0o755)  # noqa: S103 (nginx's workers run as nobody)
        root = Path(run) / "root"
        for path, (plain, packed) in copies.items():
            page = root / path.strip("/") / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_bytes(plain)
            page.with_suffix(".html.gz").write_bytes(packed)
        for folder in [root, *root.rglob("*")]:
            folder.chmod(0o755 if folder.is_dir() else 0o644)
        listen = f"127.0.0.1:{free_port()}"
        conf = Path(run) / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                workers=os.cpu_count() or 1, run=run, listen=listen, root=root
            )
        )
        process = subprocess.Popen(  # noqa: S603
            ["nginx", "-c", str(conf), "-p", run, "-e", "stderr"],  # noqa: S607
        )
        try:
            wait_for(f"http://{listen}/", process, timeout=30)
            yield f"http://{listen}", list(descendants(process.pid))
        finally:
            process.send_signal(signal.SIGQUIT)
            process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--name", default="edge")
    options = parser.parse_args()
    before = machine()
    results = {}
    with served_through_the_proxy() as (proxy, proxy_pids):
        copies = {}
        for name, path in PAGES.items():
            get(proxy + path, gzip=True)  # into the proxy
            packed, headers = get(proxy + path, gzip=True)
            assert headers["X-Edge-Cache"] == "HIT", (name, headers["X-Edge-Cache"])
            assert headers["Content-Encoding"] == "gzip", name
            copies[path] = (get(proxy + path)[0], packed)
        with nginx_serving(copies) as (static, static_pids):
            for name, path in PAGES.items():
                assert get(static + path, gzip=True)[0] == copies[path][1]
                runs = {"proxy": [], "nginx": []}
                for _ in range(options.rounds):  # alternately
                    for side, base, pids in (
                        ("proxy", proxy, proxy_pids),
                        ("nginx", static, static_pids),
                    ):
                        runs[side].append(measured(base + path, pids, options))
                ratios = [
                    round(ours["rps"] / theirs["rps"], 3)
                    for ours, theirs in zip(runs["proxy"], runs["nginx"], strict=True)
                ]
                results[name] = {
                    "path": path,
                    "bytes": len(copies[path][0]),
                    "gzip_bytes": len(copies[path][1]),
                    "proxy": runs["proxy"],
                    "nginx": runs["nginx"],
                    "ratio_per_round": ratios,
                    "ratio": statistics.median(ratios),
                    "cpu_us_per_request": {
                        side: statistics.median(
                            run["cpu_us_per_request"] for run in runs[side]
                        )
                        for side in runs
                    },
                }
    save(
        options.name,
        {
            "seconds": options.seconds,
            "connections": options.connections,
            "rounds": options.rounds,
            "machine_before": before,
            "machine_after": machine(),
            "pages": results,
        },
    )


if __name__ == "__main__":
    main()

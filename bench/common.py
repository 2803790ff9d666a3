"""Shared by the benchmark scripts: the environment, gunicorn servers, the machine."""

import contextlib
import json
import os
import secrets
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    """A TCP port on the loopback that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def launcher_env(var_dir, edge, app, **extra):
    """The environment for deploy/serve-production.sh (bench/edge.py and its smoke
    test): production settings, demo content in its own `var_dir`, the proxy on
    `edge` and gunicorn on `app`; none of the caller's Django, database, Redis or
    site settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "DELAKTIG_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="delaktig_site.settings.production",
        DELAKTIG_VAR_DIR=str(var_dir),
        EDGE_LISTEN=edge,
        APP_LISTEN=app,
        BIN=str(BIN),
        DELAKTIG_DEMO_ALLOWED="1",
        LOAD_DEMO="1",
        **extra,
    )
    return env


RESULTS = ROOT / "bench" / "results"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/bench"
# The process id of each gunicorn this run started, by its address.
SERVER_PIDS = {}
# The process ids of the PgBouncers this run started.
POOLER_PIDS = []
# The process ids of the task workers this run started.
WORKER_PIDS = []


def bench_env(**extra):
    """The production-like environment for servers and clients of one run."""
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    env.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    env.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    env["DJANGO_SETTINGS_MODULE"] = "delaktig_site.settings.bench"
    env.update({k: str(v) for k, v in extra.items()})
    os.environ.update(env)
    return env


def cpu_speed():
    """CPU seconds one core takes for a fixed Python loop now: the same work took
    from 0.9 to 1.4 s on this virtual machine within minutes, so runs made at
    different times are compared with this beside them."""
    start = time.process_time()
    total = 0
    for n in range(2_000_000):
        total += n
    return round(time.process_time() - start, 3)


def cpu_seconds():
    """CPU seconds the whole machine has spent (all processes, user and system)."""
    with open("/proc/stat") as stat:
        fields = stat.readline().split()[1:]
    user, nice, system = (int(v) for v in fields[:3])
    return (user + nice + system) / os.sysconf("SC_CLK_TCK")


def cpu_by_process(servers, conn, redis_url=None):
    """CPU seconds so far of this run's own processes, by kind: the gunicorns it
    started (`servers`, master and workers), the PostgreSQL backends connected to
    its database (`conn`'s), the Redis server behind `redis_url`, and this script's
    finished children (locust, after it has exited). Other programs on the
    machine, another gunicorn or PostgreSQL database included, are not counted."""
    import resource

    kinds = {
        "gunicorn": _cpu(_with_children(SERVER_PIDS[url] for url in servers)),
        "task workers": _cpu(WORKER_PIDS),
        "postgres": _cpu(_backends(conn)),
        "redis": _cpu([_redis_pid(redis_url)] if redis_url else []),
        "pgbouncer": _cpu(POOLER_PIDS),
        "varnish": _cpu(PROXY_PIDS),
    }
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    kinds["finished children"] = children.ru_utime + children.ru_stime
    return kinds


def _with_children(pids):
    import psutil

    found = []
    for pid in pids:
        try:
            parent = psutil.Process(pid)
            found += [parent.pid] + [c.pid for c in parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            continue
    return found


def _backends(conn):
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def _redis_pid(url):
    import redis

    return redis.Redis.from_url(url).info("server")["process_id"]


def _cpu(pids):
    """Summed user and system seconds of the processes still alive."""
    import psutil

    total = 0.0
    for pid in pids:
        try:
            times = psutil.Process(pid).cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def machine():
    """nproc, memory, load and CPU speed now: printed beside every figure."""
    with open("/proc/meminfo") as meminfo:
        total_kb = int(meminfo.readline().split()[1])
    with open("/proc/loadavg") as loadavg:
        load = " ".join(loadavg.read().split()[:3])
    return {
        "nproc": os.cpu_count(),
        "memory_gib": round(total_kb / 1024 / 1024, 1),
        "load_1_5_15": load,
        "loop_seconds": cpu_speed(),
        "at": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
    }


def collectstatic(env):
    subprocess.run(  # noqa: S603 (our own manage.py)
        [BIN / "python", "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


@contextlib.contextmanager
def gunicorn(env, port=8100, workers=None, path="/"):
    """A gunicorn with the bench settings on 127.0.0.1:port, stopped afterwards."""
    workers = workers or 2 * (os.cpu_count() or 1)
    process = subprocess.Popen(  # noqa: S603 (our own gunicorn)
        [
            BIN / "gunicorn",
            "delaktig_site.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--preload",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    SERVER_PIDS[url] = process.pid
    try:
        _wait_for(url + path, process)
        yield url
    finally:
        SERVER_PIDS.pop(url, None)
        process.terminate()
        process.wait(timeout=30)


# The process ids of the caching proxies (varnish, all its processes) this run started.
PROXY_PIDS = []


@contextlib.contextmanager
def varnish(backend_url, port):
    """Debian's varnish on 127.0.0.1:port in front of the gunicorn at `backend_url`,
    configured as deployed (deploy/varnish-vcl.sh fills in deploy/varnish.vcl);
    yields its URL and the path of its working directory (for varnishstat -n)."""
    backend = backend_url.split("://", 1)[1]
    with tempfile.TemporaryDirectory(prefix="bench-varnish-") as run_dir:
        os.chmod(run_dir, 0o755)  # noqa: S103 (varnish's users read its configuration)
        vcl = Path(run_dir) / "default.vcl"
        vcl.write_text(
            subprocess.run(  # noqa: S603 (our own script)
                [str(ROOT / "deploy" / "varnish-vcl.sh")],
                env={**os.environ, "APP_LISTEN": backend},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        work = Path(run_dir) / "varnish"
        process = subprocess.Popen(  # noqa: S603 (Debian's varnishd, our arguments)
            [shutil.which("varnishd") or "/usr/sbin/varnishd", "-F", "-n", str(work)]
            + ["-a", f"127.0.0.1:{port}", "-f", str(vcl), "-s", "malloc,256m"],
            stdout=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_for(url + "/", process)
            PROXY_PIDS[:] = _with_children([process.pid])
            yield url, work
        finally:
            PROXY_PIDS.clear()
            process.terminate()
            process.wait(timeout=30)


def varnish_counters(work):
    """varnish's hit, miss and pass counters (varnishstat)."""
    shown = subprocess.run(  # noqa: S603 (Debian's varnishstat)
        [
            shutil.which("varnishstat") or "/usr/bin/varnishstat",
            "-n",
            str(work),
            "-1",
            "-j",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    counters = json.loads(shown.stdout)
    counters = counters.get("counters", counters)
    return {
        name: counters.get(f"MAIN.cache_{name}", {}).get("value", 0)
        for name in ("hit", "miss", "hitmiss", "hitpass")
    } | {"pass": counters.get("MAIN.s_pass", {}).get("value", 0)}


@contextlib.contextmanager
def pgbouncer(env, port=6440, pool_size=4, reserve_pool_size=2):
    """Debian's PgBouncer in transaction pooling mode on 127.0.0.1:port in front of
    env's DATABASE_URL, run as a plain process (not the system service) with
    deploy/pgbouncer.ini filled in; yields the environment for web processes that
    connect through it. The bench's PostgreSQL trusts the loopback, so PgBouncer
    does too (auth_type trust, production uses scram-sha-256)."""
    import dj_database_url

    db = dj_database_url.parse(env["DATABASE_URL"])
    binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    with tempfile.TemporaryDirectory(prefix="bench-pgbouncer-") as run_dir:
        os.chmod(run_dir, 0o777)  # noqa: S103 (PgBouncer runs as nobody under root)
        user = db["USER"] or "postgres"
        auth_file = Path(run_dir) / "userlist.txt"
        auth_file.write_text(f'"{user}" ""\n')
        template = (ROOT / "deploy" / "pgbouncer.ini").read_text()
        config = Path(run_dir) / "pgbouncer.ini"
        config.write_text(
            string.Template(template).substitute(
                dbname=db["NAME"],
                db_host=db["HOST"] or "127.0.0.1",
                db_port=db["PORT"] or 5432,
                listen_addr="127.0.0.1",
                listen_port=port,
                run_dir=run_dir,
                pool_size=pool_size,
                reserve_pool_size=reserve_pool_size,
                max_client_conn=1000,
                auth_type="trust",
                auth_file=auth_file,
                admin_user=user,
            )
        )
        # PgBouncer refuses to run as root.
        as_user = ["-u", "nobody"] if os.geteuid() == 0 else []
        process = subprocess.Popen([binary, "-q", *as_user, str(config)])  # noqa: S603
        POOLER_PIDS.append(process.pid)
        try:
            _wait_for_port(port, process)
            yield {
                **env,
                "DATABASE_URL": f"postgres://{user}@127.0.0.1:{port}/{db['NAME']}",
                "DATABASE_TRANSACTION_POOLING": "1",
            }
        finally:
            POOLER_PIDS.remove(process.pid)
            process.terminate()
            process.wait(timeout=30)


def _wait_for_port(port, process, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"pgbouncer exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"pgbouncer did not listen on {port} within {timeout} s")


@contextlib.contextmanager
def task_workers(env, conn, count=1, interval=0.1):
    """`count` task workers (manage.py task_worker) with the bench settings, which
    render and send the queued e-mails; yielded once each has connected to the
    database (`conn`'s), so their start-up is not counted in the run; stopped
    afterwards."""
    processes = [
        subprocess.Popen(  # noqa: S603 (our own manage.py)
            [BIN / "python", "manage.py", "task_worker", "--no-reload"]
            + ["--no-startup-delay", "--interval", str(interval)],
            cwd=ROOT,
            env=env,
        )
        for _ in range(count)
    ]
    WORKER_PIDS[:] = [process.pid for process in processes]
    try:
        before = len(_backends(conn))
        deadline = time.monotonic() + 120
        while len(_backends(conn)) < before + count and time.monotonic() < deadline:
            time.sleep(0.5)
        yield processes
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        WORKER_PIDS.clear()


def _wait_for(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (loopback)
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def save(name, result):
    """Print one result and keep it as JSON under bench/results/."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))

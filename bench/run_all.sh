#!/usr/bin/env bash
# Every benchmark, one after the other, on the `bench` database (make it first with
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python manage.py \
#     generate_bench_data --dialogues 200 --proposals 100000 --signatures 1000000).
# Results: bench/results/*.json (and explain-*.txt). Needs wrk, redis-server and
# `pip install -r bench/requirements.txt` in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bench}"
PY=.venv/bin/python
SECONDS_PER_RUN="${SECONDS_PER_RUN:-60}"
SUSTAINED_SECONDS="${SUSTAINED_SECONDS:-300}"

redis-server --port 6390 --bind 127.0.0.1 --save "" --appendonly no >/dev/null &
REDIS_PID=$!
trap 'kill $REDIS_PID' EXIT
sleep 1

uptime
$PY bench/report.py
$PY bench/queries.py
# Production runs with Redis (page cache, shared cache, rate limits): so does this.
export REDIS_URL=redis://127.0.0.1:6390/0
$PY bench/signing.py --mode popular --users 40 --seconds "$SECONDS_PER_RUN"
# Signing as deployed (through the caching proxy) against the database-only ceiling
# at the same concurrency, taking turns, so that both meet the same machine speed.
if command -v varnishd >/dev/null; then
  for round in 1 2; do
    $PY bench/signing.py --mode popular --users 40 --seconds "$SECONDS_PER_RUN" \
      --proxy --name "signing-popular-proxy-$round"
    $PY bench/ceiling.py --mode popular --users 40 --seconds "$SECONDS_PER_RUN" \
      --name "ceiling-popular-$round"
  done
else
  echo "varnish missing: the signing-against-ceiling rounds skipped"
fi
$PY bench/signing.py --mode many --users 40 --seconds "$SECONDS_PER_RUN"
$PY bench/signing.py --mode popular --users 10 --seconds "$SECONDS_PER_RUN" \
  --name signing-popular-10users
# Sustained: the signing peak for 5 minutes, on one proposal and on 200.
$PY bench/signing.py --mode popular --users 40 --seconds "$SUSTAINED_SECONDS" \
  --name signing-popular-5min
$PY bench/signing.py --mode many --users 40 --seconds "$SUSTAINED_SECONDS" \
  --name signing-many-5min
unset REDIS_URL
$PY bench/browse.py --cache off --seconds 15
REDIS_URL=redis://127.0.0.1:6390/0 $PY bench/browse.py --cache bypass --seconds 15
# Latency below saturation: rendered pages, one connection per core.
REDIS_URL=redis://127.0.0.1:6390/0 $PY bench/browse.py --cache bypass --seconds 15 \
  --connections 2 --name browse-latency
REDIS_URL=redis://127.0.0.1:6390/0 $PY bench/browse.py --cache on --seconds 15
# The rendered proposal page against the simplest page, the pages taking turns.
REDIS_URL=redis://127.0.0.1:6390/0 $PY bench/browse.py --cache bypass --rounds 4 \
  --seconds 12 --page "information page" --page "proposal (long trail)" \
  --page proposal --name browse-rendered-ratio
# Two web servers on one PostgreSQL and Redis, directly and through PgBouncer.
REDIS_URL=redis://127.0.0.1:6390/0 $PY bench/signing.py --mode many --servers 2 \
  --users 40 --seconds "$SECONDS_PER_RUN" --port 8631 --name signing-many-2srv
if command -v pgbouncer >/dev/null; then
  REDIS_URL=redis://127.0.0.1:6390/0 $PY bench/signing.py --mode many --servers 2 \
    --pgbouncer --pool-size 4 --users 40 --seconds "$SECONDS_PER_RUN" --port 8631 \
    --name signing-many-2srv-pgbouncer
else
  echo "pgbouncer missing: the PgBouncer run skipped"
fi
# The caching proxy against nginx serving the same bytes (own database, the demo).
if command -v varnishd >/dev/null && command -v nginx >/dev/null; then
  $PY bench/edge.py
else
  echo "varnish or nginx missing: bench/edge.py skipped"
fi
uptime
$PY bench/report.py

#!/usr/bin/env bash
# `make serve-production`: the production settings on this machine, as a
# municipality deploys them: the caching proxy (Debian's varnish, deploy/varnish.vcl)
# on EDGE_LISTEN in front of gunicorn on APP_LISTEN, the task worker beside them,
# and Redis (a private one, on a socket, when REDIS_URL is not set). All run in
# the foreground and stop together on Ctrl-C or when one of them stops.
#
# Takes the production environment (README "Production behind the caching
# proxy"); on plain HTTP (SITE_URL http://...) it turns the HTTPS redirect and
# HSTS off, and it makes up a secret key under var/edge/ when none is given.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.venv/bin}
EDGE_LISTEN=${EDGE_LISTEN:-127.0.0.1:8080}
APP_LISTEN=${APP_LISTEN:-127.0.0.1:8001}
GUNICORN_WORKERS=${GUNICORN_WORKERS:-$(($(nproc) + 1))}
EDGE_GRACE=${EDGE_GRACE:-10s}
EDGE_MEMORY=${EDGE_MEMORY:-256m}
# Addresses besides the loopback allowed to purge (web servers on other hosts),
# comma-separated.
EDGE_PURGERS=${EDGE_PURGERS:-}
SITE_URL=${SITE_URL:-${DELAKTIG_SITE_URL:-http://$EDGE_LISTEN}}
VAR=${DELAKTIG_VAR_DIR:-var}
[[ $VAR = /* ]] || VAR=$(pwd)/$VAR
RUN=$VAR/edge
mkdir -p "$RUN"
# varnish's own files (its configuration, working directory) where its users can
# read them: started by root, varnishd runs as Debian's varnish users.
EDGE_RUN=$(mktemp -d "${TMPDIR:-/tmp}/delaktig-edge.XXXXXX")
chmod 755 "$EDGE_RUN"

export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-delaktig_site.settings.production}
export DELAKTIG_SITE_URL=$SITE_URL
export DELAKTIG_VAR_DIR=$VAR
export DELAKTIG_EDGE_URL=${DELAKTIG_EDGE_URL:-http://$EDGE_LISTEN}
# The proxy appends the client's address to X-Forwarded-For (a TLS terminator
# in front of it adds one more: set 2 then).
export DELAKTIG_TRUSTED_PROXY_COUNT=${DELAKTIG_TRUSTED_PROXY_COUNT:-1}
host=$(echo "$SITE_URL" | sed -E 's#^https?://##; s#[:/].*$##')
export DJANGO_ALLOWED_HOSTS=${DJANGO_ALLOWED_HOSTS:-$host,127.0.0.1,localhost}
if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
    [ -s "$RUN/secret-key" ] || (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > "$RUN/secret-key")
    DJANGO_SECRET_KEY=$(cat "$RUN/secret-key")
    export DJANGO_SECRET_KEY
fi
case $SITE_URL in
    http://*)
        export DJANGO_SECURE_SSL_REDIRECT=${DJANGO_SECURE_SSL_REDIRECT:-0}
        export DJANGO_SECURE_HSTS_SECONDS=${DJANGO_SECURE_HSTS_SECONDS:-0}
        # Nothing in front sets X-Forwarded-Proto: do not trust a client's.
        export DJANGO_SECURE_PROXY_SSL_HEADER=${DJANGO_SECURE_PROXY_SSL_HEADER-}
        ;;
esac

pids=()
stop() {
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$EDGE_RUN"
}
trap stop EXIT
trap 'exit 130' INT TERM

if [ -z "${REDIS_URL:-}" ]; then
    redis-server --port 0 --unixsocket "$EDGE_RUN/redis.sock" --unixsocketperm 700 \
        --save '' --appendonly no --loglevel warning & pids+=($!)
    export REDIS_URL="unix://$EDGE_RUN/redis.sock?db=0"
    for _ in $(seq 50); do [ -S "$EDGE_RUN/redis.sock" ] && break; sleep 0.1; done
fi

# The environment the processes run with, one NAME=value a line, for running
# manage.py commands (cron jobs, a shell) against them:
#   env $(cat var/edge/environment) .venv/bin/python manage.py ...
(umask 077; env | grep -E '^(DJANGO_|DELAKTIG_|REDIS_URL=|DATABASE_URL=|EMAIL_)' \
    > "$RUN/environment")

MANAGE="$BIN/python manage.py"
$MANAGE migrate --noinput -v 0
$MANAGE collectstatic --noinput -v 0
$MANAGE set_site_url
if [ -n "${DELAKTIG_DEMO_ALLOWED:-}" ] && [ "${LOAD_DEMO:-0}" = 1 ]; then
    $MANAGE load_demo
fi

# The proxy's configuration from the template (deploy/varnish.vcl).
APP_LISTEN=$APP_LISTEN EDGE_GRACE=$EDGE_GRACE EDGE_PURGERS=$EDGE_PURGERS \
    deploy/varnish-vcl.sh > "$EDGE_RUN/default.vcl"

"$BIN/gunicorn" delaktig_site.wsgi --preload --bind "$APP_LISTEN" \
    --workers "$GUNICORN_WORKERS" --no-control-socket & pids+=($!)
# The proxy starts once gunicorn answers (else its first visitors get a 503).
for _ in $(seq 600); do
    (exec 3<>"/dev/tcp/${APP_LISTEN%:*}/${APP_LISTEN##*:}") 2>/dev/null && break
    kill -0 "${pids[-1]}" 2>/dev/null || exit 1
    sleep 0.1
done
# -F: in the foreground (no root needed; started by root, it drops to Debian's
# varnish users itself); -n: its working files in EDGE_RUN.
varnishd -F -n "$EDGE_RUN/varnish" -a "$EDGE_LISTEN" -f "$EDGE_RUN/default.vcl" \
    -s "malloc,$EDGE_MEMORY" & pids+=($!)
$MANAGE task_worker --no-reload & pids+=($!)

echo "Serving $SITE_URL: proxy on $EDGE_LISTEN, gunicorn on $APP_LISTEN (Ctrl-C stops all)"
# When any of them stops, stop the others.
wait -n "${pids[@]}"

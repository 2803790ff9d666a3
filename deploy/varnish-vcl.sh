#!/usr/bin/env bash
# Writes the caching proxy's configuration (deploy/varnish.vcl with its @NAMES@
# filled in) to stdout, for gunicorn on APP_LISTEN (host:port). Used by
# deploy/serve-production.sh and the signing benchmark (bench/common.py).
#   APP_LISTEN=127.0.0.1:8001 deploy/varnish-vcl.sh > default.vcl
set -euo pipefail
cd "$(dirname "$0")"
APP_LISTEN=${APP_LISTEN:?APP_LISTEN (host:port of gunicorn) is needed}
EDGE_GRACE=${EDGE_GRACE:-10s}
# Addresses besides the loopback allowed to purge (web servers on other hosts),
# comma-separated.
EDGE_PURGERS=${EDGE_PURGERS:-}
extra=""
for address in ${EDGE_PURGERS//,/ }; do extra+="    \"$address\";\\n"; done
sed -e "s#@BACKEND_HOST@#${APP_LISTEN%:*}#" -e "s#@BACKEND_PORT@#${APP_LISTEN##*:}#" \
    -e "s#@ADMIN_PATH@#${DELAKTIG_ADMIN_PATH:-admin}#" -e "s#@GRACE@#$EDGE_GRACE#" \
    -e "s#@EXTRA_PURGERS@#$extra#" varnish.vcl

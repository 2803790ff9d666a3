# The two set-up commands from the README:
#   make run   install, migrate, load the Mittköping demo, serve on 127.0.0.1:8000
#              (with the task worker that sends the e-mail)
#   make test  install, then run the whole test suite (browser tests included)
# And, as a municipality deploys it (README "Production behind the caching proxy"):
#   make serve-production   the caching proxy (varnish) on 127.0.0.1:8080 in front of
#              gunicorn on 127.0.0.1:8001, with the task worker and Redis
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=

.PHONY: run test install install-dev messages browser validator edge-tools lint check ci-checks clean bench \
	edge serve-production

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

messages: install
	$(MANAGE) compilemessages --ignore '.venv' --ignore 'var' -v 0

# Debian's chromium drives the browser tests; install it when we may.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  elif command -v sudo >/dev/null 2>&1; then \
	    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else echo "chromium is missing: browser tests will be skipped"; fi; }

# The Nu HTML Checker for the HTML validity test: vnu.jar from npm (kept in the
# venv, out of the repository) and a Java runtime from Debian to run it.
VNU := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
validator: | $(BIN)/python
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless; \
	  elif command -v sudo >/dev/null 2>&1; then \
	    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless; \
	  else echo "java is missing: the HTML validity test will be skipped"; fi; }
	@[ -f $(VNU) ] || { command -v npm >/dev/null 2>&1 && \
	  npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar; } || \
	  echo "npm is missing: the HTML validity test will be skipped"

# The site's address: every absolute link (e-mails, feeds, calendar, open data)
# is built on it, and runserver listens on its host and port, e.g.
#   make run SITE_URL=http://localhost:8080
SITE_URL ?= $(or $(DELAKTIG_SITE_URL),http://127.0.0.1:8000)
LISTEN := $(patsubst https://%,%,$(patsubst http://%,%,$(SITE_URL:%/=%)))

# The task worker (e-mail) runs beside the server and stops with it.
run: install messages
	$(MANAGE) migrate --noinput
	DELAKTIG_SITE_URL=$(SITE_URL) $(MANAGE) load_demo
	@DELAKTIG_SITE_URL=$(SITE_URL) $(MANAGE) task_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	DELAKTIG_SITE_URL=$(SITE_URL) $(MANAGE) runserver $(LISTEN)

# One worker per core (pytest-xdist); each worker has its own test database.
test: install-dev messages browser validator edge-tools
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install-dev messages
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=delaktig_site.settings.production \
	  DJANGO_SECRET_KEY=ci-throwaway-$$(date +%s)-not-a-real-secret-key-0123456789abcdef \
	  DJANGO_ALLOWED_HOSTS=delaktig.example \
	  $(MANAGE) check --deploy --fail-level WARNING

# Debian's varnish (the caching proxy) and redis-server for serve-production and
# its smoke test, and pgbouncer for its test; installed when we may (the tests
# are skipped without them).
edge-tools:
	@command -v varnishd >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 && \
	  [ -x /usr/sbin/pgbouncer ] || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q varnish redis-server pgbouncer; \
	  elif command -v sudo >/dev/null 2>&1; then \
	    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q varnish redis-server pgbouncer; \
	  else echo "varnish, redis-server or pgbouncer is missing: the proxy and PgBouncer tests will be skipped"; fi; }

edge: edge-tools
	@command -v varnishd >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 || { \
	  echo "varnish or redis-server is missing: install them from Debian"; exit 1; }

# Production settings on this machine: proxy, gunicorn and worker together, stopped
# together by Ctrl-C (deploy/serve-production.sh). Ports and the environment as in
# the README, e.g. make serve-production EDGE_LISTEN=127.0.0.1:8080
EDGE_LISTEN ?= 127.0.0.1:8080
APP_LISTEN ?= 127.0.0.1:8001
serve-production: install messages edge
	EDGE_LISTEN=$(EDGE_LISTEN) APP_LISTEN=$(APP_LISTEN) BIN=$(BIN) deploy/serve-production.sh

# The full benchmarks (minutes; see bench/README.md). Their smoke versions are in
# tests/bench/ and run with `make test`.
bench: install-dev messages
	$(BIN)/pip install --quiet -r bench/requirements.txt
	bench/run_all.sh

clean:
	rm -rf $(VENV) var

# Two commands do everything: `make run` and `make test`.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 1
# Largest WebSocket frame read, in bytes: settings.WEBSOCKET_MAX_FRAME_BYTES (docs/security.md).
WS_MAX_SIZE := 65536
# Test processes: the machine has two cores. Tests of one xdist_group (the demo's, which share
# one load_demo) run in the same process.
TEST_WORKERS ?= 2

.PHONY: run serve setup install install-dev install-bench test test-postgres lint check lock bench clean

run: setup ## Install, migrate, load the demo on an empty database, serve on http://$(HOST):$(PORT)
	$(PYTHON) manage.py load_demo --if-empty
	$(MAKE) serve

serve:
	$(VENV)/bin/uvicorn network_site.asgi:application --host $(HOST) --port $(PORT) --workers $(WORKERS) --lifespan off \
	  --ws-max-size $(WS_MAX_SIZE) --no-server-header

setup: install
	$(PYTHON) manage.py compilemessages --ignore=.venv -v0
	$(PYTHON) manage.py migrate --noinput -v0
	$(PYTHON) manage.py collectstatic --noinput -v0

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PYTHON) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PYTHON) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: requirements.txt requirements-dev.txt requirements-bench.txt | $(VENV)/bin/python
	$(PYTHON) -m pip install -q -r requirements-bench.txt
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
install-bench: $(VENV)/.installed-bench

test: install-dev ## Every test: unit, integration, WebSocket and browser (browser ones skip without Chromium)
	$(PYTHON) manage.py compilemessages --ignore=.venv -v0
	$(PYTHON) -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=25 $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PYTHON) manage.py makemigrations --check --dry-run -v0

check: install
	SECRET_KEY=$$(python3 -c 'import secrets; print(secrets.token_urlsafe(60))') WAGTAILADMIN_BASE_URL=https://shabaka.example.ma \
	  $(PYTHON) manage.py check --deploy --fail-level WARNING --settings=network_site.settings.production

lock:
	bash scripts/lock.sh

bench: setup install-bench ## Benchmarks: pages, consultations, live sessions, mixed load (figures in docs/benchmarks.md)
	$(PYTHON) bench/pages.py
	$(PYTHON) bench/submissions.py
	$(PYTHON) bench/exports.py
	$(PYTHON) bench/live.py
	$(PYTHON) bench/load.py

clean:
	rm -rf $(VENV) staticfiles

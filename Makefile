# wmoketen: `make run` (demo on http://127.0.0.1:8000) and `make test` do all set-up themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1:8000
# Debian packages: chromium (browser tests), Pango (PDF rendering with WeasyPrint) and
# poppler-utils (pdftotext: the tests read the letters' text).

.PHONY: run test lint migraties-check pytest bench bench-berichten bench-belasting bench-declaraties bench-schaal \
	systeem clean

$(VENV): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(VENV)

# Installs the system packages only when one is missing; as non-root it prints the command.
systeem:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing="$$missing libpango-1.0-0"; \
	ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || missing="$$missing libpangoft2-1.0-0"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing system packages:$$missing. Run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

run: $(VENV) systeem
	$(PY) manage.py demo
	$(PY) manage.py runserver $(HOST)

lint: $(VENV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

migraties-check: $(VENV)
	DJANGO_SETTINGS_MODULE=wmoketen.conf.ci $(PY) manage.py makemigrations --check --dry-run

pytest: $(VENV) systeem
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint migraties-check pytest

# Benchmarks (docs/performance.md), not part of `make test` or CI: the iStandaarden package
# (BENCH_ARGS), then the load test on PostgreSQL, RabbitMQ, gunicorn and Celery (BELASTING_ARGS).
# billing on SQLite and PostgreSQL (DECLARATIES_ARGS).
# `make bench SCHAAL=1` adds the scale benchmark (SCHAAL_ARGS), `make bench-schaal` runs it alone.
bench: bench-berichten bench-belasting bench-declaraties $(if $(SCHAAL),bench-schaal)

bench-berichten: $(VENV)
	$(PY) benchmarks/berichten.py $(BENCH_ARGS)

bench-belasting: $(VENV)/.bench
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	  pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql | sort -V | tail -n 1)" main start; \
	  for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; }
	@rabbitmqctl -q status >/dev/null 2>&1 || { rabbitmq-server -detached; rabbitmqctl -q await_startup; }
	@rabbitmqctl -q start_app
	$(PY) benchmarks/belasting.py $(BELASTING_ARGS)

# A month's proposal for 60,000 allocations and a 323 of 10,000 prestaties answered (325).
bench-declaraties: $(VENV)
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	  pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql | sort -V | tail -n 1)" main start; \
	  for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; }
	$(PY) benchmarks/declaraties.py $(DECLARATIES_ARGS)

# Every page per role on PostgreSQL filled to 100,000 clients and 2,000,000 messages (database
# wmoketen_schaal, kept: the fill runs once, `SCHAAL_ARGS=--opnieuw` refills).
bench-schaal: $(VENV)
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	  pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql | sort -V | tail -n 1)" main start; \
	  for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; }
	$(PY) benchmarks/schaal.py $(SCHAAL_ARGS)

# locust, only for the load test (the `bench` extra of pyproject.toml).
$(VENV)/.bench: pyproject.toml | $(VENV)
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	touch $@

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .hypothesis

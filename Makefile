# `make demo` and `make test` work from a fresh clone: they create .venv and install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TEST_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
export TEST_DATABASE_URL

.PHONY: demo test test-now test-at lint mypy-baseline install install-test services bench docs clean

demo: install
	$(BIN)/replynudge demo

# The suite at today's date, then again with Python's clock moved to an awkward moment (a Saturday night on which
# Europe changes to summer time), in every Python process the tests start (tests/timeshift/sitecustomize.py).
# Tests against servers whose clocks cannot move (marked real_clock) run only at today's date.
MOVED_CLOCK ?= 2027-03-27T23:30:00Z

test: lint test-now
	$(MAKE) --no-print-directory test-at MOMENT=$(MOVED_CLOCK)

test-now: install-test services
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# One run with the clock moved: make test-at MOMENT=2028-02-29T12:00:00Z
test-at: install-test services
	@test -n "$(MOMENT)" || { echo "make test-at needs MOMENT=<ISO time>, e.g. 2028-02-29T12:00:00Z" >&2; exit 2; }
	@echo "Running the suite with Python's clock moved to $(MOMENT)"
	PYTHONPATH=$(CURDIR)/tests/timeshift TEST_CLOCK=$(MOMENT) $(BIN)/python -m pytest -m "not real_clock" $(PYTEST_ARGS)

# The house rules that run (settings in pyproject.toml, docs/architecture.md "House rules"): ruff's lint, the
# import-linter contract on the rooms of bot/, and mypy against the known errors in mypy-baseline.txt.
lint: install-test
	@echo "ruff: pyflakes and pycodestyle"
	@$(BIN)/ruff check --quiet . && echo "  all checks passed"
	@echo "import-linter: the rooms of bot/ import one way"
	@out=$$($(BIN)/lint-imports 2>&1) && echo "$$out" | grep -E "KEPT|Contracts:" | sed 's/^/  /' || { echo "$$out"; exit 1; }
	@echo "mypy: no new errors beyond mypy-baseline.txt, none fixed but still listed"
	@$(BIN)/mypy | $(BIN)/mypy-baseline filter --no-colors

# After fixing mypy errors (make lint says which) or, knowingly, to accept new ones: rewrite mypy-baseline.txt.
mypy-baseline: install-test
	$(BIN)/mypy | $(BIN)/mypy-baseline sync

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/bin/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(VENV)/.installed $@

# The services the test suite talks to: started when they are installed but not running, else a clear failure.
# The real-WordPress test also needs Debian's wordpress, php-cli and MariaDB: installed with apt when missing.
# The real-Bluesky test needs Node and @atproto/dev-env (npm, cached in tests/bluesky-net/node_modules).
services:
	@scripts/ensure-services
	@scripts/install-wordpress-deps
	@scripts/install-bluesky-net

# Every benchmark, at sizes that finish in minutes; benchmarks/README.md gives each full-size command.
bench: install-test services
	$(BIN)/python benchmarks/ingest.py --comments 50000 --backfill 200000 --replay 50000
	$(BIN)/python benchmarks/rescore.py --waiting 100,1000 --polls 3
	$(BIN)/python benchmarks/poll_cost.py
	$(BIN)/python benchmarks/detection.py --comments 40 --rate 1 --databases sqlite,postgresql
	$(BIN)/python benchmarks/nudges.py --scale 0.2 --databases sqlite,postgresql
	$(BIN)/python benchmarks/unanswered.py --comments 200000 --waiting 10000 --databases sqlite,postgresql
	$(BIN)/python benchmarks/suggestions.py
	$(BIN)/python benchmarks/http_body.py --megabytes 100
	$(BIN)/python benchmarks/voice.py --comments 50000 --databases sqlite,postgresql
	$(BIN)/python benchmarks/metrics.py --comments 200000 --waiting 10000 --databases sqlite,postgresql

# The manual as a site in site/ (tests/test_docs.py builds it with --strict into a temporary folder);
# `$(BIN)/mkdocs serve` shows it at http://127.0.0.1:8000 while you edit.
docs: install-test
	$(BIN)/mkdocs build --strict --site-dir site

clean:
	rm -rf $(VENV) .pytest_cache site replynudge.db replynudge.db-wal replynudge.db-shm

# The two commands of the README: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup setup-dev demo test test-fast check

$(BIN)/python:
	$(PY) -m venv $(VENV)

# The core (what `make demo` needs); `setup-dev` adds every extra and the test tools.
# The locks list every package with its version and hashes, so pip installs exactly them (--no-deps):
# resolving again would let a newer release on the index (lxml 6.2.0 for justext's
# "lxml[html_clean]>=4.4.2") break --require-hashes; `pip check` then proves the set is complete.
setup: $(BIN)/python
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/runtime.lock
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/pip check

setup-dev: $(BIN)/python
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/dev.lock
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/pip check

demo: setup
	$(BIN)/saidwhat analyze examples/harbor-bridge.html --format markdown

test: setup-dev
	$(BIN)/python -m pytest -q

# The edit loop: everything but the slow, browser and PostgreSQL tests (`make test` runs them all).
test-fast: setup-dev
	$(BIN)/python -m pytest -q -m "not slow and not browser and not postgres"

check: setup-dev
	$(BIN)/python -m mypy
	$(BIN)/python -m ruff check src tests benchmarks scripts

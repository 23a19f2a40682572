# Rebound — two commands on a fresh machine:
#   make run    set up, build the demo workspace if missing, serve the app on it
#   make test   set up (including Debian's Chromium for the browser tests) and run every test
# Also: make lint, make bench, make demo (rebuild the demo workspace), make clean.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := data/demo.duckdb
PORT ?= 8501
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint bench demo clean chromium

run: $(BIN)/.runtime $(DEMO_DB)
	REBOUND_DB=$(DEMO_DB) $(BIN)/streamlit run app.py --server.port $(PORT)

test: $(BIN)/.dev chromium
	$(BIN)/python -m pytest

lint: $(BIN)/.dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: $(BIN)/.runtime
	$(BIN)/python -m bench

demo: $(BIN)/.runtime
	$(BIN)/python -m analytics demo --db $(DEMO_DB)

$(DEMO_DB): $(wildcard sample_data/exports/*) | $(BIN)/.runtime
	$(BIN)/python -m analytics demo --db $(DEMO_DB)

$(BIN)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.dev: $(BIN)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The browser tests drive Debian's Chromium; Playwright's own browser download is not reachable here.
chromium:
	@test -x $(CHROMIUM) || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .hypothesis

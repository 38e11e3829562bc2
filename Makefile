# Two entry points for a fresh machine: `make serve` (build the sample corpus and serve it) and `make test`.
# Each sets itself up: a virtual environment in .venv, and for the tests Debian's chromium.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve test setup browser bench evaluate clean

serve: setup
	$(BIN)/plankg build
	$(BIN)/plankg serve --host $(HOST) --port $(PORT)

test: setup browser
	$(BIN)/python -m pytest

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

browser:
	sh scripts/install-browser.sh

evaluate: setup
	$(BIN)/plankg evaluate ../shared/gold/seeds.json

bench: setup
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) data

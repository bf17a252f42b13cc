# The two commands of the README. Both create .venv and install everything first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install screenshots

$(BIN)/newsgraph: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/newsgraph

install: $(BIN)/newsgraph

demo: install
	$(BIN)/newsgraph ingest samples --published 2016-03-15
	$(BIN)/newsgraph quotes --speaker Peskov

test: install
	$(BIN)/ruff check src tests benchmarks train
	$(BIN)/mypy
	$(BIN)/pytest -q

# The README's pictures of the web app, taken by the browser tests (needs Debian's chromium).
screenshots: install
	NEWSGRAPH_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/serve/test_browser.py

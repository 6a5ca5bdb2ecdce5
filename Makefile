# The two commands from the README: `make run` and `make test`.
# Everything the app and its tests need is installed here, into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_APP  := $(VENV)/.installed-app
STAMP_TEST := $(VENV)/.installed-test
STAMP_BUNDLE := $(VENV)/.installed-bundle
# pytest-xdist workers for `make test`; TEST_WORKERS=0 runs the suite in this one process.
TEST_WORKERS ?= 2
# Test files go to tmpfs where there is one: registers commit with synchronous=FULL, and on a
# disk each commit waits for its fsync (a third of the suite's wall time here). Override with
# TEST_TMPDIR=DIR.
TEST_TMPDIR ?= $(shell [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm)

.PHONY: run test lint bench stress translations screenshots clean bundle bundle-test

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ShopDesk needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_APP): $(BIN)/python pyproject.toml setup.py
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(STAMP_TEST): $(STAMP_APP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

run: $(STAMP_APP)
	@sh packaging/linux-run-deps.sh
	$(BIN)/shopdesk

# The layering contracts ([tool.importlinter] in pyproject.toml) first: a broken one fails the
# target before pytest runs. Then the suite, on TEST_WORKERS pytest-xdist processes.
test: $(STAMP_TEST)
	$(BIN)/lint-imports --no-cache --no-logo
	TMPDIR=$(or $(TEST_TMPDIR),$${TMPDIR:-/tmp}) QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -n $(TEST_WORKERS)

lint: $(STAMP_TEST)
	$(BIN)/ruff check shopdesk tests bench

bench: $(STAMP_APP)
	$(BIN)/python -m bench.run_all

# kill -9, killed first starts, parallel writers + import, parallel backups (a few minutes;
# SHOPDESK_STRESS_SCALE=0.1 for a quick run). Not part of `make test`.
stress: $(STAMP_APP)
	$(BIN)/python -m bench.stress

translations: $(STAMP_APP)
	$(BIN)/pyside6-lupdate -no-obsolete $$(find shopdesk/ui -name '*.py') -ts resources/translations/shopdesk_zh_CN.ts
	$(BIN)/pyside6-lrelease resources/translations/shopdesk_zh_CN.ts -qm resources/translations/shopdesk_zh_CN.qm

# The installable app for this platform (packaging/README.md): dist/ShopDesk, and on Linux
# dist/ShopDesk-VERSION-linux-ARCH.tar.gz. bundle-test smoke-tests what bundle built.
$(STAMP_BUNDLE): $(STAMP_APP)
	$(BIN)/python -m pip install --quiet -e '.[bundle]'
	@touch $@

bundle: $(STAMP_BUNDLE)
	$(BIN)/python packaging/build_bundle.py

bundle-test: bundle
	$(BIN)/python packaging/smoke_test.py dist/ShopDesk

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

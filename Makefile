# The two commands from the README: `make run` and `make test`.
# Everything the app and its tests need is installed here, into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_APP  := $(VENV)/.installed-app
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint bench stress translations screenshots clean

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

test: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

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

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

# Talknotes: `make run` starts the app, `make test` runs the whole test suite.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
# make test runs pytest on this many worker processes (pytest-xdist; 0: in one process). Two
# match CI's two cores: one worker builds the bundle while the other runs the rest.
PYTEST_WORKERS ?= 2

.PHONY: run test test-slow lint typecheck bench bundle lock clean

$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements/constraints.txt -e ".[test,heif,bundle]"
	touch $@

run:
	@scripts/system-deps.sh run
	@$(MAKE) --no-print-directory $(VENV)/.installed
	$(VENV)/bin/talknotes

test:
	@scripts/system-deps.sh test
	@$(MAKE) --no-print-directory $(VENV)/.installed
	$(PY) -m ruff check desktop tests bench scripts
	$(PY) -m mypy
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

# The long runs left out of `make test` (e.g. 100 kills of the crash test).
test-slow:
	@scripts/system-deps.sh test
	@$(MAKE) --no-print-directory $(VENV)/.installed
	$(PY) -m pytest -m slow $(PYTEST_ARGS)

# One-folder app bundle: dist/talknotes/talknotes (see packaging/README.md).
bundle: $(VENV)/.installed
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
		packaging/pyinstaller/talknotes.spec

lint: $(VENV)/.installed
	$(PY) -m ruff check desktop tests bench scripts

# Type checking alone (pyproject.toml [tool.mypy]; its cache makes a re-run take seconds).
typecheck: $(VENV)/.installed
	$(PY) -m mypy

bench: $(VENV)/.installed
	$(PY) bench/run.py

# Refresh the pinned versions CI installs: resolve the ranges in pyproject.toml afresh.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q --upgrade pip
	.lock-venv/bin/pip install -q -e ".[test,heif,bundle]"
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e ' > requirements/constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache

# factsheet-extract: `make extract` sets everything up and extracts raw/ into data/;
# `make test` runs the test suite and checks the published data.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install extract test report golden schema lock lint bench clean

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required (found: $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

extract: install
	$(BIN)/factsheet extract raw --out data --prune

test: install
	$(BIN)/python -m pytest -q
	$(BIN)/factsheet validate data
	$(BIN)/factsheet check data

report: install
	$(BIN)/factsheet report data --out report

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

golden: install
	$(BIN)/python -m tests.golden_tool

schema: install
	$(BIN)/python -m schemas.export

# Re-pin every dependency (direct and transitive) from a fresh resolution of pyproject.toml.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --disable-pip-version-check ".[test,lint,dask,hwp,pdf,html]"
	.venv-lock/bin/python -m pip freeze --all --exclude-editable | grep -v -e "^factsheet-extract" -e "^pip==" > requirements.lock
	rm -rf .venv-lock

bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info

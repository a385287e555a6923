# storyline: `make demo` and `make test` are all a newcomer needs; each installs first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast lint typecheck lock bench clean

install: $(STAMP)

# Idempotent: reinstalls only when the lock file or the package metadata changed.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

demo: install
	$(BIN)/storyline demo

test: install
	$(BIN)/python -m pytest -n 2 --dist loadgroup --timeout 900

test-fast: install
	$(BIN)/python -m pytest -n 2 --dist loadgroup -m "not slow and not browser and not postgres and not ray"

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/python scripts/gen_cli_docs.py --check

typecheck: install
	$(BIN)/mypy

# Quality figures on the dev splits (docs/benchmarks.md lists every benchmark and its command;
# the speed and load ones take longer and are run one by one).
bench: install
	$(BIN)/python benchmarks/timex.py
	$(BIN)/python benchmarks/attribution.py --split dev
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/stories.py
	$(BIN)/python benchmarks/syndication.py

# Recompile the lock from requirements.in (needs pip-tools: pip install pip-tools).
lock:
	pip-compile --generate-hashes --no-emit-index-url --no-emit-find-links --strip-extras --allow-unsafe -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

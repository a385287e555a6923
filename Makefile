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
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

# Recompile the lock from requirements.in (needs pip-tools: pip install pip-tools).
lock:
	pip-compile --generate-hashes --no-emit-index-url --no-emit-find-links --strip-extras --allow-unsafe -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

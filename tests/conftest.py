"""Shared fixtures: the spaCy model (loaded once per worker), the seed article, and the path to
../shared/data (tests that need it skip with a reason when it is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs every property test from a fixed seed: a run that passed here passes there, and a new
# failing example is found by developers (random seeds locally), not by a flaky CI.
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
SEED_PUBLISHED = "2025-12-02"
SHARED_DATA = Path(os.environ.get("STORYLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/ from current output"
    )


@pytest.fixture(scope="session")
def nlp():
    from storyline.nlp.pipeline import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(nlp, seed_text):
    from storyline import analyze

    return analyze(seed_text, published=SEED_PUBLISHED)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set STORYLINE_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


def _load_by_path(name: str, filename: str):  # type: ignore[no-untyped-def]
    """A helper module of tests/, loaded by path (tests/ is not a package) as ``name``."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / filename)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _load_workspace_fixtures():  # type: ignore[no-untyped-def]
    return _load_by_path("storyline_test_workspace_fixtures", "workspace_fixtures.py")


# The in-process CLI runner the CLI tests share: ``from storyline_test_cli import run``.
_load_by_path("storyline_test_cli", "cli_support.py")


# Workspace fixtures over SQLite and PostgreSQL, for every area's tests: db_url (parametrised),
# workspace, sqlite_workspace, postgres_url. See tests/workspace_fixtures.py.
_wf = _load_workspace_fixtures()
db_url = _wf.db_url
postgres_url = _wf.postgres_url
postgres_module_url = _wf.postgres_module_url
postgres_session_url = _wf.postgres_session_url
workspace = _wf.workspace
sqlite_workspace = _wf.sqlite_workspace

"""Workspace fixtures for every area's tests, over SQLite and a real PostgreSQL.

* ``db_url``: a fresh, empty workspace location, parametrised ``sqlite`` (a file in tmp_path)
  and ``postgres`` (a new schema of ``$STORYLINE_TEST_POSTGRES_URL``, dropped afterwards, so
  tests can run in parallel). Without that variable the postgres case skips, unless
  ``STORYLINE_REQUIRE_SERVICES=1`` (CI), where it fails: CI never skips it silently.
* ``workspace``: a ``Workspace`` opened on ``db_url`` (migrated to head), closed afterwards.
* ``sqlite_workspace``: the SQLite case only, for tests that need no second database.
* ``ingest_sample_in_two_parts``, ``merged_sample_workspace``: a real story merge, for the
  tests of what a merge keeps (``from storyline_test_workspace_fixtures import ...``).

Registered from tests/conftest.py, so any test module can ask for them by name.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from storyline.workspace import Workspace

POSTGRES_ENV = "STORYLINE_TEST_POSTGRES_URL"
REQUIRE_ENV = "STORYLINE_REQUIRE_SERVICES"
SAMPLE = Path(__file__).resolve().parents[1] / "demo" / "ecbplus-topic12.jsonl"


def postgres_base_url() -> str:
    """The test server's URL, or skip (fail under STORYLINE_REQUIRE_SERVICES=1)."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if url:
        return url
    message = f"PostgreSQL not available: set {POSTGRES_ENV} (e.g. postgresql://postgres@127.0.0.1:54329/postgres)"
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{message}; {REQUIRE_ENV}=1 requires it")
    pytest.skip(message)


def _admin(url: str, sql: str) -> None:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def _fresh_schema_url() -> Iterator[str]:
    from sqlalchemy.engine import make_url

    base = postgres_base_url()
    schema = f"t_{uuid.uuid4().hex[:16]}"
    _admin(base, f"CREATE SCHEMA {schema}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        _admin(base, f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL whose search_path is a fresh schema of the test server (dropped afterwards)."""
    yield from _fresh_schema_url()


@pytest.fixture(scope="module")
def postgres_module_url() -> Iterator[str]:
    """The same, shared by one test module (for module-scoped workspaces built once)."""
    yield from _fresh_schema_url()


@pytest.fixture(scope="session")
def postgres_session_url() -> Iterator[str]:
    """The same, shared by a whole run (for session-scoped workspaces built once)."""
    yield from _fresh_schema_url()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        return str(tmp_path / "workspace.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def workspace(db_url: str) -> Iterator[Workspace]:
    from storyline.workspace import Workspace

    ws = Workspace(db_url)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def sqlite_workspace(tmp_path) -> Iterator[Workspace]:  # type: ignore[no-untyped-def]
    from storyline.workspace import Workspace

    ws = Workspace(tmp_path / "workspace.db")
    try:
        yield ws
    finally:
        ws.close()


def ingest_sample_in_two_parts(
    workspace: Workspace, folder: Path, between: Callable[[set[int]], None] | None = None
) -> tuple[set[int], set[int]]:
    """The bundled sample (two pirate incidents, ECB+ topic 12) ingested in two parts: after the
    first five reports one incident is split in two stories, which the second part merges.
    ``between`` sees the story ids of the first part before the second is ingested. Returns the
    story ids before and after the second part."""
    import storyline.stories as st

    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    first, rest = folder / "first.jsonl", folder / "rest.jsonl"
    first.write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    rest.write_text("\n".join(lines[5:]) + "\n", encoding="utf-8")
    workspace.ingest([first])
    before = {s["id"] for s in st.list_stories(workspace)}
    if between is not None:
        between(before)
    workspace.ingest([rest])
    return before, {s["id"] for s in st.list_stories(workspace)}


def merged_sample_workspace(
    request: pytest.FixtureRequest, folder: Path
) -> tuple[Workspace, int, int]:
    """A workspace holding a real story merge (the sample in two parts), on SQLite or, for
    ``request.param == "postgres"``, on the module's PostgreSQL schema: (the workspace, a
    story id the second part merged away, the live story it resolves to). The caller closes
    the workspace."""
    import storyline.stories as st
    from storyline.workspace import Workspace

    if request.param == "sqlite":
        ws = Workspace(folder / "ws.db")
    else:
        ws = Workspace(request.getfixturevalue("postgres_module_url"))
    before, after = ingest_sample_in_two_parts(ws, folder)
    gone = sorted(before - after)
    assert gone, "no story merged: the case is not exercised"
    live = st.resolve_story(ws, gone[0])
    assert live is not None and live in after  # a live story, not the merged-away id
    return ws, gone[0], live

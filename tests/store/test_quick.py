"""The CLI's quick read of a cached timeline: the same text as the store's read, or None (and
the ordinary path) whenever it cannot be sure."""

from __future__ import annotations

import sqlite3

import pytest

from storyline.store import stories as repo
from storyline.store.quick import cached_timeline_text, sqlite_file
from storyline.stories.keys import timeline_key
from storyline.workspace import Workspace

KEY = timeline_key(7, None, None)
DATA = {"story": {"id": 7, "title": "Café talks"}, "entries": [{"summary": "naïve – ok"}]}


@pytest.fixture
def cached(tmp_path):
    """A real SQLite workspace with one cached timeline row."""
    path = tmp_path / "ws.db"
    with Workspace(str(path)) as ws, ws.begin() as conn:
        repo.cache_timeline(conn, KEY, None, DATA)
    return path


def test_cached_timeline_text_is_what_the_store_reads(cached):
    with Workspace(str(cached)) as ws, ws.connect() as conn:
        stored = repo.cached_timeline_text(conn, KEY)
    assert stored is not None
    assert cached_timeline_text(cached, KEY) == stored


def test_cached_timeline_text_none_for_another_key(cached):
    assert cached_timeline_text(cached, timeline_key(7, 3, 1)) is None


def test_cached_timeline_text_none_for_another_schema_revision(cached):
    # A workspace an older storyline wrote: the ordinary path migrates it before reading.
    with sqlite3.connect(cached) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '20250101_0001'")
    assert cached_timeline_text(cached, KEY) is None


@pytest.mark.parametrize("content", [b"", b"\x00\xffnot a database" * 100, b"SQLite format 3\x00"])
def test_cached_timeline_text_none_for_a_file_that_is_no_workspace(tmp_path, content):
    path = tmp_path / "junk.db"
    path.write_bytes(content)
    assert cached_timeline_text(path, KEY) is None
    assert path.read_bytes() == content  # read-only: nothing written, nothing created


def test_sqlite_file_names_the_file_the_workspace_opens(tmp_path, monkeypatch):
    path = tmp_path / "ws.db"
    path.write_bytes(b"")
    assert sqlite_file(str(path)) == path
    assert sqlite_file(f"sqlite:///{path}") == path
    monkeypatch.setenv("STORYLINE_DB", str(path))
    assert sqlite_file(None) == path


@pytest.mark.parametrize(
    "db",
    [
        "postgresql://postgres@127.0.0.1:5432/postgres",  # only the ordinary path reads these
        "sqlite://",  # in memory
        "{tmp}/missing.db",  # the ordinary path creates it, or says why it cannot
        "{tmp}",  # a folder
        "sqlite:///{tmp}/ws.db?timeout=5",  # options only SQLAlchemy reads
    ],
)
def test_sqlite_file_none_where_the_ordinary_path_decides(tmp_path, db):
    (tmp_path / "ws.db").write_bytes(b"")
    assert sqlite_file(db.format(tmp=tmp_path)) is None

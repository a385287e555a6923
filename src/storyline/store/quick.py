"""A cached timeline read from a SQLite workspace with the standard library alone.

``storyline timeline STORY --format json`` prints a cached timeline as it is stored. Opening a
``Workspace`` for that imports SQLAlchemy and the store, about half of the command's CPU time;
this reads the same row with ``sqlite3``, read-only, when the file's schema is at the newest
revision. On any doubt (not a SQLite file, another revision, no cached row, a locked or broken
file) it answers None and the caller takes the ordinary path, which reports real errors.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storyline.store.location import default_path, requested
from storyline.store.revision import HEAD

_SQLITE_SCHEMES = ("sqlite:///", "sqlite+pysqlite:///")


def sqlite_file(db: str | None) -> Path | None:
    """The existing SQLite file a --db value (else ``$STORYLINE_DB``, else the per-user default)
    names; None for a PostgreSQL URL, an in-memory database or a file that is not there."""
    value = requested(db)
    if not value:
        path = default_path()
    elif "://" not in value:
        path = Path(value).expanduser()
    else:
        scheme = next((s for s in _SQLITE_SCHEMES if value.lower().startswith(s)), None)
        if scheme is None or "?" in value:
            return None  # PostgreSQL, or a URL with options only SQLAlchemy reads
        path = Path(value[len(scheme) :]).expanduser()
    return path if path.is_file() else None


def cached_timeline_text(path: Path, key: str) -> str | None:
    """The timeline cached under ``key`` in the workspace file ``path``, as stored JSON text."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
    except (sqlite3.Error, ValueError):
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or row[0] != HEAD:
            return None  # an older file: the ordinary path migrates it first
        row = conn.execute("SELECT data FROM timeline_cache WHERE key = ?", (key,)).fetchone()
        return row[0] if row is not None and isinstance(row[0], str) else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()

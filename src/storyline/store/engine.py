"""Opening the workspace database: a SQLite file or a PostgreSQL URL, one code path for both.

``database_url`` turns what the user gave (``--db``, ``$STORYLINE_DB``, nothing) into a SQLAlchemy
URL; ``create_engine_for`` opens it with the settings each database needs (WAL and a busy
timeout for SQLite so several processes can write; the psycopg 3 driver for PostgreSQL).
"""

from __future__ import annotations

import functools
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from storyline.errors import StoreUnavailable
from storyline.store.location import default_path, requested

# How long a SQLite writer waits for another process's transaction before giving up (ms).
SQLITE_BUSY_TIMEOUT_MS = 60_000

# Row ids are 64-bit integers: a larger number (a typo, a pasted hash) names no row, but the
# SQLite driver raises OverflowError on it instead of finding nothing.
MAX_ID = 2**63 - 1


def storable_id(value: int) -> bool:
    """Whether ``value`` can be a row id at all (lookups answer "none" for any other)."""
    return -MAX_ID - 1 <= value <= MAX_ID


def database_url(db: str | None = None, *, memory: bool = False) -> URL:
    """The SQLAlchemy URL for ``db`` (a path or URL), else ``$STORYLINE_DB``, else the default."""
    if memory:
        return make_url("sqlite://")
    value = requested(db)
    if not value:
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return _sqlite_url(path)
    if "://" not in value:
        return _sqlite_url(Path(value).expanduser())
    scheme = value.split("://", 1)[0].lower()
    if scheme in ("postgres", "postgresql"):
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    elif not (scheme.startswith("postgresql+") or scheme.startswith("sqlite")):
        raise StoreUnavailable(
            f"unsupported database URL {_safe(value)!r}: give a SQLite file path "
            "or a postgresql:// URL"
        )
    try:
        return make_url(value)
    except ArgumentError as exc:
        raise StoreUnavailable(f"invalid database URL {_safe(value)!r}: {exc}") from None


def _sqlite_url(path: Path) -> URL:
    if path.is_dir():
        raise StoreUnavailable(f"cannot open workspace {str(path)!r}: it is a directory")
    if not path.parent.is_dir():
        raise StoreUnavailable(
            f"cannot open workspace {str(path)!r}: the folder {str(path.parent)!r} does not exist"
        )
    return URL.create("sqlite", database=str(path))


def _safe(url: str) -> str:
    """A URL fit for an error message: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def describe(url: URL) -> str:
    """What to call the workspace in messages: the file path, or the URL without password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def json_text(value: Any) -> str:
    """How JSON columns are written: plain UTF-8, as storyline prints JSON everywhere, so a
    cached timeline printed as stored is the same bytes as one printed when built. A value
    holding a lone surrogate (a JSONL ``"\\ud800"``), which UTF-8 cannot carry, keeps its
    ``\\u`` escapes."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return text


def create_engine_for(url: URL, *, echo: bool = False) -> Engine:
    kwargs: dict[str, Any] = {"echo": echo, "future": True, "json_serializer": json_text}
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            # One shared connection, or every new connection would see an empty database.
            kwargs["poolclass"] = StaticPool
            kwargs["connect_args"] = {"check_same_thread": False}
        else:
            kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        engine = sa.create_engine(url, **kwargs)
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    kwargs["pool_pre_ping"] = True
    try:
        return sa.create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise StoreUnavailable(f"cannot open {describe(url)!r}: {exc}") from None


# Execution option that marks a connection as a writer (see ``_sqlite_begin``).
WRITE = "storyline_write"


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is always DEFERRED).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # WAL lets readers go on while one process writes; NORMAL sync is still safe against a
    # killed process (only a power cut can lose the last transactions).
    _set_wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.close()


def _set_wal(cur: Any) -> None:
    # Turning a fresh file to WAL writes its header. SQLite answers "database is locked" at once,
    # without waiting out the busy timeout, while another process holds the write lock for that
    # same header (several processes opening one new workspace), so wait here instead.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_begin(conn: sa.Connection) -> None:
    # A writer takes the write lock at BEGIN, so it waits (busy_timeout) for another process's
    # writer instead of failing with "database is locked" when a read turns into a write.
    immediate = conn.get_execution_options().get(WRITE)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def upsert_ignore(conn: sa.Connection, table: sa.Table) -> Any:
    """``INSERT ... ON CONFLICT DO NOTHING`` for the connection's database."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()


def upsert_update(
    conn: sa.Connection, table: sa.Table, keys: list[str], values: dict[str, Any]
) -> Any:
    """``INSERT ... ON CONFLICT (keys) DO UPDATE`` setting every other column of ``values``."""
    return _upsert_base(conn.dialect.name, table, tuple(keys), tuple(values)).values(**values)


@functools.lru_cache(maxsize=128)
def _upsert_base(
    dialect: str, table: sa.Table, keys: tuple[str, ...], columns: tuple[str, ...]
) -> Any:
    # Built once per table and column set: the ON CONFLICT clause's ``excluded`` columns cost
    # more to set up than the row they write (the ingest and ``stories.update`` write rows one
    # by one).
    stmt: Any
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt = pg_insert(table)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(table)
    changed = {k: stmt.excluded[k] for k in columns if k not in keys}
    return stmt.on_conflict_do_update(index_elements=list(keys), set_=changed)

"""Bringing a workspace's schema up to date with Alembic, programmatically.

Every ``Workspace`` runs this on opening. Several processes may open a fresh workspace at the
same moment (parallel ingests), so the upgrade runs in one transaction under a lock: a
PostgreSQL advisory lock, or SQLite's write lock taken at BEGIN IMMEDIATE.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from storyline.store.engine import WRITE
from storyline.store.revision import HEAD  # the newest revision in migrations/versions

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed 64-bit number: the advisory lock PostgreSQL sessions take while migrating.
_PG_LOCK_KEY = 7_263_551_902_114


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: sa.Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


class UnknownRevision(Exception):
    """The database is at a revision these migrations do not have (a newer storyline's)."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Migrate to ``revision`` (default: the newest); a no-op when already there."""
    if revision == "head" and _stored_revision(engine) == HEAD:
        return
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    if revision == "head" and current == head_revision():
        return
    if current is not None:
        script = ScriptDirectory.from_config(alembic_config())
        if current not in {s.revision for s in script.walk_revisions()}:
            raise UnknownRevision(current)
    _run(engine, "upgrade", revision)


def _stored_revision(engine: sa.Engine) -> str | None:
    """The revision in ``alembic_version``, or None when the table is missing or holds no row."""
    if not sa.inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def downgrade(engine: sa.Engine, revision: str) -> None:
    _run(engine, "downgrade", revision)


def _run(engine: sa.Engine, direction: str, revision: str) -> None:
    from alembic import command

    # One transaction for the whole migration, holding a lock that a second process opening the
    # same fresh workspace waits on; that process then finds the schema at head and does nothing.
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        else:
            conn.exec_driver_sql("SELECT 1")  # BEGIN IMMEDIATE: the SQLite write lock
        config = alembic_config()
        config.attributes["connection"] = conn
        getattr(command, direction)(config, revision)
        conn.commit()

"""Alembic migrations: dated revision ids, upgrade/downgrade round trip on both databases, and
several processes opening one fresh workspace at once."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from storyline.store import migrate
from storyline.store.engine import create_engine_for, database_url

VERSIONS = migrate.MIGRATIONS / "versions"


def _engine(url: str) -> sa.Engine:
    return create_engine_for(database_url(url))


def test_first_revision_is_the_founding_one():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    bases = script.get_bases()
    assert bases == ["20261127_0001"]


def test_head_constant_is_alembics_head():
    # The fast path in upgrade() trusts this constant; a new migration must bump it.
    assert migrate.head_revision() == migrate.HEAD


@pytest.mark.parametrize("path", sorted(VERSIONS.glob("*.py")), ids=lambda p: p.name)
def test_revision_files_have_dated_names(path: Path):
    text = path.read_text(encoding="utf-8")
    revision = re.search(r'^revision = "([^"]+)"', text, re.M)
    assert revision, f"{path.name} declares no revision"
    assert re.fullmatch(r"\d{8}_\d{4}", revision.group(1))
    assert path.name.startswith(revision.group(1) + "_")


def _tables(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def test_migrations_upgrade_downgrade_round_trip(db_url):
    engine = _engine(db_url)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert {"articles", "documents", "analyses", "ingest_runs", "ingest_skips"} <= _tables(engine)
    migrate.downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    assert "articles" not in _tables(engine)
    migrate.upgrade(engine)
    assert "articles" in _tables(engine)
    engine.dispose()


def test_migrations_upgrade_twice_is_a_no_op(db_url):
    engine = _engine(db_url)
    migrate.upgrade(engine)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


@pytest.mark.slow
def test_migrations_several_processes_open_one_fresh_workspace(db_url):
    code = "import sys; from storyline.workspace import Workspace; Workspace(sys.argv[1]).close()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, db_url], stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    engine = _engine(db_url)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_workspace_from_a_newer_version_is_store_unavailable(tmp_path):
    from storyline.errors import StoreUnavailable
    from storyline.workspace import Workspace

    path = tmp_path / "newer.db"
    Workspace(path).close()
    engine = _engine(str(path))
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '20991231_0001'"))
    engine.dispose()
    with pytest.raises(StoreUnavailable, match="revision 20991231_0001, which this storyline"):
        Workspace(path)

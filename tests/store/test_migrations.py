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


def test_opening_a_fresh_workspace_waits_while_another_process_writes_its_header(tmp_path):
    # The race behind a flaky CI run: a second process turned the new file to WAL while the
    # first still held the write lock for the same header (rollback mode, before WAL), and
    # SQLite answered "database is locked" at once instead of waiting out the busy timeout.
    from storyline.workspace import Workspace

    path = tmp_path / "fresh.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('held', flush=True)\n"
            "time.sleep(1.5)\n"
            "c.execute('COMMIT')\n",
            str(path),
        ],
        stdout=subprocess.PIPE,
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
    with Workspace(path) as ws:
        with ws.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert migrate.current_revision(ws.engine) == migrate.head_revision()
    assert holder.wait(timeout=60) == 0


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


def _seed_0004(engine: sa.Engine) -> None:
    """Rows as a workspace at 20261127_0004 stored them: articles keyed by their text alone,
    one of them holding a copy of its text published a week later as a further document."""
    import datetime as dt
    import hashlib

    from storyline.store.schema import analyses, articles, documents

    now = dt.datetime.now(dt.UTC)

    def old_key(text: str) -> str:
        return hashlib.sha256(" ".join(text.split()).casefold().encode()).hexdigest()

    rows = [
        (1, "The safe passage expired on Friday.", "2025-12-05"),
        (2, "An undated notice.", None),
        (3, "The bridge reopened on Monday.", "2025-12-01T09:30:00"),
    ]
    with engine.begin() as conn:
        conn.execute(
            articles.insert(),
            [
                {
                    # No explicit ids: PostgreSQL's sequence must know the rows.
                    "content_key": old_key(text),
                    "external_id": f"a{i}",
                    "published": published,
                    "text": text,
                    "created_at": now,
                    "updated_at": now,
                    "linked_at": now,
                }
                for i, text, published in rows
            ],
        )
        first = conn.execute(sa.select(articles.c.id).where(articles.c.external_id == "a1"))
        first_id = first.scalar_one()
        conn.execute(
            documents.insert(),
            [
                {
                    "article_id": first_id,
                    "origin": f"in.jsonl:{n}",
                    "raw_sha256": "0" * 64,
                    "raw": b"The safe passage expired on Friday.",
                    "external_id": eid,
                    "hints": {"published": published},
                    "seen_at": now,
                }
                for n, eid, published in [(1, "a1", "2025-12-05"), (2, "late", "2025-12-12")]
            ],
        )
        conn.execute(
            analyses.insert(),
            [
                {
                    "article_id": 1,
                    "data": {"article": {}},
                    "versions": {"x": "1"},
                    "analyzed_at": now,
                }
            ],
        )


def _keys(engine: sa.Engine) -> dict[int, str]:
    with engine.connect() as conn:
        return dict(conn.execute(sa.text("SELECT id, content_key FROM articles")).all())


def _keys_by_external_id(engine: sa.Engine) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT external_id, content_key FROM articles")).all()
    return dict(rows)


@pytest.mark.issue(5)
def test_migration_0005_keys_dated_articles_by_day_and_keeps_data(db_url):
    from storyline.store.articles import content_key

    engine = _engine(db_url)
    migrate.upgrade(engine, "20261127_0004")
    _seed_0004(engine)
    before = _keys_by_external_id(engine)
    migrate.upgrade(engine)
    after = _keys_by_external_id(engine)
    assert after["a1"] == content_key("The safe passage expired on Friday.", "2025-12-05")
    assert after["a3"] == content_key("The bridge reopened on Monday.", "2025-12-01")
    assert after["a2"] == before["a2"]  # undated: the key it had
    with engine.connect() as conn:
        counts = [
            conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar()
            for t in ("articles", "documents", "analyses")
        ]
        text = conn.execute(sa.text("SELECT text FROM articles WHERE external_id = 'a1'")).scalar()
    assert counts == [3, 2, 1]
    assert text == "The safe passage expired on Friday."
    engine.dispose()


@pytest.mark.issue(5)
def test_migration_0005_upgraded_workspace_takes_same_day_copies_once(db_url):
    from storyline.model import Article
    from storyline.store import articles as repo
    from storyline.workspace import Workspace

    engine = _engine(db_url)
    migrate.upgrade(engine, "20261127_0004")
    _seed_0004(engine)
    engine.dispose()
    with Workspace(db_url) as ws, ws.begin() as conn:
        text = "The safe passage  expired on Friday."
        first = repo.find_article(conn, "a1")
        assert first is not None
        same_day = repo.insert_article(conn, Article(text=text, published="2025-12-05"))
        assert same_day == (first.id, False)
        new_id, created = repo.insert_article(conn, Article(text=text, published="2025-12-12"))
        assert created and new_id != first.id
        assert repo.count_articles(conn) == 4


@pytest.mark.issue(5)
def test_migration_0005_downgrade_keeps_copies_of_several_days(db_url):
    from storyline.model import Article
    from storyline.store import articles as repo
    from storyline.store.articles import content_key

    engine = _engine(db_url)
    migrate.upgrade(engine)
    text = "The safe passage expired on Friday."
    with engine.begin() as conn:
        ids = [
            repo.insert_article(conn, Article(text=text, published=d))[0]
            for d in ("2025-12-05", "2025-12-12")
        ]
    migrate.downgrade(engine, "20261127_0004")
    keys = _keys(engine)
    assert len(keys) == 2 and len(set(keys.values())) == 2
    assert keys[ids[0]] == content_key(text)  # the first copy: keyed by its text, as before
    migrate.upgrade(engine)
    assert _keys(engine) == {
        i: content_key(text, d) for i, d in zip(ids, ("2025-12-05", "2025-12-12"), strict=True)
    }
    engine.dispose()

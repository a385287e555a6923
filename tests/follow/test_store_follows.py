"""store/follows: migration 20261127_0003 matches the tables the repository functions query,
and round-trips; the repository's outbox rules hold on their own."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from storyline.store import follows as fstore
from storyline.store import migrate
from storyline.store.engine import create_engine_for, database_url

TABLES = [
    fstore.follows,
    fstore.follow_recipients,
    fstore.follow_entries,
    fstore.digest_items,
    fstore.digest_messages,
    fstore.digest_deliveries,
]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_migration_creates_the_repository_tables(workspace, table):
    columns = {c["name"] for c in sa.inspect(workspace.engine).get_columns(table.name)}
    assert columns == {c.name for c in table.columns}


def test_migration_0003_round_trip(db_url):
    engine = create_engine_for(database_url(db_url))
    migrate.upgrade(engine)
    migrate.downgrade(engine, "20261127_0002")
    assert not sa.inspect(engine).has_table("follows")
    assert sa.inspect(engine).has_table("articles")
    migrate.upgrade(engine)
    assert sa.inspect(engine).has_table("digest_messages")
    engine.dispose()


def test_store_items_unique_per_follow_and_key(workspace):
    now = fstore.utcnow()
    item = {"key": "1:abc:new_entry", "kind": "new_entry", "entry_key": "abc"}
    with workspace.begin() as conn:
        fid = fstore.insert_follow(conn, kind="query", target="x", emails=["a@example.org"])
        assert fstore.add_items(conn, fid, [item], now) == 1
        assert fstore.add_items(conn, fid, [item], now) == 0
        assert fstore.item_count(conn, fid) == 1


def test_store_mark_sent_records_every_item_once(workspace):
    now = fstore.utcnow()
    items = [
        {"key": f"1:e{i}:new_entry", "kind": "new_entry", "entry_key": f"e{i}"} for i in (1, 2)
    ]
    with workspace.begin() as conn:
        fid = fstore.insert_follow(conn, kind="query", target="x", emails=["a@example.org"])
        fstore.add_items(conn, fid, items, now)
        keys = [it["key"] for it in items]
        fstore.insert_message(
            conn, message_id="m1@x", follow_id=fid, recipient="a@example.org",
            item_keys=keys, raw=b"raw", now=now,
        )  # fmt: skip
        assert fstore.undelivered_items(conn, fid, "a@example.org") == []  # waiting in m1
        fstore.mark_sent(conn, "m1@x", now)
        fstore.mark_sent(conn, "m1@x", now)  # a second mark changes nothing
        assert fstore.delivered_keys(conn, fid, "a@example.org") == set(keys)
        assert fstore.pending_messages(conn, fid, "a@example.org") == []


def test_store_remove_follow_takes_its_outbox(workspace):
    now = fstore.utcnow()
    with workspace.begin() as conn:
        fid = fstore.insert_follow(conn, kind="query", target="x", emails=["a@example.org"])
        fstore.add_items(conn, fid, [{"key": "k", "kind": "new_entry", "entry_key": "e"}], now)
        assert fstore.delete_follow(conn, fid)
        assert not fstore.delete_follow(conn, fid)
        assert fstore.item_count(conn, fid) == 0


def test_store_retarget_story_follows_moves_only_merged_stories(workspace):
    with workspace.begin() as conn:
        ids = {
            name: fstore.insert_follow(conn, kind=kind, target=target, emails=["a@example.org"])
            for name, kind, target in [
                ("merged", "story", "5"),
                ("merged, written 05", "story", "05"),
                ("kept", "story", "7"),
                # counter-examples: an entity or query that reads like the id is no story
                ("entity", "entity", "5"),
                ("query", "query", "5"),
            ]
        }
        assert fstore.retarget_story_follows(conn, {5: 2, 9: 7}) == 2
        targets = {
            row.id: row.target
            for row in conn.execute(sa.select(fstore.follows.c.id, fstore.follows.c.target))
        }
    assert targets[ids["merged"]] == "2" and targets[ids["merged, written 05"]] == "2"
    assert targets[ids["kept"]] == "7"
    assert targets[ids["entity"]] == "5" and targets[ids["query"]] == "5"

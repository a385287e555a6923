"""Merged-away story ids: what ``record_merges`` keeps and what ``resolve_story_id`` answers
(chains, cycles, ids that never were stories), and migration ``20261127_0006`` on a workspace
an older storyline wrote."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from storyline.store import migrate
from storyline.store import stories as repo
from storyline.store.engine import MAX_ID, create_engine_for, database_url

pytestmark = pytest.mark.issue(5)


def _story(conn: sa.Connection, story_id: int) -> None:
    repo.save_story(
        conn,
        story_id,
        title=f"story {story_id}",
        size=1,
        first_published=None,
        last_published=None,
        profile={},
    )


def _merge(conn: sa.Connection, moves: dict[int, int]) -> None:
    """What a batch's merge does to the store: the old rows go, the merges are recorded."""
    for gone in moves:
        repo.delete_story(conn, gone)
    repo.record_merges(conn, moves)


@pytest.fixture
def stories_1_to_5(workspace):
    with workspace.begin() as conn:
        for sid in range(1, 6):
            _story(conn, sid)
    return workspace


def test_resolve_story_id_of_a_live_story_is_itself(stories_1_to_5):
    with stories_1_to_5.connect() as conn:
        assert [repo.resolve_story_id(conn, s) for s in (1, 5)] == [1, 5]


@pytest.mark.parametrize("story_id", [0, 6, -1, 99, MAX_ID, MAX_ID + 1, -(2**70)])
def test_resolve_story_id_of_an_id_that_never_was_a_story_is_none(stories_1_to_5, story_id):
    with stories_1_to_5.connect() as conn:
        assert repo.resolve_story_id(conn, story_id) is None


def test_resolve_story_id_of_a_merged_away_story_is_the_story_it_lives_on_in(stories_1_to_5):
    with stories_1_to_5.begin() as conn:
        _merge(conn, {2: 1})
    with stories_1_to_5.connect() as conn:
        assert repo.resolve_story_id(conn, 2) == 1
        assert repo.get_story(conn, 2) is None  # the row itself is gone


def test_resolve_story_id_follows_a_chain_of_merges(stories_1_to_5):
    # 3 merges into 2 in one batch, 2 into 1 in a later one: 3 lives on in 1.
    with stories_1_to_5.begin() as conn:
        _merge(conn, {3: 2})
    with stories_1_to_5.begin() as conn:
        _merge(conn, {2: 1})
    with stories_1_to_5.connect() as conn:
        assert [repo.resolve_story_id(conn, s) for s in (3, 2, 1)] == [1, 1, 1]
        # The older record was repointed: one step, not two.
        assert repo.merged_into(conn, 3) == 1


def test_resolve_story_id_follows_a_chain_the_records_left_unrepointed(stories_1_to_5):
    # Records written one step at a time (as a store without repointing would hold them).
    with stories_1_to_5.begin() as conn:
        for gone in (4, 3, 2):
            repo.delete_story(conn, gone)
        conn.execute(
            repo.story_merges.insert(),
            [
                {"old_id": o, "new_id": n, "merged_at": dt.datetime.now(dt.UTC)}
                for o, n in ((4, 3), (3, 2), (2, 1))
            ],
        )
    with stories_1_to_5.connect() as conn:
        assert repo.resolve_story_id(conn, 4) == 1


def test_resolve_story_id_of_a_cycle_is_none(stories_1_to_5):
    # Merges never make a cycle; a damaged table must not make a lookup loop forever.
    with stories_1_to_5.begin() as conn:
        for gone in (2, 3):
            repo.delete_story(conn, gone)
        conn.execute(
            repo.story_merges.insert(),
            [
                {"old_id": o, "new_id": n, "merged_at": dt.datetime.now(dt.UTC)}
                for o, n in ((2, 3), (3, 2))
            ],
        )
    with stories_1_to_5.connect() as conn:
        assert repo.resolve_story_id(conn, 2) is None
        assert repo.resolve_story_id(conn, 3) is None


def test_resolve_story_id_of_a_merge_into_a_story_gone_unrecorded_is_none(stories_1_to_5):
    with stories_1_to_5.begin() as conn:
        _merge(conn, {2: 1})
        repo.delete_story(conn, 1)  # deleted without a merge record (no code path does)
    with stories_1_to_5.connect() as conn:
        assert repo.resolve_story_id(conn, 2) is None


def test_record_merges_of_one_batch_point_at_the_final_story(stories_1_to_5):
    # The clusterer resolves each merged id to its final story: {4: 1, 3: 1}.
    with stories_1_to_5.begin() as conn:
        _merge(conn, {4: 1, 3: 1, 5: 5})  # a story "merged into itself" is no merge
    with stories_1_to_5.connect() as conn:
        assert {s: repo.merged_into(conn, s) for s in (3, 4, 5)} == {3: 1, 4: 1, 5: None}


def test_record_merges_never_hides_a_live_story(stories_1_to_5):
    with stories_1_to_5.begin() as conn:
        _merge(conn, {2: 1})
        _story(conn, 2)  # the id is a story again (ids only grow, so never in practice)
    with stories_1_to_5.connect() as conn:
        assert repo.resolve_story_id(conn, 2) == 2


def _engine(url: str) -> sa.Engine:
    return create_engine_for(database_url(url))


def test_migration_0006_on_an_existing_workspace_keeps_stories_and_drops_cached_timelines(
    db_url,
):
    engine = _engine(db_url)
    migrate.upgrade(engine, "20261127_0005")
    with engine.begin() as conn:
        _story(conn, 7)
        # A timeline an older storyline cached (with \u escapes, as it wrote JSON then).
        repo.cache_timeline(conn, "story:7", 7, {"story": {"title": "Café talks"}})
    assert "story_merges" not in sa.inspect(engine).get_table_names()
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == "20261127_0006" == migrate.HEAD
    with engine.begin() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM timeline_cache")).scalar() == 0
        assert (repo.get_story(conn, 7) or {}).get("title") == "story 7"
        _story(conn, 8)
        _merge(conn, {7: 8})
    with engine.connect() as conn:
        assert repo.resolve_story_id(conn, 7) == 8
    migrate.downgrade(engine, "20261127_0005")
    assert "story_merges" not in sa.inspect(engine).get_table_names()
    engine.dispose()


def test_json_columns_are_stored_as_plain_utf8(sqlite_workspace):
    # What the CLI prints from the cache as stored: no \u escapes, as when it built it.
    with sqlite_workspace.begin() as conn:
        repo.cache_timeline(conn, "story:1", 1, {"story": {"title": "Café – naïve"}})
    with sqlite_workspace.connect() as conn:
        text = repo.cached_timeline_text(conn, "story:1")
    assert text == '{"story": {"title": "Café – naïve"}}'


def test_json_columns_keep_escapes_for_a_lone_surrogate(sqlite_workspace):
    # UTF-8 cannot carry a lone surrogate (a JSONL "\ud800"): that value stays escaped.
    with sqlite_workspace.begin() as conn:
        repo.cache_timeline(conn, "story:1", 1, {"t": "a\ud800é"})
    with sqlite_workspace.connect() as conn:
        assert repo.cached_timeline_text(conn, "story:1") == '{"t": "a\\ud800\\u00e9"}'
        assert repo.cached_timeline(conn, "story:1") == {"t": "a\ud800é"}


def test_quick_read_falls_back_on_a_workspace_before_0006_and_reads_after(tmp_path):
    # The CLI's quick read trusts only a file at HEAD: an older one takes the ordinary path,
    # which migrates it (dropping the escaped cache); a timeline cached after that is read.
    from storyline.store.quick import cached_timeline_text
    from storyline.workspace import Workspace

    path = tmp_path / "old.db"
    engine = _engine(str(path))
    migrate.upgrade(engine, "20261127_0005")
    with engine.begin() as conn:
        repo.cache_timeline(conn, "story:7", 7, {"story": {"title": "Café"}})
    engine.dispose()
    assert cached_timeline_text(path, "story:7") is None
    with Workspace(path) as ws:
        with ws.connect() as conn:
            assert repo.cached_timeline_text(conn, "story:7") is None  # dropped by 0006
        with ws.begin() as conn:
            repo.cache_timeline(conn, "story:7", 7, {"story": {"title": "Café"}})
    assert cached_timeline_text(path, "story:7") == '{"story": {"title": "Café"}}'

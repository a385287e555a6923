"""``Workspace``: ingest (idempotent, resumable after kill -9, safe with several processes at
once), reanalyze, the cross-article hook, and one-line errors for a workspace that cannot open.
Run on SQLite and on a real PostgreSQL (the ``db_url`` fixture)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from storyline.errors import InputError, NotFound, StoreUnavailable
from storyline.store import articles as repo
from storyline.store import stories as stories_repo
from storyline.store.schema import analyses, articles, documents, ingest_runs
from storyline.workspace import Workspace

pytestmark = pytest.mark.issue(5)


def news_line(i: int, *, published: str | None = "2025-03-04") -> dict:
    """A short, distinct article: a council vote in district ``i``."""
    return {
        "id": f"n{i}",
        "title": f"District {i} votes to close bridge",
        "published": published,
        "text": (
            f"The council of district {i} voted on Monday to close the old bridge, officials "
            f"said. Mayor Ann Lee said the repairs would cost ${i} million and take "
            f"{i % 12 + 1} weeks."
        ),
    }


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def counts(ws: Workspace) -> dict[str, int]:
    with ws.connect() as conn:
        return {
            t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for t in (articles, documents, analyses)
        }


@pytest.fixture
def inbox(tmp_path: Path, seed_text: str) -> Path:
    """A folder like a user's: the seed as text, a JSONL of two (one blank), an image."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    write_jsonl(folder / "more.jsonl", [news_line(1), {"id": "blank", "text": "  "}])
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return folder


def test_ingest_reports_added_skipped(workspace, inbox):
    report = workspace.ingest([inbox], published="2025-12-02")
    assert report.added == 2
    assert report.duplicates == 0
    assert sorted(Path(p.origin).name for p in report.skipped) == ["more.jsonl:2", "photo.png"]
    assert report.failed == []
    # The bad JSONL line is data left out: the ingest says so with exit code 1. The image is
    # simply not an article (benign), which alone would leave the exit code at 0.
    assert [p.benign for p in sorted(report.skipped, key=lambda p: p.origin)] == [False, True]
    assert report.exit_code == 1
    assert counts(workspace) == {"articles": 2, "documents": 2, "analyses": 2}


def test_ingest_only_benign_skips_exits_zero(workspace, tmp_path):
    folder = tmp_path / "inbox-benign"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    write_jsonl(folder / "a.jsonl", [news_line(1)])
    report = workspace.ingest([folder], published="2025-12-02")
    assert report.added == 1 and [p.benign for p in report.skipped] == [True]
    assert report.exit_code == 0


CONSENT_WALL = (
    "To improve the performance of our website, we collect technical information about you. "
    "You can find a detailed description of how we use your data in our Privacy Policy.\n\n"
    'By clicking on the "Accept & Close" button, you provide your explicit consent to the '
    "processing of your data.\n\n"
    "You can withdraw your consent using the method specified in the Privacy Policy."
)


def test_ingest_page_of_furniture_only_is_skipped_not_failed(workspace, tmp_path):
    # Crawls and data sets hold pages that are only a consent wall: not an article, like an
    # image in a folder, so the ingest lists it and still exits 0.
    wall = {"id": "wall", "published": "2025-03-04", "text": CONSENT_WALL}
    report = workspace.ingest([write_jsonl(tmp_path / "a.jsonl", [news_line(1), wall])])
    assert report.added == 1 and not report.failed
    assert [(p.origin.endswith(":2"), p.benign) for p in report.skipped] == [(True, True)]
    assert "page furniture" in report.skipped[0].reason
    assert report.exit_code == 0


def test_ingest_broken_input_still_fails(workspace, tmp_path):
    # Counter-example: text that cannot be an article's (binary junk) is a failure, exit 1.
    junk = {"id": "junk", "published": "2025-03-04", "text": "\x01\x02\x03\x04 data " * 60}
    report = workspace.ingest([write_jsonl(tmp_path / "a.jsonl", [news_line(1), junk])])
    assert report.added == 1 and len(report.failed) == 1
    assert report.exit_code == 1


def test_ingest_twice_is_the_same_as_once(workspace, inbox):
    first = workspace.ingest([inbox], published="2025-12-02")
    before = counts(workspace)
    second = workspace.ingest([inbox], published="2025-12-02")
    assert (second.added, second.duplicates) == (0, first.added)
    assert counts(workspace) == before


def test_ingest_same_content_from_a_new_origin_records_the_origin(workspace, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [news_line(1)])
    copy = news_line(1) | {"id": "copy-of-n1"}
    copy["text"] = copy["text"].replace(" ", "  ")  # the same content, spaced differently
    write_jsonl(tmp_path / "b.jsonl", [copy])
    workspace.ingest([tmp_path / "a.jsonl"])
    report = workspace.ingest([tmp_path / "b.jsonl"])
    assert (report.added, report.duplicates) == (0, 1)
    record = workspace.article("n1")
    with workspace.connect() as conn:
        origins = [Path(d.origin).name for d in repo.article_documents(conn, record.id)]
    assert origins == ["a.jsonl:1", "b.jsonl:1"]
    assert counts(workspace)["articles"] == 1


def test_ingest_published_fills_only_missing_dates(workspace, tmp_path):
    rows = [news_line(1, published=None), news_line(2, published="2025-03-04")]
    workspace.ingest([write_jsonl(tmp_path / "a.jsonl", rows)], published="2025-12-02")
    assert workspace.article("n1").published == "2025-12-02"
    assert workspace.article("n1").published_source == "given"
    assert workspace.article("n2").published == "2025-03-04"


def test_ingest_failed_document_is_one_line_and_the_rest_goes_on(workspace, tmp_path):
    (tmp_path / "furniture.html").write_text(
        "<html><body><nav>Home | World | Sign up now</nav></body></html>", encoding="utf-8"
    )
    write_jsonl(tmp_path / "good.jsonl", [news_line(1)])
    report = workspace.ingest([tmp_path / "furniture.html", tmp_path / "good.jsonl"])
    assert report.added == 1
    assert [Path(p.origin).name for p in report.failed] == ["furniture.html"]
    assert "\n" not in report.failed[0].reason
    assert report.exit_code == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"paths": []}, "give at least one file"),
        ({"paths": ["{tmp}/missing"]}, "no such file or folder"),
        ({"paths": ["{tmp}"], "workers": 0}, "--workers must be 1 or more"),
        ({"paths": ["{tmp}"], "published": "0000-00-00"}, "invalid --published date"),
    ],
)
def test_ingest_bad_command_raises_before_writing(sqlite_workspace, tmp_path, kwargs, message):
    kwargs = dict(kwargs, paths=[p.format(tmp=tmp_path) for p in kwargs["paths"]])
    with pytest.raises(InputError, match=message):
        sqlite_workspace.ingest(**kwargs)
    assert counts(sqlite_workspace)["articles"] == 0


def test_ingest_records_the_run(workspace, inbox):
    report = workspace.ingest([inbox], published="2025-12-02")
    with workspace.connect() as conn:
        run = conn.execute(sa.select(ingest_runs).where(ingest_runs.c.id == report.run_id)).one()
    assert (run.status, run.added, run.skipped, run.failed) == ("done", 2, 2, 0)


def test_ingest_progress_is_called_with_growing_counts(sqlite_workspace, tmp_path):
    seen = []
    path = write_jsonl(tmp_path / "a.jsonl", [news_line(i) for i in range(40)])
    sqlite_workspace.ingest([path], progress=seen.append)
    assert [p.documents for p in seen] == sorted(p.documents for p in seen)
    assert seen[-1].documents == 40
    assert seen[-1].added == 40


def test_ingest_calls_the_stories_hook_and_catches_up(sqlite_workspace, tmp_path, monkeypatch):
    import storyline.stories as stories

    calls: list[list[int]] = []
    # No hook (the package loads its names on first use, so it is set to None, not deleted).
    monkeypatch.setattr(stories, "update", None)
    sqlite_workspace.ingest([write_jsonl(tmp_path / "a.jsonl", [news_line(1)])])
    # No hook yet: the article stays unlinked, and the next ingest hands it over.
    given: list[dict] = []

    def hook(ws, ids, *, analyses):
        calls.append(list(ids))
        given.append(dict(analyses))

    monkeypatch.setattr(stories, "update", hook, raising=False)
    report = sqlite_workspace.ingest([write_jsonl(tmp_path / "b.jsonl", [news_line(2)])])
    first = sqlite_workspace.article("n1").id
    assert calls == [[first, *report.article_ids]]
    # The new article's analysis comes from memory, as stored; the caught-up one is not there.
    assert sorted(given[0]) == report.article_ids
    new_id = report.article_ids[0]
    assert given[0][new_id].to_dict() == sqlite_workspace.analysis(new_id).to_dict()
    with sqlite_workspace.connect() as conn:
        assert repo.unlinked_article_ids(conn) == []


def test_add_one_article(workspace, seed_text):
    added = workspace.add(seed_text, published="2025-12-02", outlet="The Straits Times")
    again = workspace.add(seed_text, published="2025-12-02", outlet="The Straits Times")
    assert added.created and not again.created
    assert again.article_id == added.article_id
    analysis = workspace.analysis(added.article_id)
    assert analysis.article.outlet == "The Straits Times"
    assert analysis.article.text == workspace.article(added.article_id).text


def test_add_unreadable_raises_input_error(sqlite_workspace):
    with pytest.raises(InputError):
        sqlite_workspace.add(b"\x00\x01\x02" * 400)


def test_article_missing_is_not_found(sqlite_workspace):
    with pytest.raises(NotFound, match="no article 'nope'"):
        sqlite_workspace.article("nope")
    with pytest.raises(NotFound):
        sqlite_workspace.analysis(12345)


def test_reanalyze_unchanged_when_nothing_changed(workspace, inbox):
    workspace.ingest([inbox], published="2025-12-02")
    report = workspace.reanalyze(all=True)
    assert (report.checked, report.changed, report.failed) == (2, [], [])


def test_reanalyze_restores_a_stale_analysis(workspace, inbox):
    workspace.ingest([inbox], published="2025-12-02")
    record = workspace.article("n1")
    good = workspace.analysis(record.id).to_dict()
    # Make the stored analysis stale, as an older rule set would have left it.
    stale = workspace.analysis(record.id)
    stale.timexes, stale.versions = [], {"timex": "timex.rules.v0"}
    with workspace.begin() as conn:
        repo.save_analysis(conn, record.id, stale)
    report = workspace.reanalyze(["n1"])
    assert [c.article_id for c in report.changed] == [record.id]
    assert "versions" in report.changed[0].parts
    assert workspace.analysis(record.id).to_dict() == good


def test_reanalyze_drops_the_cached_timeline_of_a_changed_story(workspace, inbox):
    import storyline.stories as st

    workspace.ingest([inbox], published="2025-12-02")
    record = workspace.article("n1")
    (sid,) = {s["id"] for s in st.list_stories(workspace) if "n1" in s["articles"]}
    fresh = st.timeline_for(workspace, story_id=sid)
    # An analysis left by an older rule set, and a timeline cached from it.
    stale = workspace.analysis(record.id)
    stale.timexes, stale.events, stale.versions = [], [], {"timex": "timex.rules.v0"}
    with workspace.begin() as conn:
        repo.save_analysis(conn, record.id, stale)
        conn.execute(stories_repo.timeline_cache.delete())
    assert st.timeline_for(workspace, story_id=sid) != fresh
    workspace.reanalyze(["n1"])
    assert st.timeline_for(workspace, story_id=sid) == fresh


@pytest.mark.parametrize(
    ("ids", "all_", "message"),
    [(None, False, "or --all"), (["n1"], True, "not both")],
)
def test_reanalyze_needs_ids_or_all(sqlite_workspace, ids, all_, message):
    with pytest.raises(InputError, match=message):
        sqlite_workspace.reanalyze(ids, all=all_)


def test_workspace_not_a_database_is_store_unavailable(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n" * 100)
    with pytest.raises(
        StoreUnavailable, match="file is not a database: --db names a file that is not a storyline"
    ):
        Workspace(path)


def test_workspace_locked_by_another_writer_says_what_to_do(tmp_path, monkeypatch):
    import sqlite3

    from storyline.store import engine

    monkeypatch.setattr(engine, "SQLITE_BUSY_TIMEOUT_MS", 200)  # not the minute users get
    path = tmp_path / "ws.db"
    with Workspace(path) as ws:
        other = sqlite3.connect(path)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with (
                pytest.raises(
                    StoreUnavailable, match="database is locked: another process is writing"
                ),
                ws.begin() as conn,
            ):
                conn.exec_driver_sql("SELECT 1")
        finally:
            other.rollback()
            other.close()


def test_workspace_unreachable_server_is_store_unavailable():
    with pytest.raises(StoreUnavailable, match="cannot open workspace 'postgresql://nobody@"):
        Workspace("postgresql://nobody@127.0.0.1:9/none")


def test_workspace_memory():
    with Workspace(memory=True) as ws:
        assert ws.count() == 0
        assert ws.dialect == "sqlite"


def _results(ws: Workspace) -> dict:
    """What an ingest decided: each article's id and analysis, and the stories."""
    import storyline.stories as stories

    return {
        "articles": {
            a.external_id: (a.id, ws.analysis(a.id).to_dict()) for a in ws.articles(limit=None)
        },
        "stories": stories.list_stories(ws) if hasattr(stories, "list_stories") else None,
    }


@pytest.mark.slow
def test_ingest_with_two_workers_equals_one(db_url, tmp_path):
    # Batches of 16 go to two workers that finish in any order; results are stored in input
    # order, so ids, and the batches the stories step sees, are those of one worker.
    path = write_jsonl(tmp_path / "a.jsonl", [news_line(i) for i in range(40)])
    with Workspace(db_url) as ws:
        report = ws.ingest([path], workers=2)
        assert (report.added, report.failed) == (40, [])
        parallel = _results(ws)
    with Workspace(tmp_path / "serial.db") as serial_ws:
        serial_ws.ingest([path])
        serial = _results(serial_ws)
    assert parallel == serial


class _KillsItsWorker:
    """A document that kills the worker process unpickling it (what a crash in a native
    library does to a worker): the pool breaks under every batch in flight."""

    def __reduce__(self):
        return (os._exit, (3,))


def _text_doc(i: int):
    from storyline.ingest.sources import Document

    row = news_line(i)
    return Document(raw=row["text"].encode(), origin=f"t:{i}", content_type="text/plain")


@pytest.mark.slow
def test_executor_worker_death_fails_only_the_batch_that_killed_it():
    from storyline.workspace import _Executor

    batches = [[(0, _text_doc(1))], [(0, _KillsItsWorker())], [(0, _text_doc(2))]]
    batches += [[(0, _text_doc(i)), (1, _text_doc(i + 1))] for i in (3, 5, 7)]
    with _Executor(2, None) as executor:
        done = list(executor.run_all(batches))
    # Handed back in submission order; the batches lost with the pool ran again and only the
    # culprit failed, with a one-line reason.
    assert [items for items, _ in done] == batches
    failed = [[o.error for o in outcomes] for _, outcomes in done]
    assert failed[1] == ["a worker process died while analysing this batch"]
    assert all(e is None for k, errors in enumerate(failed) if k != 1 for e in errors)
    assert all(o.analysis is not None for k, (_, outs) in enumerate(done) if k != 1 for o in outs)


def assert_all_linked(ws: Workspace) -> None:
    """Once the cross-article steps exist, every stored article has been through them."""
    import storyline.stories

    if hasattr(storyline.stories, "update"):
        with ws.connect() as conn:
            assert repo.unlinked_article_ids(conn) == []


def _storyline(db_url: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "storyline", "--db", db_url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )


@pytest.mark.slow
def test_ingest_killed_mid_run_resumes_without_loss_or_doubles(db_url, tmp_path):
    total = 120
    path = write_jsonl(tmp_path / "a.jsonl", [news_line(i) for i in range(total)])
    Workspace(db_url).close()  # migrate first, so the poll below can read
    watcher = Workspace(db_url)
    proc = _storyline(db_url, "ingest", str(path))
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        stored = watcher.count()
        if stored >= 16:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    at_kill = watcher.count()
    assert 0 < at_kill < total, f"kill came at {at_kill} of {total} stored: nothing to resume"
    report = watcher.ingest([path])
    assert report.failed == []
    assert report.added + report.duplicates == total
    assert counts(watcher) == {"articles": total, "documents": total, "analyses": total}
    assert_all_linked(watcher)
    watcher.close()


@pytest.mark.slow
def test_ingest_from_three_processes_at_once(db_url, tmp_path):
    """Overlapping inputs, one file shared by all: no duplicates, nothing lost."""
    shared = write_jsonl(tmp_path / "shared.jsonl", [news_line(i) for i in range(0, 12)])
    parts = [
        write_jsonl(tmp_path / f"part{k}.jsonl", [news_line(i) for i in range(8 * k, 8 * k + 18)])
        for k in range(3)
    ]
    Workspace(db_url).close()
    procs = [_storyline(db_url, "ingest", str(shared), str(part)) for part in parts]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err.decode()[-2000:] for _, err in results]
    with Workspace(db_url) as ws:
        # Distinct contents: districts 0..33; documents: 12 shared lines + 3 x 18 part lines.
        assert counts(ws) == {"articles": 34, "documents": 66, "analyses": 34}
        with ws.connect() as conn:
            keys = conn.execute(sa.select(articles.c.content_key)).scalars().all()
        assert len(keys) == len(set(keys))
        assert_all_linked(ws)


def _worker_pids(pid: int) -> list[int]:
    """The analysis workers (spawned processes) of an ingest process."""
    pids = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            pids.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    workers = []
    for child in pids:
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if "spawn_main" in cmdline:
            workers.append(child)
    return workers


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
def test_ingest_killed_with_workers_stops_them_and_resumes(sqlite_workspace, tmp_path):
    total = 120
    path = write_jsonl(tmp_path / "a.jsonl", [news_line(i) for i in range(total)])
    db = str(sqlite_workspace.url.database)
    proc = _storyline(db, "ingest", str(path), "--workers", "2")
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _worker_pids(proc.pid) or workers
        if sqlite_workspace.count() >= 16:
            break
        time.sleep(0.05)
    workers = _worker_pids(proc.pid) or workers
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert workers, "no worker processes seen"
    assert 0 < sqlite_workspace.count() < total
    # Orphaned workers notice and stop instead of analysing batches nobody will store.
    stop_by = time.monotonic() + 60
    while time.monotonic() < stop_by and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)
    report = sqlite_workspace.ingest([path], workers=2)
    assert report.failed == []
    assert counts(sqlite_workspace) == {"articles": total, "documents": total, "analyses": total}

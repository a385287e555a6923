"""One wire text republished word for word on different days (issue 5).

A site that reruns a wire story a week later runs its very words: "expired last Friday" on a
page dated Friday 2025-12-12 is 2025-12-05, on the wire's page of Friday 2025-12-05 it is
2025-11-28. Each copy must be analysed against its own publication date, and the copies must
still be one story and one independent source, first reported by the earliest.

The copies are the weekday copy of the seed from tests/fixtures/syndication/republished (real
spaCy model, real workspaces on SQLite and PostgreSQL), ingested as JSONL records like an
evaluator's: the original, a mirror of it the same day, and a rerun a week later.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from storyline.stories.service import list_stories, timeline_for
from storyline.workspace import Workspace

pytestmark = [pytest.mark.slow, pytest.mark.issue(5)]

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "syndication" / "republished"
FIRST, MIRROR, RERUN = "review-dec05", "mirror-dec05", "rerun-dec12"


def _weekday_copy() -> dict[str, Any]:
    for line in (FIXTURE / "republished.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == "weekend-review-weekdays":
            return dict(record)
    raise AssertionError("the weekday copy is missing from the fixture")


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _records() -> dict[str, dict[str, Any]]:
    base = _weekday_copy()
    return {
        FIRST: base | {"id": FIRST, "published": "2025-12-05"},
        MIRROR: base
        | {
            "id": MIRROR,
            "published": "2025-12-05",
            "outlet": "Mirror",
            "url": "https://m.example/a",
        },
        RERUN: base
        | {"id": RERUN, "published": "2025-12-12", "outlet": "Rerun", "url": "https://r.example/a"},
    }


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("days") / "ws.db")
    return str(request.getfixturevalue("postgres_module_url"))


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = _records()
    folder = tmp_path_factory.mktemp("days-in")
    return _write_jsonl(folder / "copies.jsonl", [records[k] for k in (FIRST, MIRROR, RERUN)])


@pytest.fixture(scope="module")
def ws(db: str) -> Any:
    with Workspace(db) as workspace:
        yield workspace


@pytest.fixture(scope="module")
def report(ws: Workspace, source: Path) -> Any:
    return ws.ingest([source], workers=1)


def scoped_timeline(ws: Workspace, scope: str) -> dict[str, Any]:
    """The workspace's timeline (``all``) or its first story's (``story``)."""
    if scope == "all":
        return timeline_for(ws, all=True)
    return timeline_for(ws, story_id=list_stories(ws)[0]["id"])


def _dates(ws: Workspace, ref: str) -> dict[str, str]:
    analysis = ws.analysis(ws.article(ref).id)
    return {t.text: t.value for t in analysis.timexes if t.type == "DATE"}


def test_ingest_stores_a_copy_of_another_day_as_its_own_article(ws, report):
    # The mirror of the same day is the first copy's article; the rerun is an article.
    assert (report.added, report.duplicates, report.failed) == (2, 1, [])
    assert ws.count() == 2
    assert ws.article(MIRROR).id == ws.article(FIRST).id
    assert ws.article(RERUN).id != ws.article(FIRST).id
    assert ws.article(RERUN).published == "2025-12-12"


@pytest.mark.parametrize(
    ("ref", "text", "value"),
    [
        (FIRST, "last Friday", "2025-11-28"),
        (FIRST, "Saturday", "2025-11-29"),
        (FIRST, "Sunday", "2025-11-30"),
        (RERUN, "last Friday", "2025-12-05"),
        (RERUN, "Saturday", "2025-12-06"),
        (RERUN, "Sunday", "2025-12-07"),
    ],
)
def test_each_copy_resolves_weekdays_against_its_own_date(report, ws, ref, text, value):
    assert _dates(ws, ref)[text] == value


def test_copies_of_different_days_are_one_story_and_one_group(report, ws):
    stories = list_stories(ws)
    assert len(stories) == 1
    assert set(stories[0]["articles"]) == {FIRST, MIRROR, RERUN}
    with ws.connect() as conn:
        links = conn.execute(sa.text("SELECT group_id, kind FROM article_links")).all()
    assert len({g for g, _ in links}) == 1
    assert sorted(k for _, k in links) == ["exact", "original"]


@pytest.mark.parametrize("scope", ["all", "story"])
def test_timeline_counts_the_copies_once_and_credits_the_earliest(report, ws, scope):
    tl = scoped_timeline(ws, scope)
    entries = tl["entries"]
    assert entries
    # Every account here is one wire text: one independent source whatever the copies.
    assert {e["independent_sources"] for e in entries} == {1}
    both = [e for e in entries if {m["article"] for m in e["mentions"]} >= {FIRST, RERUN}]
    assert both
    for e in both:
        assert e["first_reported"]["article"] == FIRST
        assert e["first_reported"]["published"] == "2025-12-05"


def test_reingest_doubles_nothing(report, ws, source):
    again = ws.ingest([source], workers=1)
    assert (again.added, again.duplicates) == (0, 3)
    assert ws.count() == 2
    with ws.connect() as conn:
        docs = conn.execute(sa.text("SELECT count(*) FROM documents")).scalar()
    assert docs == 3


def test_rerun_ingested_first_still_credits_the_earliest(tmp_path):
    records = _records()
    late = _write_jsonl(tmp_path / "late.jsonl", [records[RERUN]])
    early = _write_jsonl(tmp_path / "early.jsonl", [records[FIRST]])
    with Workspace(tmp_path / "ws.db") as ws:
        ws.ingest([late], workers=1)
        ws.ingest([early], workers=1)
        assert ws.count() == 2
        assert _dates(ws, RERUN)["last Friday"] == "2025-12-05"
        assert _dates(ws, FIRST)["last Friday"] == "2025-11-28"
        tl = timeline_for(ws, all=True)
    both = [e for e in tl["entries"] if {m["article"] for m in e["mentions"]} >= {FIRST, RERUN}]
    assert both and all(e["first_reported"]["article"] == FIRST for e in both)
    assert {e["independent_sources"] for e in tl["entries"]} == {1}


TEXT = (
    "The safe passage offered to the mayor expired on Friday, two officials said. "
    "The council will meet again on Monday to discuss the bridge."
)


@pytest.mark.parametrize(
    ("second_date", "added", "friday"),
    [
        ("2025-12-12", 2, "2025-12-12"),  # another day: analysed against its own date
        ("2025-12-05", 1, "2025-12-05"),  # the same day: a further document, not analysed
    ],
)
def test_same_bytes_from_another_file_follow_the_given_date(tmp_path, second_date, added, friday):
    # The same file under two paths, each ingested with its own --published: the bytes are
    # equal, so only the date the source gave tells the copies apart.
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "notice.txt").write_text(TEXT, encoding="utf-8")
    with Workspace(tmp_path / "ws.db") as ws:
        first = ws.ingest([tmp_path / "a"], workers=1, published="2025-12-05")
        second = ws.ingest([tmp_path / "b"], workers=1, published=second_date)
        assert first.added + second.added == added
        assert second.duplicates == 2 - added
        latest = ws.articles(limit=1)[0]
        analysis = ws.analysis(latest.id)
    assert latest.published == friday
    assert {t.text: t.value for t in analysis.timexes}["Friday"] == friday


@pytest.mark.parametrize("scope", ["all", "story"])
def test_a_rerun_word_for_word_contests_nothing(report, ws, scope):
    # The rerun reads "last Friday" as Dec 5 where the wire read Nov 28: the same words on
    # another page date are no second account, so no entry turns contested and the entry
    # keeps the earliest copy's date.
    tl = scoped_timeline(ws, scope)
    assert tl["entries"]
    assert [e["status"] for e in tl["entries"] if e["status"] == "contested"] == []
    dates = {e["date"] for e in tl["entries"]}
    assert "2025-11-28" in dates
    assert "2025-12-05" not in dates

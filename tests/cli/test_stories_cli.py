"""``storyline stories`` and ``storyline timeline`` through the real entry point: the JSON
contracts of design.md, every --format, and one-line errors with exit code 2."""

from __future__ import annotations

import csv
import io
import json

import pytest
from storyline_test_cli import run, three_articles_jsonl

from storyline.cli import main

pytestmark = [pytest.mark.issue(5), pytest.mark.slow]


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> str:
    folder = tmp_path_factory.mktemp("stories_cli")
    path = three_articles_jsonl(folder)
    database = str(folder / "ws.db")
    with pytest.raises(SystemExit) as exc:
        main(["--db", database, "ingest", str(path)])
    assert exc.value.code == 0
    return database


def test_stories_json_lists_ids_titles_and_external_ids(db, capsys):
    code, out, _ = run(["--db", db, "stories", "--format", "json"], capsys)
    assert code == 0
    stories = json.loads(out)
    assert all(set(s) == {"id", "title", "articles"} for s in stories)
    groups = sorted(sorted(s["articles"]) for s in stories)
    assert groups == [["bridge"], ["seed", "weekdays"]]


def test_stories_text_is_a_table(db, capsys):
    code, out, _ = run(["--db", db, "stories"], capsys)
    assert code == 0 and "2 stories" in out


def _seed_story(db, capsys) -> str:
    _, out, _ = run(["--db", db, "stories", "--format", "json"], capsys)
    return next(str(s["id"]) for s in json.loads(out) if "seed" in s["articles"])


def test_timeline_json_follows_the_contract(db, capsys):
    code, out, _ = run(
        ["--db", db, "timeline", _seed_story(db, capsys), "--format", "json"], capsys
    )
    assert code == 0
    tl = json.loads(out)
    assert tl["story"]["title"]
    dates = [e["date"] for e in tl["entries"] if e["date"]]
    assert "2025-11-21" in dates and dates == sorted(dates)
    assert all(e["independent_sources"] == 1 for e in tl["entries"])  # one wire, two copies


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("md", lambda out: out.startswith("# ") and "| Date | Event |" in out),
        ("csv", lambda out: next(csv.reader(io.StringIO(out)))[0] == "date"),
        ("timelinejs", lambda out: "start_date" in json.loads(out)["events"][0]),
        ("text", lambda out: "2025-11-21" in out),
    ],
)
def test_timeline_formats(db, capsys, fmt, check):
    code, out, _ = run(["--db", db, "timeline", "--all", "--format", fmt], capsys)
    assert code == 0
    assert check(out)


def test_timeline_all_summary_keeps_n_dates(db, capsys):
    argv = ["--db", db, "timeline", "--all", "--max-dates", "2", "--per-date", "1"]
    code, out, _ = run([*argv, "--format", "json"], capsys)
    assert code == 0
    entries = json.loads(out)["entries"]
    assert len(entries) == 2 and len({e["date"] for e in entries}) == 2


def test_timeline_query_picks_matching_articles(db, capsys):
    code, out, _ = run(["--db", db, "timeline", "--query", "bridge", "--format", "json"], capsys)
    assert code == 0
    assert {m["article"] for e in json.loads(out)["entries"] for m in e["mentions"]} == {"bridge"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["timeline"], "Error: give exactly one of a STORY id, --query TEXT or --all"),
        (["timeline", "999"], "Error: no story '999': see `storyline stories`"),
        (["timeline", "x1"], "Error: story 'x1' is not a story id: see `storyline stories`"),
        (["timeline", "--all", "--max-dates", "0"], "Error: --max-dates must be 1 or more, not 0"),
    ],
)
def test_timeline_bad_requests_are_one_line_errors(db, capsys, argv, message):
    code, _, err = run(["--db", db, *argv], capsys)
    assert code == 2
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if line.strip()] == [message]


@pytest.mark.parametrize("format", ["text", "json"])
def test_stories_in_an_empty_workspace_say_how_to_fill_it(tmp_path, capsys, format):
    # A mistyped --db opens a new, empty workspace: the user hears it, JSON stays clean.
    empty = str(tmp_path / "typo.db")
    code, out, err = run(["--db", empty, "stories", "--format", format], capsys)
    assert code == 0
    assert err.strip() == (
        f"No stories in workspace {empty!r}: add articles with `storyline ingest PATH...` "
        "(after an interrupted ingest, run it again)"
    )
    if format == "json":
        assert json.loads(out) == []


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["--query", "zzzqqq"], "No articles match 'zzzqqq': try fewer or other words"),
        (["--all"], "No articles in this workspace: add some with `storyline ingest PATH...`"),
    ],
    ids=["query-matches-nothing", "all-of-empty-workspace"],
)
def test_timeline_with_no_articles_says_why(db, tmp_path, capsys, argv, hint):
    # An empty table alone does not say whether the words matched nothing or the --db is wrong.
    target = db if "--query" in argv else str(tmp_path / "empty.db")
    code, out, err = run(["--db", target, "timeline", *argv], capsys)
    assert code == 0
    assert err.startswith(hint)
    assert "Traceback" not in out + err


def _keys(value, prefix=""):
    """Every key path in a JSON value: "entries.sources.outlet" style, lists looked through."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield f"{prefix}{key}"
            yield from _keys(inner, f"{prefix}{key}.")
    elif isinstance(value, list):
        for inner in value:
            yield from _keys(inner, prefix)


@pytest.mark.parametrize("target", [["1"], ["--all"], ["--query", "bridge"]])
def test_timeline_json_keys_are_all_in_schema_md(db, capsys, target):
    # Evaluators read docs/schema.md: every key the CLI prints is named in its Timeline section.
    from pathlib import Path

    schema = (Path(__file__).parents[2] / "docs" / "schema.md").read_text(encoding="utf-8")
    section = schema[schema.index("## Timeline") : schema.index("## Stories")]
    code, out, _ = run(["--db", db, "timeline", *target, "--format", "json"], capsys)
    assert code == 0
    undocumented = {
        path for path in _keys(json.loads(out)) if f'"{path.rsplit(".", 1)[-1]}"' not in section
    }
    assert not undocumented, f"not in docs/schema.md's Timeline section: {sorted(undocumented)}"

"""Commands that take a story id show the story a merged-away id lives on in, with a one-line
note on stderr (stdout stays the normal output: JSON stays JSON); an id that never was a story
is still a one-line error. And a timeline printed when built is the same bytes as printed from
the cache afterwards."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from storyline_test_cli import one_error_line, run
from storyline_test_workspace_fixtures import merged_sample_workspace

pytestmark = [pytest.mark.issue(5), pytest.mark.slow]


def db_arg(workspace: Any) -> str:
    """What ``--db`` takes to open ``workspace`` again."""
    url = workspace.url
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return str(url.render_as_string(hide_password=False))


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def merged(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, int, int]]:
    """(--db, a merged-away story id, the story it lives on in): the demo sample ingested in
    two parts, whose second part merges two stories of the first (a real merge)."""
    ws, gone, live = merged_sample_workspace(request, tmp_path_factory.mktemp("merged_cli"))
    yield db_arg(ws), gone, live
    ws.close()


def _note(gone: int, live: int) -> str:
    return f"story {gone} was merged into story {live}; showing {live}"


@pytest.mark.parametrize(
    "options",
    [["--format", "json"], ["--format", "json", "--max-dates", "2"], ["--format", "md"]],
)
def test_timeline_of_a_merged_away_story_shows_the_live_one_with_a_note(merged, capsys, options):
    db, gone, live = merged
    code, out, err = run(["--db", db, "timeline", str(gone), *options], capsys)
    assert code == 0, err
    assert err.splitlines() == [_note(gone, live)]
    code, expected, live_err = run(["--db", db, "timeline", str(live), *options], capsys)
    assert (code, live_err) == (0, "")
    assert out == expected
    if "json" in options:
        assert json.loads(out)["story"]["id"] == live


def test_timeline_text_of_a_merged_away_story_notes_it_on_stderr(merged, capsys):
    db, gone, live = merged
    code, out, err = run(["--db", db, "timeline", str(gone)], capsys)
    assert code == 0
    assert _note(gone, live) in err.splitlines()
    assert _note(gone, live) not in out


@pytest.mark.parametrize("ref", ["999999", "0", str(2**64)])
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_timeline_of_an_id_that_never_was_a_story_is_a_one_line_error(merged, capsys, ref, fmt):
    db, _, _ = merged
    line = one_error_line(*run(["--db", db, "timeline", ref, "--format", fmt], capsys)[::2])
    assert line.startswith(f"Error: no story '{ref}'"), line


@pytest.mark.parametrize(
    ("options", "expect"),
    [
        (["--max-dates", "0"], "Error: --max-dates must be 1 or more"),
        (["--all"], "Error: give exactly one of"),
        (["--query", "pirates"], "Error: give exactly one of"),
    ],
)
def test_a_bad_request_for_a_merged_away_story_is_still_one_error_line(
    merged, capsys, options, expect
):
    db, gone, _ = merged
    argv = ["--db", db, "timeline", str(gone), "--format", "json", *options]
    assert one_error_line(*run(argv, capsys)[::2]).startswith(expect)


def test_follow_add_of_a_merged_away_story_follows_the_live_one(merged, capsys):
    db, gone, live = merged
    code, out, err = run(
        ["--db", db, "follow", "add", "--story", str(gone), "--email", "r@example.org"], capsys
    )
    assert code == 0, err
    assert err.splitlines() == [_note(gone, live)]
    code, out, _ = run(["--db", db, "follow", "list", "--format", "json"], capsys)
    follows = json.loads(out)
    assert [f["target"] for f in follows if "r@example.org" in f["emails"]] == [str(live)]


def test_timeline_of_a_merged_away_story_in_the_library_names_the_live_one(merged):
    from storyline.errors import NotFound
    from storyline.stories import timeline_for
    from storyline.workspace import Workspace

    db, gone, live = merged
    with Workspace(db) as ws, pytest.raises(NotFound, match=f"merged into story {live}"):
        timeline_for(ws, story_id=gone)


# -- built and cached prints of one timeline ---------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def accented(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, int]]:
    """(--db, story id) of a one-article workspace whose timeline is not plain ASCII."""
    import storyline.stories as st
    from storyline.workspace import Workspace

    source = tmp_path / "in.jsonl"
    row = {
        "id": "sp",
        "title": "São Paulo’s mayor — café owners protest",
        "text": "São Paulo’s mayor, Ricardo Nunes, said on Monday that the café district "
        "would close on Friday for repairs. Owners of cafés in Pinheiros protested, "
        "Folha reported.",
        "published": "2025-03-04",
        "outlet": "Folha de S.Paulo",
    }
    source.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    if request.param == "sqlite":
        ws = Workspace(tmp_path / "ws.db")
    else:
        ws = Workspace(request.getfixturevalue("postgres_url"))
    try:
        ws.ingest([source])
        [story] = st.list_stories(ws)
        yield db_arg(ws), story["id"]
    finally:
        ws.close()


@pytest.mark.parametrize("options", [[], ["--max-dates", "1"]])
def test_timeline_json_built_and_cached_prints_are_the_same_bytes(accented, capsys, options):
    db, story = accented
    argv = ["--db", db, "timeline", str(story), "--format", "json", *options]
    prints = [run(argv, capsys) for _ in range(3)]  # built, then twice from the cache
    assert [code for code, _, _ in prints] == [0, 0, 0]
    built, *cached = [out.encode("utf-8") for _, out, _ in prints]
    assert all(c == built for c in cached)
    assert "São Paulo".encode() in built and b"\\u" not in built  # plain UTF-8, no escapes
    assert json.loads(built)["story"]["id"] == story


def test_timeline_json_of_the_library_is_the_same_text_built_and_cached(accented):
    import storyline.stories as st
    from storyline.workspace import Workspace

    db, story = accented
    with Workspace(db) as ws:
        texts = [st.timeline_json(ws, story_id=story) for _ in range(2)]
    assert texts[0] == texts[1]
    assert "São Paulo" in texts[0]

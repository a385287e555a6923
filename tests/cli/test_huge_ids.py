"""An id too large for the database (SQLite keeps 64-bit integers) names nothing: every command
that looks one up says "no such ..." in one line, never an OverflowError traceback."""

from __future__ import annotations

import pytest
from storyline_test_cli import one_error_line, run

HUGE = str(2**64)


@pytest.mark.parametrize(
    ("argv", "expect"),
    [
        (["articles", "show", HUGE], f"no article '{HUGE}'"),
        (["reanalyze", HUGE], f"no article '{HUGE}'"),
        (["timeline", HUGE], f"no story '{HUGE}'"),
        (["timeline", HUGE, "--format", "json"], f"no story '{HUGE}'"),
        (["follow", "add", "--story", HUGE, "--email", "a@example.org"], f"no story '{HUGE}'"),
        (["follow", "remove", HUGE], f"no follow with id {HUGE}"),
        (["digest", "--follow", HUGE, "--dry-run"], f"no follow with id {HUGE}"),
    ],
    ids=[
        "articles-show",
        "reanalyze",
        "timeline",
        "timeline-json",
        "follow-add",
        "follow-remove",
        "digest",
    ],
)
def test_huge_id_is_not_found_in_one_line(tmp_path, capsys, argv, expect):
    line = one_error_line(*run(["--db", str(tmp_path / "ws.db"), *argv], capsys)[::2])
    assert line.startswith(f"Error: {expect}"), line


@pytest.mark.parametrize(
    ("argv", "expect"),
    [
        (["--limit", "0"], "Error: --limit must be 1 or more, not 0"),
        (["--limit", "-5"], "Error: --limit must be 1 or more, not -5"),
        (["--offset", "-1"], "Error: --offset must be 0 or more, not -1"),
    ],
)
def test_articles_list_bad_window_is_one_error_line(tmp_path, capsys, argv, expect):
    line = one_error_line(
        *run(["--db", str(tmp_path / "ws.db"), "articles", "list", *argv], capsys)[::2]
    )
    assert line == expect


@pytest.mark.parametrize("option", ["--limit", "--offset"])
@pytest.mark.parametrize("query", [[], ["--query", "council"]], ids=["list", "search"])
def test_articles_list_huge_window_is_answered(tmp_path, capsys, option, query):
    # "all of them" or "past the end": an answer, not an OverflowError from the database.
    code, out, err = run(
        [
            "--db",
            str(tmp_path / "ws.db"),
            "articles",
            "list",
            option,
            HUGE,
            *query,
            "--format",
            "json",
        ],
        capsys,
    )
    assert (code, out.strip()) == (0, "[]"), err

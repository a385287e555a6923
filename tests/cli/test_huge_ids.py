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

"""Running the real ``storyline`` entry point in-process, for the CLI tests of every area.

Loaded by tests/conftest.py as the module ``storyline_test_cli`` (tests/ is not a package), so a
test module says ``from storyline_test_cli import run, one_error_line``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``storyline ARGV...`` through ``main``: (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def one_error_line(code: int, err: str) -> str:
    """The house rule for a user error: exit 2, no traceback, exactly one ``Error:`` line."""
    assert code == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error: ")
    return lines[0]


def three_articles_jsonl(folder: Path) -> Path:
    """A JSONL input of three real articles in two stories: the seed and its weekday copy (one
    story, one syndication group) and an unrelated council report."""
    rows = [
        {
            "id": "seed",
            "text": (FIXTURES / "articles" / "reuters-st-2025-12-trump-maduro-call.txt").read_text(
                encoding="utf-8"
            ),
            "published": "2025-12-02",
            "outlet": "The Straits Times",
        },
        {
            "id": "weekdays",
            "text": (FIXTURES / "syndication" / "copy-weekdays.txt").read_text(encoding="utf-8"),
            "published": "2025-12-02",
            "outlet": "Weekday Post",
        },
        {
            "id": "bridge",
            "text": "The council voted on Monday to close the Elm Street bridge for repairs, "
            "the mayor of Springfield said. Work starts on March 3.",
            "published": "2025-02-25",
            "outlet": "Springfield Gazette",
        },
    ]
    path = folder / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path

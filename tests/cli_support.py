"""Running the real ``storyline`` entry point in-process, for the CLI tests of every area.

Loaded by tests/conftest.py as the module ``storyline_test_cli`` (tests/ is not a package), so a
test module says ``from storyline_test_cli import run, one_error_line``.
"""

from __future__ import annotations

import pytest

from storyline.cli import main


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

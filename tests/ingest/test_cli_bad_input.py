"""`storyline analyze` on bad input: one `Error: ...` line on stderr, exit code 2, no traceback
(issue 2 acceptance). The error comes from ingest before the spaCy model is loaded."""

from __future__ import annotations

import pytest

from storyline.cli import main


def _run(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out = capsys.readouterr()
    return exit_info.value.code, out.out, out.err


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "Error: the input is empty: give a file with an article's text or HTML"),
        (
            b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4,
            "Error: the input is an executable, not an article's text or HTML",
        ),
        (
            b"\x00\x10\x20binary" * 200,
            "Error: the input is a binary file (it contains NUL bytes), "
            "not an article's text or HTML",
        ),
        (
            bytes(range(128, 256)) * 40,
            "Error: cannot decode the input as text: it is not UTF-8 and no other encoding fits; "
            "convert it to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)",
        ),
        (
            b"<html><body><nav>Home</nav><script>x()</script></body></html>",
            "Error: no article text found in the HTML (1 word of body text after all extraction "
            "stages); give the article's own page, or its text",
        ),
        (
            b"The council met on Tuesday to discuss the budget.\n" * 420_000,
            "Error: the input is too large for one article (20.0 MB, limit 16.0 MB); give one "
            "article per file (use `storyline ingest` for many)",
        ),
    ],
    ids=["empty", "executable", "binary", "undecodable", "html-no-article", "20mb-text"],
)
def test_analyze_bad_file_one_error_line_exit_2(tmp_path, capsys, content, error):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    code, out, err = _run(["analyze", str(path)], capsys)
    assert code == 2
    assert err.strip() == error
    assert err.count("\n") == 1
    assert "Traceback" not in err and out == ""


@pytest.mark.parametrize("value", ["0000-00-00", "2025-02-30"])
def test_analyze_invalid_published_one_error_line_exit_2(tmp_path, capsys, value):
    path = tmp_path / "a.txt"
    path.write_text("WASHINGTON - The Senate voted on Tuesday.", encoding="utf-8")
    code, _out, err = _run(["analyze", str(path), "--published", value], capsys)
    assert code == 2
    assert err.strip() == (
        f"Error: invalid publication date {value!r}: give a real calendar date as YYYY-MM-DD"
    )

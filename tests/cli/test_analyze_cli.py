"""``storyline analyze`` through the real entry point (``storyline.cli.main``): formats, and one
clear ``Error:`` line with exit code 2 for every class of bad input."""

from __future__ import annotations

import json

import pytest
from storyline_test_cli import one_error_line, run

SEED_PUBLISHED = "2025-12-02"


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n\t  \n", "empty"),
        ("binary.bin", bytes(range(256)) * 64, "binary"),
        ("undecodable.txt", "Caf\u00e9 ".encode("utf-16-le") * 200 + b"\xff\xfe\x00\xd8", ""),
        (
            "noarticle.html",
            b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
            "article",
        ),
    ],
)
def test_analyze_bad_input_is_one_error_line(tmp_path, capsys, name, content, expect):
    path = tmp_path / name
    path.write_bytes(content)
    code, _out, err = run(["analyze", str(path), "--published", "2025-12-02"], capsys)
    line = one_error_line(code, err)
    assert expect.lower() in line.lower()


@pytest.mark.slow
def test_analyze_twenty_megabytes_of_text_is_refused(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    sentence = "The council met again on Tuesday and said nothing new about the budget. "
    path.write_text(sentence * (20 * 1024 * 1024 // len(sentence) + 1), encoding="utf-8")
    code, _out, err = run(["analyze", str(path)], capsys)
    line = one_error_line(code, err)
    assert "large" in line.lower() or "long" in line.lower()


@pytest.mark.parametrize("value", ["0000-00-00", "2025-02-30", "yesterday", "12/02/2025x"])
def test_analyze_invalid_published_is_one_error_line(seed_path, capsys, value):
    code, _out, err = run(["analyze", str(seed_path), "--published", value], capsys)
    line = one_error_line(code, err)
    assert value in line


def test_analyze_missing_file_is_one_error_line(tmp_path, capsys):
    code, _out, err = run(["analyze", str(tmp_path / "nope.txt")], capsys)
    line = one_error_line(code, err)
    assert "no such file" in line


def test_analyze_json_follows_the_contract(seed_path, capsys):
    code, out, _err = run(
        ["analyze", str(seed_path), "--published", SEED_PUBLISHED, "--format", "json"], capsys
    )
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"article", "timexes", "entities", "attributions", "money", "events"}
    assert data["article"]["published"] == SEED_PUBLISHED
    assert data["article"]["published_source"] == "given"


@pytest.mark.parametrize(("fmt", "marker"), [("md", "## Timeline"), ("text", "Timeline")])
def test_analyze_renders_a_timeline(seed_path, capsys, fmt, marker):
    code, out, _err = run(
        ["analyze", str(seed_path), "--published", SEED_PUBLISHED, "--format", fmt], capsys
    )
    assert code == 0
    assert marker in out
    assert "Sources" in out


JSONL_LINE = json.dumps({"id": "a1", "text": "The council met on Tuesday, officials said."}) + "\n"
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>Pier'
    "</title><description>The pier opens in March.</description></item></channel></rss>"
)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("news.jsonl", JSONL_LINE.encode(), "a JSONL file"),
        ("news", JSONL_LINE.encode(), "a JSONL file"),  # no suffix: sniffed
        ("feed.xml", RSS.encode(), "a news feed"),
        ("crawl.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n", "a WARC archive"),
        ("-", JSONL_LINE.encode(), "a JSONL file"),  # standard input
    ],
    ids=["jsonl", "jsonl-no-suffix", "feed", "warc", "stdin-jsonl"],
)
def test_analyze_many_article_container_points_to_ingest(
    tmp_path, capsys, monkeypatch, name, content, kind
):
    # Analysing a feed's XML or a JSONL line's braces as one article's text gives nonsense
    # dates and sources: say what the file is and which command reads it.
    if name == "-":
        import io
        import sys

        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content)))
        arg = "-"
    else:
        (tmp_path / name).write_bytes(content)
        arg = str(tmp_path / name)
    line = one_error_line(*run(["analyze", arg], capsys)[::2])
    assert line.startswith(f"Error: {arg}: {kind} holds many articles"), line
    assert "storyline ingest" in line


def test_analyze_url_says_how_to_pipe_the_page(capsys):
    # storyline works offline: say how to give it the page instead of "no such file".
    url = "https://example.org/news/2025/12/02/story.html"
    line = one_error_line(*run(["analyze", url], capsys)[::2])
    assert line == (
        f"Error: {url}: analyze reads a file or standard input, not a URL (it never goes on the "
        f"network): curl -s {url} | storyline analyze - --url {url}"
    )

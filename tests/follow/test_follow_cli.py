"""``storyline follow add|list|remove`` and ``storyline digest`` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from storyline_test_cli import one_error_line, run

from storyline.cli.follow import parse_every

from .conftest import db_arg


@pytest.fixture
def db(workspace) -> str:
    return db_arg(workspace)


def test_cli_follow_add_list_remove(db, capsys):
    code, out, _ = run(
        ["--db", db, "follow", "add", "--entity", "Nicolas Maduro",
         "--email", "a@example.org", "--email", "b@example.org"],
        capsys,
    )  # fmt: skip
    assert code == 0 and out.startswith("follow 1: entity Nicolas Maduro")
    code, out, _ = run(["--db", db, "follow", "list", "--format", "json"], capsys)
    (follow,) = json.loads(out)
    assert follow["emails"] == ["a@example.org", "b@example.org"]
    assert (follow["kind"], follow["target"]) == ("entity", "Nicolas Maduro")
    code, out, _ = run(["--db", db, "follow", "remove", "1"], capsys)
    assert code == 0
    _, out, _ = run(["--db", db, "follow", "list", "--format", "json"], capsys)
    assert json.loads(out) == []


@pytest.mark.parametrize(
    "argv, message",
    [
        (["follow", "add", "--query", "x", "--email", "nope"], "invalid e-mail address 'nope'"),
        (
            ["follow", "add", "--query", "x", "--story", "1", "--email", "a@example.org"],
            "follow exactly one thing",
        ),
        (["follow", "add", "--query", " ", "--email", "a@example.org"], "is empty"),
        (["follow", "add", "--story", "999", "--email", "a@example.org"], "no story '999'"),
        (["follow", "add", "--story", "abc", "--email", "a@example.org"], "not a story id"),
        (["follow", "remove", "7"], "no follow with id 7"),
        (["follow", "remove", "seven"], "invalid follow id 'seven'"),
        (["digest", "--follow", "x"], "invalid --follow 'x'"),
        (["digest", "--since", "2025-02-30", "--dry-run"], "invalid --since date '2025-02-30'"),
        (["digest", "--watch", "--every", "soon"], "invalid --every 'soon'"),
        (["digest", "--watch", "--dry-run"], "do not mix"),
    ],
)
def test_cli_bad_input_is_one_error_line(db, capsys, argv, message):
    code, _, err = run(["--db", db, *argv], capsys)
    assert message in one_error_line(code, err)


def test_cli_digest_without_follows_says_so(db, capsys):
    code, out, _ = run(["--db", db, "digest", "--dry-run"], capsys)
    assert code == 0
    assert out == ""


@pytest.mark.parametrize(
    "value, seconds", [("90s", 90), ("15m", 900), ("1h", 3600), ("1d", 86400), ("2", 2)]
)
def test_parse_every(value, seconds):
    assert parse_every(value) == seconds


@pytest.mark.smtp
@pytest.mark.slow
def test_cli_digest_watch_repeats_until_stopped(db, smtp_server):
    """``--watch`` keeps running, one digest per period; stopped with SIGTERM like a service."""
    cmd = [sys.executable, "-m", "storyline", "--db", db, "digest", "--watch", "--every", "1s",
           "--smtp-host", smtp_server.host, "--smtp-port", str(smtp_server.port)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 90  # start-up imports spaCy: slow on a busy machine
        while len(lines) < 2 and time.monotonic() < deadline and proc.poll() is None:
            lines.append(proc.stdout.readline())
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert [line.strip() for line in lines] == [
        "no follows yet: add one with `storyline follow add`"
    ] * 2, err


SEED = (
    Path(__file__).resolve().parents[2]
    / "tests/fixtures/articles/reuters-st-2025-12-trump-maduro-call.txt"
)


@pytest.mark.smtp
@pytest.mark.slow
def test_cli_digest_sends_once_then_nothing(workspace, db, smtp_server, capsys):
    workspace.ingest([SEED], published="2025-12-02")
    smtp = ["--smtp-host", smtp_server.host, "--smtp-port", str(smtp_server.port)]
    run(["--db", db, "follow", "add", "--entity", "Nicolas Maduro",
         "--email", "a@example.org", "--email", "b@example.org"], capsys)  # fmt: skip
    smtp_server.handler.reject_rcpt.add("b@example.org")

    code, out, _ = run(["--db", db, "digest", *smtp, "--from", "news@example.org"], capsys)
    assert code == 1  # one reader could not be reached: the digest waits for the next run
    assert "a@example.org: " in out and " items in 1 message(s)" in out
    assert "b@example.org: NOT delivered (SMTP server" in out
    (sent,) = smtp_server.handler.messages
    assert sent.mail_from == "news@example.org"

    smtp_server.handler.reject_rcpt.clear()
    code, out, _ = run(["--db", db, "digest", *smtp], capsys)
    assert code == 0
    assert "a@example.org: nothing to send" in out and "1 retried" in out
    code, out, _ = run(["--db", db, "digest", *smtp], capsys)
    assert code == 0 and out.count("nothing to send") == 2
    assert len(smtp_server.handler.messages) == 2
    code, out, _ = run(["--db", db, "digest", "--dry-run"], capsys)
    assert "nothing new" in out


@pytest.mark.smtp
def test_cli_digest_links_the_follow_page_and_feed(workspace, db, smtp_server, capsys):
    """With --base-url, the digest (dry run and sent mail alike) links to where `storyline serve`
    shows what is followed and to the follow's feed."""
    workspace.ingest([SEED], published="2025-12-02")
    run(["--db", db, "follow", "add", "--entity", "Nicolas Maduro", "--email", "a@example.org"],
        capsys)  # fmt: skip
    base = ["--base-url", "http://news.local/"]
    code, out, _ = run(["--db", db, "digest", "--dry-run", *base], capsys)
    assert code == 0
    assert "On storyline: <http://news.local/search?q=Nicolas+Maduro>" in out
    assert "Atom feed of this follow: <http://news.local/feeds/1.atom>" in out

    smtp = ["--smtp-host", smtp_server.host, "--smtp-port", str(smtp_server.port)]
    code, _, _ = run(["--db", db, "digest", *smtp, *base], capsys)
    assert code == 0
    (sent,) = smtp_server.handler.messages
    text = sent.message.get_body(("plain",)).get_content()
    html = sent.message.get_body(("html",)).get_content()
    assert "On storyline: http://news.local/search?q=Nicolas+Maduro" in text
    assert 'href="http://news.local/search?q=Nicolas+Maduro"' in html

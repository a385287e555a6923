"""``storyline ingest``, ``reanalyze`` and ``articles`` through the real entry point: summaries,
exit codes (0 all good, 1 a document failed, 2 a bad command) and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storyline_test_cli import one_error_line, run

pytestmark = pytest.mark.issue(5)


@pytest.fixture
def inbox(tmp_path: Path, seed_text: str) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    rows = [
        {"id": "v1", "text": "The council voted on Monday to close the bridge, officials said."},
        {"id": "blank", "text": ""},
    ]
    (folder / "more.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return folder


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "ws.db")


def test_ingest_summary_names_what_was_left_out(inbox, db, capsys):
    code, out, err = run(["--db", db, "ingest", str(inbox), "--published", "2025-12-02"], capsys)
    # A JSONL line with no article was left out: one line names it, and the exit code is 1.
    assert code == 1
    assert "added" in out and "duplicates" in out and "skipped" in out
    assert 'no article: give a non-empty "text" or "html" field' in out
    assert [line for line in err.splitlines() if line.startswith("skipped: ")] == [
        line for line in err.splitlines() if "more.jsonl:2" in line
    ]


def test_ingest_json_report_is_idempotent(inbox, db, capsys):
    argv = ["ingest", str(inbox), "--db", db, "--published", "2025-12-02", "--format", "json"]
    _, first, _ = run(argv, capsys)
    _, second, _ = run(argv, capsys)
    first_report, second_report = json.loads(first), json.loads(second)
    assert (first_report["added"], first_report["duplicates"]) == (2, 0)
    assert (second_report["added"], second_report["duplicates"]) == (0, 2)


def test_ingest_failed_document_exits_one_with_its_line(tmp_path, db, capsys):
    bad = tmp_path / "furniture.html"
    bad.write_text("<html><body><nav>Home | World</nav></body></html>")
    code, _, err = run(["ingest", str(bad), "--db", db], capsys)
    assert code == 1
    assert err.startswith(f"failed: {bad}: ")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "expect"),
    [
        (["ingest", "{tmp}/missing.jsonl"], "Error: no such file or folder: {tmp}/missing.jsonl"),
        (
            ["ingest", "{tmp}", "--published", "2025-02-30"],
            "Error: invalid --published date '2025-02-30': give a real calendar date as YYYY-MM-DD",
        ),
        (["ingest", "{tmp}", "--workers", "0"], "Error: --workers must be 1 or more, not 0"),
        (["reanalyze"], "Error: give the articles to reanalyze, or --all for every article"),
        (["reanalyze", "nope"], "Error: no article 'nope' in workspace '{db}'"),
        (["articles", "show", "nope"], "Error: no article 'nope' in workspace '{db}'"),
    ],
)
def test_bad_command_is_one_error_line(tmp_path, db, capsys, argv, expect):
    argv = [a.format(tmp=tmp_path) for a in argv] + ["--db", db]
    line = one_error_line(*run(argv, capsys)[::2])
    assert line == expect.format(tmp=tmp_path, db=db)


def test_ingest_db_in_missing_folder_is_one_error_line(inbox, tmp_path, capsys):
    db = tmp_path / "nowhere" / "ws.db"
    line = one_error_line(*run(["ingest", str(inbox), "--db", str(db)], capsys)[::2])
    assert line == f"Error: cannot open workspace '{db}': the folder '{db.parent}' does not exist"


def test_global_db_option_and_env(inbox, tmp_path, capsys, monkeypatch):
    env_db = tmp_path / "env.db"
    monkeypatch.setenv("STORYLINE_DB", str(env_db))
    run(["ingest", str(inbox)], capsys)
    assert env_db.exists()
    code, out, _ = run(["articles", "list", "--format", "json"], capsys)
    assert code == 0
    assert {a["external_id"] for a in json.loads(out)} == {"v1", None}


def test_reanalyze_reports_counts(inbox, db, capsys):
    run(["ingest", str(inbox), "--db", db], capsys)
    code, out, _ = run(["reanalyze", "--all", "--db", db], capsys)
    assert code == 0
    assert out.strip() == "Reanalysed 2 articles: 0 changed, 2 unchanged, 0 failed."


def test_articles_list_query_and_show(inbox, db, capsys):
    run(["ingest", str(inbox), "--db", db, "--published", "2025-12-02"], capsys)
    _, out, _ = run(
        ["articles", "list", "--query", "bridge", "--format", "json", "--db", db], capsys
    )
    assert [a["external_id"] for a in json.loads(out)] == ["v1"]
    code, out, _ = run(["articles", "show", "v1", "--format", "json", "--db", db], capsys)
    shown = json.loads(out)
    assert code == 0
    assert shown["article"]["external_id"] == "v1"
    assert shown["article"]["text"].startswith("The council voted")
    assert {"timexes", "entities", "attributions", "events"} <= shown.keys()


@pytest.mark.parametrize("hidden", [False, True], ids=["empty", "only-hidden-files"])
def test_ingest_folder_with_no_files_is_named_and_the_rest_goes_on(
    inbox, tmp_path, db, capsys, hidden
):
    # A folder that holds nothing to read is most often a wrong path: say so, keep going.
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    if hidden:
        (empty / ".DS_Store").write_bytes(b"\x00\x01")
    argv = ["ingest", str(empty), str(inbox / "seed.txt"), "--db", db, "--format", "json"]
    code, out, err = run(argv, capsys)
    report = json.loads(out)
    assert report["added"] == 1
    assert [p["origin"] for p in report["skipped"]] == [str(empty)]
    assert f"skipped: {empty}: a folder with no files to read" in err
    assert code == 1


def test_articles_list_shows_an_untitled_article_by_its_first_line(tmp_path, db, capsys):
    # A plain-text file has no title: the list shows its first line, not text across paragraphs.
    text = tmp_path / "note.txt"
    text.write_text(
        "The harbour said on Monday that ships would wait.\n\nThe port said it would reopen.",
        encoding="utf-8",
    )
    run(["ingest", str(text), "--db", db, "--published", "2025-12-02"], capsys)
    code, out, _ = run(["articles", "list", "--db", db], capsys)
    assert code == 0
    assert "The harbour said on Monday that ships would wait." in out
    assert "The port" not in out


def test_ingest_folder_holding_its_own_workspace_reads_past_it(tmp_path, seed_text, capsys):
    # `--db news/ws.db ingest news/` is a natural first try: the workspace's own files (the
    # database and its -wal/-shm journal) are no articles, and no reason to fail every run.
    news = tmp_path / "news"
    news.mkdir()
    (news / "seed.txt").write_text(seed_text, encoding="utf-8")
    db = str(news / "ws.db")
    assert run(["ingest", str(news / "seed.txt"), "--db", db], capsys)[0] == 0
    (news / "more.txt").write_text(
        "The council voted on Monday to close the bridge, officials said.", encoding="utf-8"
    )
    code, out, err = run(["ingest", str(news), "--db", db, "--format", "json"], capsys)
    report = json.loads(out)
    assert (code, report["added"], report["failed"]) == (0, 1, []), err


def test_articles_list_query_pages_with_offset(inbox, db, capsys):
    # --offset pages through search results as it does through the plain list.
    run(["ingest", str(inbox), "--db", db, "--published", "2025-12-02"], capsys)
    base = ["articles", "list", "--query", "said", "--format", "json", "--db", db]
    _, out, _ = run(base, capsys)
    every = [a["id"] for a in json.loads(out)]
    assert len(every) == 2
    _, out, _ = run([*base, "--limit", "1", "--offset", "1"], capsys)
    assert [a["id"] for a in json.loads(out)] == every[1:]


@pytest.mark.parametrize(
    "url", ["https://example.org/feed.xml", "http://example.org/news/", "ftp://example.org/x.warc"]
)
def test_ingest_url_says_files_only(tmp_path, db, capsys, url):
    # storyline works offline: a URL is not fetched, and "no such file" would not say why.
    line = one_error_line(*run(["ingest", url, "--db", db], capsys)[::2])
    assert line == (
        f"Error: {url}: storyline ingest reads files and folders, not URLs "
        "(it never goes on the network): download it first, e.g. curl -o page.html URL"
    )


def test_ingest_notes_an_id_that_already_names_another_article(tmp_path, db, capsys):
    # Two texts under one JSONL id are both stored, but "t5" then finds only the first: the
    # user is told which workspace id finds the second; nothing failed, so the exit code is 0.
    rows = [
        {"id": "t5", "text": "The council voted on Monday to close the bridge, officials said."},
        {"id": "t5", "text": "The harbour reopened on Tuesday after the storm, the port said."},
        {"id": "t6", "text": "The mayor opened the new library on Wednesday, aides said."},
    ]
    src = tmp_path / "ids.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    argv = ["ingest", str(src), "--db", db, "--published", "2025-12-02", "--format", "json"]
    code, out, err = run(argv, capsys)
    report = json.loads(out)
    assert code == 0 and report["added"] == 3
    assert [n["origin"] for n in report["notes"]] == [f"{src}:2"]
    (line,) = [ln for ln in err.splitlines() if ln.startswith("note: ")]
    assert line.startswith(f"note: {src}:2: id 't5' already names article 1")
    assert line.endswith("this one is article 2: give each article its own id")

"""The house rule "bad input gets a clear error and loses nothing", for ``storyline ingest``,
through the real entry point (``storyline.cli.main``) on a SQLite workspace in tmp_path.

A workspace is first filled with good articles. Then a batch of junk goes in: binary bytes, a
50 MB page, broken HTML, wrong and undecodable encodings, an empty file, a feed with an entity
bomb (billion laughs), a WARC whose middle gzip member is a bomb, and a JSONL file with a
``published`` of 0000-00-00 between good lines. Ingest must name each bad item on one line, go
on, store the good items hidden among the junk, exit with code 1, print no traceback, and leave
every article stored before byte-identical and still analysed.

Tests marked xfail(strict=True) pin bugs in other modules (reason starts with "bug:"); they
start failing as soon as the bug is fixed, so the mark is removed with the fix.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storyline.cli import main

pytestmark = pytest.mark.issue(2)

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
DEMO = ROOT / "demo" / "ecbplus-topic12.jsonl"
PUBLISHED = "2025-12-02"


def run(argv: list[str]) -> tuple[int, str, str]:
    """``storyline ARGV`` in-process: exit code, stdout, stderr (usable in any fixture scope)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return code, out.getvalue(), err.getvalue()


def _demo_records(n: int, skip: int = 0) -> list[dict[str, Any]]:
    lines = DEMO.read_text(encoding="utf-8").splitlines()[skip : skip + n]
    return [json.loads(line) for line in lines]


def _jsonl(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --- junk, built in the test ---------------------------------------------------------------------

PARA = "<p>The harbour authority said on Tuesday that the new pier would open in March.</p>\n"
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 2 else "&lol;" * 10}">\n'.encode()
        for i in range(2, 10)
    )
    + b']>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
    b"<description>&lol9;</description><link>https://example.test/a</link></item>"
    b"</channel></rss>\n"
)


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav>Home | World</nav><article><h1>{title}</h1>\n{body}</article></body></html>"
    ).encode()


def warc_record(uri: str, payload: bytes | Iterator[bytes], length: int) -> Iterator[bytes]:
    """A WARC/1.0 response record holding an HTTP 200 text/html answer, streamed."""
    http_head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    yield (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{abs(hash(uri)) % 10**12:012d}>\r\n"
        "WARC-Date: 2025-12-02T10:00:00Z\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http_head) + length}\r\n\r\n"
    ).encode()
    yield http_head
    if isinstance(payload, bytes):
        yield payload
    else:
        yield from payload
    yield b"\r\n\r\n"


def gzip_member(chunks: Iterator[bytes]) -> bytes:
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(deflate.compress(c) for c in chunks) + deflate.flush()


BOMB_INFLATED = 100 * 1024 * 1024  # past the reader's 64 MB cap per gzip member


def _zeros() -> Iterator[bytes]:
    chunk = b" " * (1024 * 1024)
    yield b"<html><body>"
    for _ in range(BOMB_INFLATED // len(chunk)):
        yield chunk
    yield b"</body></html>"


@pytest.fixture(scope="module")
def bomb_member() -> bytes:
    """One gzip member of about 100 KB that inflates to 100 MB: a WARC record, built once."""
    return gzip_member(warc_record("https://example.test/bomb", _zeros(), BOMB_INFLATED + 26))


def good_warc_member(n: int) -> bytes:
    html = page(
        f"Harbour pier {n} opens",
        [
            f"The harbour authority said on Tuesday that pier {n} would open in March, two "
            "months later than planned.",
            "Officials blamed storms in January for the delay, according to a statement.",
        ],
    )
    return gzip_member(warc_record(f"https://example.test/pier-{n}", html, len(html)))


@dataclass(frozen=True, slots=True)
class Bad:
    """One bad item: how to write it, the origin ingest reports, a word its reason contains."""

    name: str
    write: Callable[[Path, bytes], None]
    origin: str  # relative to the batch folder
    reason: str
    # Reported as "skipped" (not an article at all) rather than "failed" (an unreadable one).
    skipped: bool = False


def _write(name: str, data: bytes) -> Callable[[Path, bytes], None]:
    def write(folder: Path, _bomb: bytes) -> None:
        (folder / name).write_bytes(data)

    return write


def _write_big_page(folder: Path, _bomb: bytes) -> None:
    with (folder / "big-page.html").open("w", encoding="utf-8") as fh:
        fh.write("<html><head><title>Big</title></head><body><article>\n")
        block = PARA * 1000
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
        fh.write("</article></body></html>\n")


def _write_bomb_warc(folder: Path, bomb: bytes) -> None:
    (folder / "crawl.warc.gz").write_bytes(good_warc_member(1) + bomb + good_warc_member(2))


def _write_zero_date_jsonl(folder: Path, _bomb: bytes) -> None:
    good1, good2 = _demo_records(2, skip=4)
    bad = {"id": "zero-date", "text": "The council met on Tuesday, officials said.",
           "published": "0000-00-00"}  # fmt: skip
    (folder / "mixed.jsonl").write_text(_jsonl([good1, bad, good2]), encoding="utf-8")


BAD_ITEMS = [
    Bad("binary", _write("junk.bin", bytes(range(256)) * 8 + b"\x00" * 64), "junk.bin", "binary"),
    Bad("big-page", _write_big_page, "big-page.html", "too large", skipped=True),
    Bad(
        "broken-html",
        _write("broken.html", b"<html><head><title>Cut</title><body><div class=<<<><p>&&#xZZ;</di"),
        "broken.html",
        "no article text",
    ),
    Bad(
        "undecodable",
        _write("undecodable.txt", bytes(range(128, 256)) * 40),
        "undecodable.txt",
        "cannot decode",
    ),
    Bad("empty", _write("empty.txt", b""), "empty.txt", "empty"),
    Bad("entity-bomb", _write("bomb.rss", BILLION_LAUGHS), "bomb.rss", "entit", skipped=True),
    Bad("gzip-bomb", _write_bomb_warc, "crawl.warc.gz@", "gzip bomb", skipped=True),
    Bad("zero-date", _write_zero_date_jsonl, "mixed.jsonl:2", "0000-00-00", skipped=True),
]
# Good items hidden among the junk: origin (or origin prefix) -> how many articles it holds.
GOOD_AMONG_JUNK = {
    "mixed.jsonl:1": 1,
    "mixed.jsonl:3": 1,
    "crawl.warc.gz@": 2,  # the good records before and after the bomb
}


def _mislabelled_page() -> bytes:
    """A Windows-1252 page that claims to be UTF-8 (a common wrong encoding)."""
    text = (
        "<html><head><meta charset='utf-8'><title>Caf\u00e9 owners protest</title></head><body>"
        "<article><h1>Caf\u00e9 owners protest</h1>"
        "<p>\u201cWe cannot pay this,\u201d said Ren\u00e9e Dupr\u00e9, who runs a caf\u00e9 "
        "near the station, on Monday.</p>"
        "<p>The city council said the new fee would apply from June, according to a "
        "statement.</p></article></body></html>"
    )
    return text.encode("cp1252")


# Inputs in a wrong or unusual encoding that can still be read: stored, with the right text.
ODD_ENCODINGS = {
    "latin1.txt": (
        (
            "Caf\u00e9 owners in the old town said on Monday they would close for a day in "
            "protest at the new fee, which the council approved last week.\n\n"
            "The council said the fee would apply from June."
        ).encode("latin-1"),
        "Caf\u00e9 owners",
    ),
    "utf16.txt": (
        "\ufeffNa\u00efve visitors queued for hours on Sunday, the museum said.\n\n"
        "The museum said it would extend its opening hours in July.".encode("utf-16-le"),
        "Na\u00efve visitors",
    ),
    "mislabelled.html": (_mislabelled_page(), "Ren\u00e9e Dupr\u00e9"),
}


# --- the workspace -----------------------------------------------------------------------------


def snapshot(db: Path) -> dict[int, dict[str, Any]]:
    """Everything stored per article: the record, the analysis JSON and the raw documents."""
    from storyline.store.articles import article_documents
    from storyline.workspace import Workspace

    out: dict[int, dict[str, Any]] = {}
    with Workspace(str(db)) as ws:
        records = ws.articles(limit=10_000)
        with ws.connect() as conn:
            for record in records:
                docs = article_documents(conn, record.id)
                out[record.id] = {
                    "record": record.to_dict(),
                    "text": record.text,
                    "analysis": ws.analysis(record.id).to_dict(),
                    "documents": [
                        (d.origin, d.raw, d.content_type, d.external_id, d.url, d.hints)
                        for d in docs
                    ],
                }
    return out


@pytest.fixture(scope="module")
def good_workspace(tmp_path_factory: pytest.TempPathFactory, nlp) -> tuple[Path, dict]:
    """A workspace holding the seed and two demo articles, and its snapshot."""
    folder = tmp_path_factory.mktemp("good")
    inbox = folder / "inbox"
    inbox.mkdir()
    shutil.copy(SEED, inbox / "seed.txt")
    (inbox / "demo.jsonl").write_text(_jsonl(_demo_records(2)), encoding="utf-8")
    db = folder / "ws.db"
    code, _out, err = run(["--db", str(db), "ingest", str(inbox), "--published", PUBLISHED])
    assert code == 0, err
    before = snapshot(db)
    assert len(before) == 3
    return db, before


def copy_workspace(db: Path, dest: Path) -> Path:
    """A private copy of the SQLite workspace (the database and any journal files)."""
    for path in db.parent.glob(db.name + "*"):
        shutil.copy(path, dest / path.name)
    return dest / db.name


def assert_untouched(before: dict[int, dict[str, Any]], after: dict[int, dict[str, Any]]) -> None:
    """Every article stored before is byte-identical and still analysed."""
    from storyline.analysis import component_versions

    for article_id, old in before.items():
        new = after[article_id]
        assert new["text"] == old["text"]
        assert new["record"] == old["record"]
        assert new["analysis"] == old["analysis"]
        assert new["analysis"]["versions"] == component_versions()
        assert new["documents"][: len(old["documents"])] == old["documents"]


@dataclass(slots=True)
class Run:
    code: int
    out: str
    err: str
    batch: Path
    db: Path
    before: dict[int, dict[str, Any]]
    after: dict[int, dict[str, Any]]


@pytest.fixture(scope="module")
def junk_run(good_workspace, tmp_path_factory, bomb_member) -> Run:
    """The whole junk batch (plus the odd encodings and a copy of the seed) ingested once."""
    db, before = good_workspace
    work = tmp_path_factory.mktemp("junk")
    db = copy_workspace(db, work)
    batch = work / "batch"
    batch.mkdir()
    for bad in BAD_ITEMS:
        bad.write(batch, bomb_member)
    for name, (data, _) in ODD_ENCODINGS.items():
        (batch / name).write_bytes(data)
    shutil.copy(SEED, batch / "seed-again.txt")  # the same bytes again: a duplicate, not a change
    code, out, err = run(["--db", str(db), "ingest", str(batch), "--published", PUBLISHED])
    return Run(code, out, err, batch, db, before, snapshot(db))


# --- the junk batch ----------------------------------------------------------------------------


def test_ingest_junk_batch_exits_one_without_traceback(junk_run):
    assert junk_run.code == 1, junk_run.err
    assert "Traceback" not in junk_run.out + junk_run.err


def test_ingest_junk_batch_leaves_stored_articles_byte_identical(junk_run):
    assert_untouched(junk_run.before, junk_run.after)


@pytest.mark.parametrize(("origin", "expected"), sorted(GOOD_AMONG_JUNK.items()))
def test_ingest_junk_batch_stores_good_items_among_the_junk(junk_run, origin, expected):
    prefix = str(junk_run.batch / origin)
    new = [a for i, a in junk_run.after.items() if i not in junk_run.before]
    found = [a for a in new if any(d[0].startswith(prefix) for d in a["documents"])]
    assert len(found) == expected, [a["documents"][0][0] for a in new]
    for article in found:
        assert article["analysis"]["versions"], "stored with its analysis"
        assert article["record"]["external_id"] or article["record"]["url"]


@pytest.mark.parametrize("name", sorted(ODD_ENCODINGS))
def test_ingest_odd_encodings_are_stored_with_the_right_text(junk_run, name):
    _data, phrase = ODD_ENCODINGS[name]
    origin = str(junk_run.batch / name)
    found = [
        a
        for i, a in junk_run.after.items()
        if i not in junk_run.before and any(d[0] == origin for d in a["documents"])
    ]
    assert len(found) == 1, f"{name} was not stored"
    assert phrase in found[0]["text"]


@pytest.mark.parametrize("bad", [b for b in BAD_ITEMS if not b.skipped], ids=lambda b: b.name)
def test_ingest_junk_batch_prints_one_failed_line_per_unreadable_item(junk_run, bad):
    origin = str(junk_run.batch / bad.origin)
    lines = [line for line in junk_run.err.splitlines() if line.startswith(f"failed: {origin}: ")]
    assert len(lines) == 1, junk_run.err
    assert bad.reason in lines[0].lower()


@pytest.mark.parametrize(
    "bad",
    [pytest.param(b, id=b.name, marks=[]) for b in BAD_ITEMS],
)
def test_ingest_junk_batch_names_every_bad_item_in_text_output(junk_run, bad):
    origin = str(junk_run.batch / bad.origin)
    lines = [line for line in (junk_run.out + junk_run.err).splitlines() if origin in line]
    assert len(lines) == 1, f"{origin} is not named on one line"
    assert bad.reason in lines[0].lower()


# --- one bad item at a time ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bad_only(good_workspace, tmp_path_factory, bomb_member, request) -> tuple[Bad, Run]:
    """One bad item ingested alone (--format json) into a copy of the good workspace; once per
    item for all the tests below."""
    bad: Bad = request.param
    db, before = good_workspace
    work = tmp_path_factory.mktemp(f"alone-{bad.name}")
    db = copy_workspace(db, work)
    batch = work / "batch"
    batch.mkdir()
    bad.write(batch, bomb_member)
    item = next(batch.iterdir())
    code, out, err = run(["--db", str(db), "ingest", str(item), "--format", "json"])
    return bad, Run(code, out, err, batch, db, before, snapshot(db))


@pytest.mark.parametrize("bad_only", BAD_ITEMS, ids=lambda b: b.name, indirect=True)
def test_ingest_bad_item_alone_is_reported_once_and_loses_nothing(bad_only):
    bad, result = bad_only
    assert "Traceback" not in result.out + result.err
    report = json.loads(result.out)
    origin = str(result.batch / bad.origin)
    listed = [p for p in report["skipped"] + report["failed"] if p["origin"].startswith(origin)]
    assert len(listed) == 1, report
    assert bad.reason in listed[0]["reason"].lower()
    assert "\n" not in listed[0]["reason"]
    assert_untouched(result.before, result.after)


@pytest.mark.parametrize(
    "bad_only",
    [pytest.param(b, id=b.name, marks=[]) for b in BAD_ITEMS],
    indirect=True,
)
def test_ingest_bad_item_alone_exits_one(bad_only):
    _bad, result = bad_only
    assert result.code == 1, result.out


# --- usage errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["ingest"], ["ingest", "x.txt", "--workers", "two"], ["ingest", "x.txt", "--no-such-option"]],
    ids=["no-paths", "workers-not-a-number", "unknown-option"],
)
def test_ingest_usage_error_is_one_line_exit_two(tmp_path, argv):
    code, _out, err = run(["--db", str(tmp_path / "ws.db"), *argv])
    assert code == 2
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) <= 3 and any(line.startswith(("Error", "Usage")) for line in lines), err


# --- empty containers ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.warc.gz"])
def test_ingest_empty_container_file_is_reported(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    _code, out, err = run(
        ["--db", str(tmp_path / "ws.db"), "ingest", str(path), "--format", "json"]
    )
    assert "Traceback" not in err
    report = json.loads(out)
    listed = [p for p in report["skipped"] + report["failed"] if p["origin"].startswith(str(path))]
    assert len(listed) == 1, report
    assert "empty" in listed[0]["reason"].lower()


@pytest.mark.parametrize("name", ["empty.rss", "empty.html", "empty.txt"])
def test_ingest_empty_file_is_reported(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    _code, out, err = run(
        ["--db", str(tmp_path / "ws.db"), "ingest", str(path), "--format", "json"]
    )
    assert "Traceback" not in err
    report = json.loads(out)
    listed = [p for p in report["skipped"] + report["failed"] if p["origin"] == str(path)]
    assert len(listed) == 1, report
    assert report["added"] == 0

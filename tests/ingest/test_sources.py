"""Readers for batch ingest (storyline.ingest.sources, jsonl, feeds, warc)."""

from __future__ import annotations

import gzip
import json
import uuid
import zlib
from pathlib import Path

import pytest

from storyline.ingest import Document, Skipped, iter_documents, load_document
from storyline.ingest import warc as warc_mod

ARTICLE = (
    "WASHINGTON - The Senate approved the spending bill on Tuesday, ending a two-week standoff, "
    "two officials said.\n\nThe House is expected to vote on Thursday."
)
PAGE = (
    "<html><head><title>Senate approves bill</title></head><body><article><h1>Senate approves "
    "bill</h1>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")) * 3
    + "</article></body></html>"
)


def docs_and_skips(paths):
    found = list(iter_documents(paths))
    return [d for d in found if isinstance(d, Document)], [
        s for s in found if isinstance(s, Skipped)
    ]


# Files and folders ------------------------------------------------------------------------


def test_iter_documents_folder_recursive_sorted_hidden_left_out(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "notes").write_text(ARTICLE, encoding="utf-8")  # no suffix: sniffed
    docs, skips = docs_and_skips([tmp_path])
    assert [Path(d.origin).name for d in docs] == ["b.txt", "notes", "a.html"]
    assert [d.content_type for d in docs] == ["text/plain", None, "text/html"]
    assert [(Path(s.origin).name, s.reason) for s in skips] == [
        ("logo.png", "not an article file (.png)")
    ]


def test_iter_documents_missing_path_is_skipped(tmp_path):
    _docs, skips = docs_and_skips([tmp_path / "nope.txt"])
    assert skips[0].reason == "no such file or folder"


def test_iter_documents_oversized_file_is_skipped_without_reading(tmp_path, monkeypatch):
    from storyline.ingest import sources

    monkeypatch.setattr(sources, "MAX_RAW_BYTES", 1000)
    (tmp_path / "big.txt").write_text("x" * 5000, encoding="utf-8")
    _docs, skips = docs_and_skips([tmp_path / "big.txt"])
    assert skips[0].reason == "too large for one article (0.0 MB, limit 0 MB)"


# JSONL ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "x", "text": "cut off', "Unterminated string starting at column 21"),
        ("not json at all", "Expecting value at column 1"),
        ('{"id": "x", "text": "a"', "Expecting ',' delimiter at column 24"),
    ],
    ids=["cut-off-string", "plain-text", "cut-off-object"],
)
def test_iter_documents_jsonl_broken_line_says_where(tmp_path, line, reason):
    # A line cut off mid-record is the usual JSONL damage: the reason says what and where,
    # not "Invalid control character at" (the line's own newline read as part of a string).
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n" + json.dumps({"id": "ok", "text": ARTICLE}) + "\n")
    docs, skips = docs_and_skips([path])
    assert [d.external_id for d in docs] == ["ok"]
    assert [s.reason for s in skips] == [f"not valid JSON ({reason}); one JSON object per line"]


def test_iter_documents_jsonl_bad_lines_skipped_rest_go_on(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "a1",
                "url": "https://www.reuters.com/x",
                "title": "T",
                "text": ARTICLE,
                "published": "2025-12-01",
                "outlet": "Reuters",
            }
        ),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a4", "title": "no body"}),
        json.dumps({"id": "a5", "text": ARTICLE, "published": "0000-00-00"}),
        "",
        json.dumps({"id": 6, "html": PAGE}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, skips = docs_and_skips([path])
    assert [(d.origin, d.external_id, d.content_type) for d in docs] == [
        (f"{path}:1", "a1", "text/plain"),
        (f"{path}:7", "6", "text/html"),
    ]
    assert [(s.origin, s.reason) for s in skips] == [
        (
            f"{path}:2",
            "not valid JSON (Expecting property name enclosed in double quotes at column 2); "
            "one JSON object per line",
        ),
        (f"{path}:3", "expected a JSON object per line, got list"),
        (f"{path}:4", 'no article: give a non-empty "text" or "html" field'),
        (
            f"{path}:5",
            "invalid published date '0000-00-00': give a real calendar date as YYYY-MM-DD",
        ),
    ]
    art = load_document(docs[0])
    assert (art.published, art.published_source, art.outlet, art.title) == (
        "2025-12-01",
        "jsonl",
        "Reuters",
        "T",
    )


def test_iter_documents_json_array_of_articles(tmp_path):
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([{"id": "x", "text": ARTICLE}, {"id": "y"}]), encoding="utf-8")
    docs, skips = docs_and_skips([path])
    assert [d.external_id for d in docs] == ["x"]
    assert skips[0].origin == f"{path}#1"


# Feeds ----------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>&lol4;</title><description>&lol4;</description></item>
</channel></rss>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title></item></channel></rss>"""

ENTITY_REFUSED = (
    "feed declares XML entities (<!ENTITY>): refused as a possible entity-expansion bomb; "
    "remove the DOCTYPE"
)


@pytest.mark.parametrize(
    "data",
    [
        BILLION_LAUGHS,
        XXE,
        BILLION_LAUGHS.decode().replace('"1.0"?>', '"1.0" encoding="utf-16"?>').encode("utf-16"),
    ],
    ids=["billion-laughs", "external-entity", "utf16-bomb"],
)
def test_iter_documents_feed_with_entities_is_refused(tmp_path, data):
    path = tmp_path / "bomb.rss"
    path.write_bytes(data)
    docs, skips = docs_and_skips([path])
    assert docs == []
    assert [(s.origin, s.reason) for s in skips] == [(str(path), ENTITY_REFUSED)]


def test_iter_documents_feed_entry_linking_local_page_yields_the_page(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "senate.html").write_text(PAGE, encoding="utf-8")
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local Paper</title>
<item><guid>e1</guid><title>Senate approves bill</title><link>pages/senate.html</link>
<description>Short teaser.</description><pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate></item>
<item><guid>e2</guid><title>Second</title><link>https://www.reuters.com/world/second</link>
<description>&lt;p&gt;{ARTICLE}&lt;/p&gt;</description>
<pubDate>Wed, 03 Dec 2025 10:00:00 GMT</pubDate></item>
</channel></rss>"""
    path = tmp_path / "local.rss"
    path.write_text(feed, encoding="utf-8")
    docs, skips = docs_and_skips([path])
    assert skips == []
    page, entry = docs
    assert page.origin == f"{path}#entry-1 -> {tmp_path / 'pages' / 'senate.html'}"
    assert (page.external_id, page.title, page.published, page.published_source) == (
        "e1",
        "Senate approves bill",
        "2025-12-02",
        "feed",
    )
    assert page.raw == PAGE.encode()
    assert (entry.external_id, entry.url, entry.outlet, entry.content_type) == (
        "e2",
        "https://www.reuters.com/world/second",
        "Reuters",
        "text/html",
    )
    art = load_document(entry)
    assert (art.published, art.published_source, art.dateline) == (
        "2025-12-03",
        "feed",
        "Washington",
    )


def test_iter_documents_json_feed(tmp_path):
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Example",
        "items": [
            {
                "id": "1",
                "url": "https://example.org/a",
                "title": "A",
                "content_text": ARTICLE,
                "date_published": "2025-12-01T08:00:00Z",
            },
            {"id": "2"},
        ],
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    docs, skips = docs_and_skips([path])
    assert [(d.external_id, d.published, d.content_type, d.outlet) for d in docs] == [
        ("1", "2025-12-01", "text/plain", "Example")
    ]
    assert skips[0].reason == (
        "feed entry has no text, only a title or link: storyline fetches no pages; save the "
        "linked page and ingest it, or use a full-text feed"
    )


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("name", "entries", "first_date"),
    [
        ("guardian.rss", 55, "2018-01-31"),
        ("heise.atom", 15, "2016-02-01"),
        ("npr-technology.feed.json", 25, "2021-10-29"),
        # ISO-8859-1 without a declaration, Portuguese day and month names in pubDate.
        ("uolNoticias.rss", 11, "2018-09-24"),
        ("encoding.rss", 40, "2018-01-03"),
    ],
)
def test_iter_documents_real_feeds(shared_data, name, entries, first_date):
    docs, _skips = docs_and_skips([shared_data / "news-feeds" / name])
    assert len(docs) == entries
    assert docs[0].published == first_date
    assert all(d.published_source == "feed" for d in docs if d.published)


# WARC -----------------------------------------------------------------------------------


def warc_response(target: str, http: bytes) -> bytes:
    """A WARC response record around an HTTP response (head and body), for ``target``."""
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
        f"WARC-Target-URI: {target}\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def warc_record(url: str, body: bytes, *, status: int = 200, ctype: str = "text/html") -> bytes:
    http = (
        f"HTTP/1.1 {status} OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    return warc_response(f"<{url}>", http)


def _corrupt(member: bytes) -> bytes:
    broken = bytearray(member)
    for i in range(len(broken) // 2, len(broken) // 2 + 8):
        broken[i] ^= 0xFF
    return bytes(broken)


@pytest.fixture
def small_caps(monkeypatch):
    monkeypatch.setattr(warc_mod, "MAX_MEMBER_BYTES", 1024 * 1024)


def test_iter_documents_warc_gzip_bomb_and_corrupt_record_rest_go_on(tmp_path, small_caps):
    good1 = gzip.compress(warc_record("https://example.org/1", PAGE.encode()))
    bomb = gzip.compress(warc_record("https://example.org/bomb", b"<html>" + b" " * 3_000_000))
    corrupt = _corrupt(gzip.compress(warc_record("https://example.org/bad", PAGE.encode() * 4)))
    image = gzip.compress(warc_record("https://example.org/x.png", b"\x89PNG", ctype="image/png"))
    redirect = gzip.compress(warc_record("https://example.org/r", b"", status=301))
    good2 = gzip.compress(warc_record("https://example.org/2", PAGE.encode()))
    parts = [good1, bomb, corrupt, image, redirect, good2]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(parts))
    offsets = [sum(len(p) for p in parts[:i]) for i in range(len(parts))]
    found = list(iter_documents([path]))
    summary = [(type(f).__name__, f.origin) for f in found]
    assert summary == [
        ("Document", f"{path}@{offsets[0]}"),
        ("Skipped", f"{path}@{offsets[1]}"),
        ("Skipped", f"{path}@{offsets[2]}"),
        ("Document", f"{path}@{offsets[5]}"),
    ]
    assert found[1].reason == "record inflates to more than 1 MB (possible gzip bomb); skipped"
    assert found[2].reason.startswith("corrupt gzip data (")
    assert found[0].url == "https://example.org/1"  # angle brackets of WARC/1.0 removed
    assert found[0].published is None  # the crawl date is not a publication date
    art = load_document(found[3])
    assert art.dateline == "Washington" and "Senate approved the spending bill" in art.text


def test_iter_documents_warc_file_cap_stops_a_bomb(tmp_path, monkeypatch):
    monkeypatch.setattr(warc_mod, "MIN_FILE_CAP", 2 * 1024 * 1024)
    monkeypatch.setattr(warc_mod, "MAX_FILE_RATIO", 10)
    bomb = gzip.compress(warc_record("https://example.org/bomb", b"<html>" + b"\0" * 8_000_000))
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(gzip.compress(warc_record("https://example.org/1", PAGE.encode())) + bomb)
    found = list(iter_documents([path]))
    assert [type(f).__name__ for f in found] == ["Document", "Skipped"]
    assert found[1].origin == str(path)
    assert found[1].reason.startswith(
        "stopped after 2 MB decompressed from a 1 MB file (limit 10x)"
    )
    assert found[1].reason.endswith("possible gzip bomb")


def test_iter_documents_warc_truncated_and_uncompressed(tmp_path):
    record = warc_record("https://example.org/1", PAGE.encode())
    plain = tmp_path / "plain.warc"
    plain.write_bytes(record * 2)
    docs, skips = docs_and_skips([plain])
    assert len(docs) == 2 and skips == []
    member = gzip.compress(record)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(member + member[: len(member) // 2])
    docs, skips = docs_and_skips([cut])
    assert len(docs) == 1
    assert [(s.origin, s.reason) for s in skips] == [
        (f"{cut}@{len(member)}", "archive ends inside a record (truncated)")
    ]


@pytest.mark.shared_data
def test_iter_documents_real_warc_news_pages_match_ground_truth(shared_data):
    manifest = json.loads(
        (shared_data / "warc-samples" / "aeb-news-sample.manifest.json").read_text()
    )
    items = manifest["items"] if isinstance(manifest, dict) else manifest
    truth = json.loads(
        (shared_data / "article-extraction-benchmark" / "ground-truth.json").read_text()
    )
    by_url = {item["url"]: truth[item["aeb_id"]]["articleBody"] for item in items}
    docs, skips = docs_and_skips([shared_data / "warc-samples" / "aeb-news-sample.warc.gz"])
    assert len(docs) == 25 and skips == []
    for doc in docs[:5]:
        art = load_document(doc)
        first_words = " ".join(by_url[doc.url].split()[:8])
        assert first_words in " ".join(art.text.split()), doc.url


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("name", "pages"),
    [
        ("ukwa-IAH-20080430204825-00000-blackbook-truncated.warc.gz", 2),
        ("ukwa-IAH-20080430204825-00000-blackbook-truncated.arc.gz", 2),
        ("ukwa-IAH-urls-wget.warc.gz", 2),
        ("dolma-sample-0001.warc.gz", 15),
    ],
)
def test_iter_documents_real_crawler_archives(shared_data, name, pages):
    docs, _skips = docs_and_skips([shared_data / "warc-samples" / name])
    assert len(docs) == pages
    assert all(d.url and d.url.startswith("http") and d.external_id == d.url for d in docs)


def test_iter_documents_json_single_article_object_pretty_printed(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "solo", "text": ARTICLE}, indent=2), encoding="utf-8")
    docs, skips = docs_and_skips([path])
    assert [(d.origin, d.external_id) for d in docs] == [(str(path), "solo")] and skips == []


def test_iter_documents_json_list_without_articles_is_one_skip(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps([{"url": "https://a"}, {"url": "https://b"}]), encoding="utf-8")
    docs, skips = docs_and_skips([path])
    assert docs == []
    assert [(s.origin, s.reason) for s in skips] == [
        (str(path), "JSON that is neither a feed nor a list of articles; use JSONL (design.md)")
    ]


def test_iter_documents_warc_gzipped_as_one_member_keeps_distinct_origins(tmp_path):
    records = [warc_record(f"https://example.org/{i}", PAGE.encode()) for i in range(3)]
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(b"".join(records)))
    docs, skips = docs_and_skips([path])
    assert skips == []
    assert [d.url for d in docs] == [f"https://example.org/{i}" for i in range(3)]
    assert [d.origin for d in docs] == [
        f"{path}@0",
        f"{path}@0+{len(records[0])}",
        f"{path}@0+{len(records[0]) + len(records[1])}",
    ]


def test_iter_documents_gzipped_article_files(tmp_path, monkeypatch):
    from storyline.ingest import sources

    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    docs, skips = docs_and_skips([tmp_path])
    assert [(Path(d.origin).name, d.content_type) for d in docs] == [
        ("page.html.gz", "text/html"),
        ("story.txt.gz", "text/plain"),
    ]
    assert docs[0].raw == PAGE.encode() and skips == []
    monkeypatch.setattr(sources, "MAX_RAW_BYTES", 100_000)
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"\0" * 5_000_000))
    _docs, skips = docs_and_skips([tmp_path / "bomb.html.gz"])
    assert skips[0].reason == (
        "gzip file that inflates past the one-article limit (0 MB) or is corrupt"
    )


def test_iter_documents_gzipped_jsonl_asks_to_decompress(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "a", "text": ARTICLE}).encode() + b"\n"))
    _docs, skips = docs_and_skips([path])
    assert [s.reason for s in skips] == ["a compressed feed or JSONL file: decompress it first"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.warc.gz", b"", "empty file: nothing to ingest"),
        ("blank.jsonl", b"\n\n  \n", "no articles found: no JSONL records in it"),
        (
            "cut.warc.gz",
            gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[5:40],
            "no articles found: no WARC records it could read (corrupt, or not a WARC file)",
        ),
    ],
    ids=["empty", "blank-lines", "corrupt-warc"],
)
def test_iter_documents_container_without_articles_says_why(tmp_path, name, content, reason):
    # "empty" for a file of bytes that cannot be read would send the user looking in the
    # wrong place: an empty file and a corrupt archive differ.
    path = tmp_path / name
    path.write_bytes(content)
    _docs, skips = docs_and_skips([path])
    assert [(s.origin, s.reason) for s in skips] == [(str(path), reason)]


def _encoded_record(url: str, body: bytes, encoding: str) -> bytes:
    http = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Encoding: {encoding}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    return warc_response(url, http)


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-15)
    return packer.compress(data) + packer.flush()


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),  # zlib-wrapped, as the RFC says
        ("deflate", _raw_deflate),  # raw, as some servers send it
    ],
    ids=["gzip", "x-gzip", "deflate-zlib", "deflate-raw"],
)
def test_iter_documents_warc_http_compressed_body_is_decoded(tmp_path, encoding, encode):
    # Browser-based crawlers store pages as served, often gzip-encoded: skipping them all
    # would leave such a crawl empty.
    path = tmp_path / "crawl.warc"
    path.write_bytes(_encoded_record("https://example.org/1", encode(PAGE.encode()), encoding))
    docs, skips = docs_and_skips([path])
    assert skips == []
    assert docs[0].raw == PAGE.encode()
    assert "Senate approved the spending bill" in load_document(docs[0]).text


@pytest.mark.parametrize(
    ("encoding", "body", "reason"),
    [
        ("br", b"\x8b\x02\x80garbage", "HTTP body is br-encoded; not decoded (page skipped)"),
        (
            "gzip",
            gzip.compress(b"\0" * (17 * 1024 * 1024)),
            "HTTP body is gzip-encoded and inflates past the one-article limit (16 MB) or is "
            "corrupt; page skipped",
        ),
        (
            "gzip",
            b"not gzip at all",
            "HTTP body is gzip-encoded and inflates past the one-article limit (16 MB) or is "
            "corrupt; page skipped",
        ),
    ],
    ids=["brotli", "gzip-bomb", "gzip-corrupt"],
)
def test_iter_documents_warc_http_body_not_decodable_is_skipped(tmp_path, encoding, body, reason):
    path = tmp_path / "crawl.warc"
    page = _encoded_record("https://example.org/2", PAGE.encode(), "identity")
    path.write_bytes(_encoded_record("https://example.org/1", body, encoding) + page)
    docs, skips = docs_and_skips([path])
    assert [s.reason for s in skips] == [reason]
    assert [d.url for d in docs] == ["https://example.org/2"]


def _chunked(data: bytes, size: int) -> bytes:
    parts = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


def _chunked_record(url: str, body: bytes, *, gzipped: bool = False) -> bytes:
    http = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
        + ("Content-Encoding: gzip\r\n" if gzipped else "")
        + "\r\n"
    ).encode() + body
    return warc_response(url, http)


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_iter_documents_warc_chunked_body_is_joined(tmp_path, gzipped):
    # wget and others store the body as transferred: chunk sizes between the chunks would land
    # in the middle of the article's words.
    payload = gzip.compress(PAGE.encode()) if gzipped else PAGE.encode()
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        _chunked_record("https://example.org/1", _chunked(payload, 37), gzipped=gzipped)
    )
    docs, skips = docs_and_skips([path])
    assert skips == []
    assert docs[0].raw == PAGE.encode()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", ["t5"]),
        ("id", {"n": 1}),
        ("id", True),
        ("title", ["a", "b"]),
        ("url", ["http://x"]),
        ("outlet", {"name": "X"}),
    ],
)
def test_iter_documents_jsonl_field_of_wrong_type_is_named(tmp_path, field, value):
    # A list or object would otherwise be stored as its Python repr ("['t5']") and become the
    # id that `stories --format json` reports.
    path = tmp_path / "in.jsonl"
    rows = [{"id": "ok", "text": ARTICLE}, {"id": "bad", "text": ARTICLE, field: value}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    docs, skips = docs_and_skips([path])
    assert [d.external_id for d in docs] == ["ok"]
    assert [(s.origin, s.reason) for s in skips] == [
        (f"{path}:2", f'invalid "{field}" {value!r}: give a string or a number')
    ]


@pytest.mark.parametrize(("value", "stored"), [(7, "7"), (2.5, "2.5"), (" a1 ", " a1 ")])
def test_iter_documents_jsonl_id_number_or_string_is_kept(tmp_path, value, stored):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": value, "text": ARTICLE}) + "\n", encoding="utf-8")
    docs, _skips = docs_and_skips([path])
    assert [d.external_id for d in docs] == [stored]


@pytest.mark.parametrize("name", ["articles.zip", "crawl.tar", "crawl.tar.gz", "news.tgz", "x.7z"])
def test_iter_documents_archive_says_unpack_it(tmp_path, name):
    # Articles packed in an archive are not read: that is data left out, so it is no benign skip.
    (tmp_path / name).write_bytes(b"PK\x03\x04" + b"\0" * 64)
    _docs, skips = docs_and_skips([tmp_path / name])
    assert [(s.reason, s.benign) for s in skips] == [
        ("an archive: unpack it and ingest the folder (storyline reads no archives)", False)
    ]


def test_iter_documents_jsonl_reads_written_publication_dates(tmp_path):
    # A collection exported from a CMS or scraped from pages keeps dates as printed; an
    # article is not dropped for "May 19, 2020", and an ambiguous "05/06/2020" still is.
    lines = [
        json.dumps({"id": "w1", "text": ARTICLE, "published": "May 19, 2020"}),
        json.dumps({"id": "w2", "text": ARTICLE, "published": "Tue, 19 May 2020 14:03:00 GMT"}),
        json.dumps({"id": "w3", "text": ARTICLE, "published": "05/06/2020"}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, skips = docs_and_skips([path])
    assert [(d.external_id, d.published) for d in docs] == [
        ("w1", "2020-05-19"),
        ("w2", "2020-05-19"),
    ]
    assert [s.origin for s in skips] == [f"{path}:3"]

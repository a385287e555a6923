"""Readers for batch ingest: files, folders, JSONL, feeds and WARC/ARC archives to ``Document``\\ s.

``iter_documents(paths)`` yields one ``Document`` per raw article found, or a ``Skipped`` with
a one-line reason for what could not be read; one bad line, entry or record never stops the
rest. How a path is read:

* a folder: every file below it (sorted, hidden files left out), each read as below;
* ``.jsonl``/``.ndjson``: one article per line (``jsonl.py``);
* ``.warc``/``.warc.gz``/``.arc``/``.arc.gz``: response records holding HTML (``warc.py``);
* ``.rss``/``.atom``/``.xml``/``.rdf``/``.feed.json``: feed entries (``feeds.py``);
* ``.json``: a JSON Feed, one JSONL-style article object, or a list of them;
* ``.html``/``.htm``/``.txt``/``.md``/``.text``: one article each, also gzip-compressed
  (``.html.gz``; inflated to at most the one-article limit, so a gzip bomb is refused);
* ``.png``, ``.css``, ``.pdf``...: skipped, with the reason;
* anything else: sniffed from its first bytes (feed, WARC, JSONL, or one article); a
  compressed feed or JSONL is skipped with a request to decompress it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.dates import iso, parse_written_date
from storyline.errors import InvalidDate
from storyline.ingest.decode import MAX_RAW_BYTES
from storyline.model import Article

ARTICLE_SUFFIXES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
}
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf", ".feed.json")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# Files a folder of pages often holds that are certainly not articles; skipped quietly with a
# reason so the summary says why.
NOT_ARTICLE_SUFFIXES = (
    ".css",
    ".js",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".svg",
    ".ico",
    ".pdf",
    ".woff",
    ".woff2",
    ".ttf",
    ".mp3",
    ".mp4",
    ".parquet",
    # A SQLite workspace and its journals, met when --db lives in the folder being ingested.
    ".db",
    ".sqlite",
    ".sqlite3",
    "-wal",
    "-shm",
    "-journal",
)


@dataclass(slots=True)
class Document:
    """One raw document found in an input."""

    raw: bytes
    origin: str  # "path", "path.jsonl:LINE", "feed.xml#entry-3", "x.warc.gz@OFFSET"
    external_id: str | None = None  # JSONL "id"; feed entry id; WARC target URL
    url: str | None = None
    content_type: str | None = None  # "text/html" | "text/plain" | None (sniff)
    published: str | None = None  # a hint: JSONL "published", feed entry date (not crawl dates)
    published_source: str | None = None  # "jsonl" | "feed"
    title: str | None = None
    outlet: str | None = None


@dataclass(slots=True)
class Skipped:
    """Something in an input that is not (or holds no) readable article."""

    origin: str
    reason: str  # one line: what is wrong and what to do
    # True for what is simply not an article (an image met while walking a folder): reported,
    # but no sign that data was lost, so it does not make the ingest exit non-zero.
    benign: bool = False


def checked_date(value: object, *, what: str) -> str | None:
    """An ISO date from a reader's hint, or None; ``InvalidDate`` for a non-date."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidDate(f"invalid {what} {value!r}: give a real calendar date as YYYY-MM-DD")
    return iso(parse_written_date(value, what=what))


def load_document(doc: Document) -> Article:
    """``load_article`` with the document's hints; the hint's source is kept with the date."""
    from storyline.ingest.article import load_article

    article = load_article(
        doc.raw,
        published=doc.published,
        url=doc.url,
        outlet=doc.outlet,
        title=doc.title,
        content_type=doc.content_type,
    )
    if doc.published and article.published_source == "given":
        article.published_source = doc.published_source or "given"
    return article


def _name(path: Path) -> str:
    return path.name.lower()


def _read_head(path: Path, n: int = 4096) -> bytes:
    with path.open("rb") as fh:
        return fh.read(n)


def _sniff(head: bytes) -> str:
    """'warc' | 'feed' | 'jsonfeed' | 'jsonl' | 'article' | 'gz_other' from a file's first
    bytes ('gz_other': a compressed feed or JSONL, which is not read compressed)."""
    if head.startswith(b"\x1f\x8b"):
        import zlib

        try:
            inner = _sniff(zlib.decompressobj(31).decompress(head, 4096))
        except zlib.error:
            return "article"
        return inner if inner in ("warc", "article") else "gz_other"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    low = stripped[:1024].lower()
    feed_tags = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")
    if low.startswith((b"<?xml", *feed_tags)) and any(tag in low for tag in feed_tags):
        return "feed"
    if stripped.startswith(b"{") and b"jsonfeed.org" in stripped[:2048]:
        return "jsonfeed"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "article"


# Archives: storyline reads none, and what is packed in them is data left out (not benign).
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".7z", ".rar")


# Inputs that hold many articles, named for a user who gave one to a one-article command.
_CONTAINERS = {
    "jsonl": "a JSONL file",
    "warc": "a WARC archive",
    "feed": "a news feed",
    "jsonfeed": "a news feed",
}


def container_kind(raw: bytes, path: Path | None = None) -> str | None:
    """ "a JSONL file", "a WARC archive", ... when the input holds many articles, else None
    (by the file's name when it tells, else by its first bytes)."""
    kind = _kind(path) if path is not None else _sniff(raw[:4096])
    return _CONTAINERS.get(kind)


def _kind(path: Path) -> str:
    name = _name(path)
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    if name.endswith(".json"):
        return "json"
    if name.endswith(ARCHIVE_SUFFIXES):
        return "archive"
    if name.endswith(NOT_ARTICLE_SUFFIXES):
        return "not_article"
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return "article"
    try:
        return _sniff(_read_head(path))
    except OSError:
        return "article"  # the read below reports the error


def read_article_file(path: Path, *, origin: str | None = None) -> Document | Skipped:
    """One file as one article document (size-checked before it is read)."""
    origin = origin or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_RAW_BYTES:
            return Skipped(
                origin,
                f"too large for one article ({size / 1048576:.1f} MB, limit "
                f"{MAX_RAW_BYTES / 1048576:.0f} MB)",
            )
        raw = path.read_bytes()
    except OSError as exc:
        return Skipped(origin, f"cannot read the file: {exc.strerror or exc}")
    suffix = path.suffix.lower()
    if raw.startswith(b"\x1f\x8b"):
        inflated = _gunzip_capped(raw)
        if inflated is None:
            return Skipped(
                origin,
                f"gzip file that inflates past the one-article limit "
                f"({MAX_RAW_BYTES / 1048576:.0f} MB) or is corrupt",
            )
        raw = inflated
        suffix = Path(path.stem).suffix.lower() if suffix == ".gz" else suffix
    return Document(
        raw=raw,
        origin=origin,
        external_id=None,
        content_type=ARTICLE_SUFFIXES.get(suffix),
    )


def _gunzip_capped(data: bytes) -> bytes | None:
    """The inflated bytes, or None when they pass MAX_RAW_BYTES (a bomb) or are corrupt."""
    return inflate_capped(data, wbits=31)


def inflate_capped(data: bytes, *, wbits: int) -> bytes | None:
    """``data`` inflated (zlib ``wbits``: 31 gzip, 15 zlib, -15 raw deflate), or None when it
    passes MAX_RAW_BYTES (a bomb) or is corrupt."""
    import zlib

    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, MAX_RAW_BYTES + 1)
    except zlib.error:
        return None
    if len(out) > MAX_RAW_BYTES or inflater.unconsumed_tail:
        return None
    return out


def _iter_file(path: Path) -> Iterator[Document | Skipped]:
    # A container (JSONL, WARC, feed, JSON) that holds nothing must still show in the report,
    # or an empty export would pass unnoticed.
    found = False
    for item in _iter_file_items(path):
        found = True
        yield item
    if not found:
        yield Skipped(str(path), _nothing_found(path))


# What a container that yielded nothing holds instead, by kind: an empty file and a corrupt
# archive send the user looking in different places.
_NONE_FOUND = {
    "jsonl": "no JSONL records in it",
    "warc": "no WARC records it could read (corrupt, or not a WARC file)",
}


def _nothing_found(path: Path) -> str:
    try:
        empty = path.stat().st_size == 0
    except OSError:
        empty = False
    if empty:
        return "empty file: nothing to ingest"
    found = _NONE_FOUND.get(_kind(path), "no records in it")
    return f"no articles found: {found}"


def _iter_file_items(path: Path) -> Iterator[Document | Skipped]:
    kind = _kind(path)
    if kind == "jsonl":
        from storyline.ingest.jsonl import iter_jsonl

        yield from iter_jsonl(path)
    elif kind == "warc":
        from storyline.ingest.warc import iter_warc

        yield from iter_warc(path)
    elif kind in ("feed", "jsonfeed"):
        from storyline.ingest.feeds import iter_feed

        yield from iter_feed(path)
    elif kind == "gz_other":
        yield Skipped(str(path), "a compressed feed or JSONL file: decompress it first")
    elif kind == "archive":
        yield Skipped(
            str(path), "an archive: unpack it and ingest the folder (storyline reads no archives)"
        )
    elif kind == "not_article":
        yield Skipped(str(path), f"not an article file ({path.suffix.lower()})", benign=True)
    elif kind == "json":
        yield from _iter_json(path)
    else:
        yield read_article_file(path)


def _iter_json(path: Path) -> Iterator[Document | Skipped]:
    """A .json file: a JSON Feed, one JSONL-style article object, or a list of them."""
    try:
        data = json.loads(path.read_bytes()) if path.stat().st_size <= MAX_RAW_BYTES else None
    except (OSError, ValueError) as exc:
        yield Skipped(str(path), f"not valid JSON ({exc}); give JSONL, a JSON Feed or an array")
        return
    if isinstance(data, dict) and "items" in data:
        from storyline.ingest.feeds import iter_feed

        yield from iter_feed(path)
    elif isinstance(data, list) and any(
        isinstance(item, dict) and ("text" in item or "html" in item) for item in data
    ):
        from storyline.ingest.jsonl import record_to_document

        for i, item in enumerate(data):
            yield record_to_document(item, origin=f"{path}#{i}")
    elif isinstance(data, dict) and ("text" in data or "html" in data):
        from storyline.ingest.jsonl import record_to_document

        yield record_to_document(data, origin=str(path))
    else:
        yield Skipped(
            str(path), "JSON that is neither a feed nor a list of articles; use JSONL (design.md)"
        )


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document | Skipped]:
    """Every document in the given files and folders, in a stable order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                # Most often a wrong path or an unmounted share: silence would read as success.
                yield Skipped(
                    str(path), "a folder with no files to read (hidden ones are left out)"
                )
            for file in files:
                yield from _iter_file(file)
        elif path.is_file():
            yield from _iter_file(path)
        elif path.exists():
            yield Skipped(str(path), "not a regular file or folder")
        else:
            yield Skipped(str(path), "no such file or folder")

"""WARC and ARC archives to documents: response records that hold HTML pages.

Parsing is fastwarc's for WARC (ARC, which fastwarc does not read, is parsed here: a header
line then a length-prefixed block). Compressed archives are decompressed *here*, one gzip member
at a time, before fastwarc sees them, because that is where the dangers are:

* a gzip bomb (a few MB that inflate to many GB): every member is capped at
  ``MAX_MEMBER_BYTES`` decompressed (a larger one is dropped and reported) and the whole file at
  ``MAX_FILE_RATIO`` times its compressed size (past it, reading stops with a ``Skipped``);
* a corrupt record: a member that fails to inflate is dropped and reported, and reading goes on
  from the next gzip member, so the records after it are not lost.

Records are read only when they are HTTP ``response`` (or ``resource``) records with an HTML
content type and a 2xx status; images, scripts, requests and metadata are not articles and are
passed over silently. The crawl date is NOT a publication date and is not used as one.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import BinaryIO

from storyline.ingest.decode import MAX_RAW_BYTES
from storyline.ingest.sources import Document, Skipped, inflate_capped

# One record of a news crawl is a page (< 16 MB); 64 MB leaves room for big non-HTML records.
MAX_MEMBER_BYTES = 64 * 1024 * 1024
# WARCs of HTML inflate 4-10x; 50x means something is wrong. The floor lets small files with
# highly compressible records through.
MAX_FILE_RATIO = 50
MIN_FILE_CAP = 256 * 1024 * 1024
CHUNK = 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b\x08"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Limit(Exception):
    """Decompression stopped: the file inflates past its cap."""


class Members:
    """The members of a multi-member gzip file, inflated one by one within the caps.

    ``__iter__`` yields (compressed offset, inflated bytes) for each member that inflated
    completely; dropped members are recorded in ``problems`` as (compressed offset, reason)
    and reading goes on at the next member.
    """

    def __init__(self, fh: BinaryIO, compressed_size: int) -> None:
        self._fh = fh
        # Compressed bytes read and not yet used are _buf[_start:]; an offset instead of
        # slicing keeps a file of many small records from copying its buffer per record.
        self._buf = b""
        self._start = 0
        self._pos = 0  # compressed file offset of _buf[_start]
        self.inflated = 0
        self.cap = max(MIN_FILE_CAP, MAX_FILE_RATIO * compressed_size)
        self.problems: list[tuple[int, str]] = []

    def _avail(self) -> int:
        return len(self._buf) - self._start

    def _advance(self, n: int) -> None:
        self._start += n
        self._pos += n

    def _fill(self) -> bool:
        chunk = self._fh.read(CHUNK)
        if not chunk:
            return False
        self._buf = self._buf[self._start :] + chunk
        self._start = 0
        return True

    def _resync(self, skip: int) -> None:
        """Move to the next gzip member at least ``skip`` bytes ahead."""
        while True:
            found = self._buf.find(_GZIP_MAGIC, self._start + skip)
            if found >= 0:
                self._advance(found - self._start)
                return
            # Keep a tail that may hold the start of a split magic number.
            keep = min(self._avail(), len(_GZIP_MAGIC) - 1)
            self._advance(self._avail() - keep)
            skip = 0
            if not self._fill():
                self._advance(self._avail())
                return

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        while self._avail() or self._fill():
            member_start = self._pos
            if not self._buf.startswith(_GZIP_MAGIC[:2], self._start):
                self.problems.append((member_start, "not a gzip member here; skipped to the next"))
                self._resync(1)
                continue
            data = self._member(member_start)
            if data is not None:
                yield member_start, data

    def _member(self, member_start: int) -> bytes | None:
        """Inflate the member at the head of the buffer; None when it is dropped."""
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        parts: list[bytes] = []
        size = 0
        too_big = False
        consumed = 0  # bytes after _start this member has used
        at_start = True  # the buffer still begins with this member's header
        while True:
            if consumed >= self._avail():
                self._advance(consumed)
                consumed, at_start = 0, False
                if not self._fill():
                    self.problems.append((member_start, "archive ends inside a record (truncated)"))
                    return None
            view = memoryview(self._buf)[self._start + consumed :]
            try:
                data = inflater.decompress(view, CHUNK)
            except zlib.error as exc:
                self.problems.append((member_start, f"corrupt gzip data ({exc}); record skipped"))
                self._resync(1 if at_start else consumed)
                return None
            size += len(data)
            self.inflated += len(data)
            if self.inflated > self.cap:
                raise _Limit
            if size > MAX_MEMBER_BYTES:
                too_big, parts = True, []
            elif not too_big:
                parts.append(data)
            if inflater.eof:
                consumed = len(view) - len(inflater.unused_data) + consumed
                break
            consumed += len(view) - len(inflater.unconsumed_tail)
        self._advance(consumed)
        if too_big:
            self.problems.append(
                (
                    member_start,
                    f"record inflates to more than {MAX_MEMBER_BYTES // 1048576} MB "
                    "(possible gzip bomb); skipped",
                )
            )
            return None
        return b"".join(parts)


def _clean_uri(uri: str | None) -> str | None:
    if not uri:
        return None
    return uri.strip().strip("<>") or None


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _origin(name: str, base: int | None, pos: int) -> str:
    """ "x.warc.gz@OFFSET": the record's gzip member, or its byte offset in an uncompressed file.

    A member holding several records (a whole file gzipped at once) numbers them
    "@OFFSET+POS" so every record keeps a distinct origin.
    """
    if base is None:
        return f"{name}@{pos}"
    return f"{name}@{base}" if pos == 0 else f"{name}@{base}+{pos}"


def _reraise_fatal(exc: BaseException) -> None:
    # fastwarc reports some malformed input as a Rust panic, a BaseException; that is bad
    # data, not a reason to stop the process, unlike these.
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
        raise exc


def _warc_records(
    source: str | BinaryIO, name: str, base: int | None
) -> Iterator[Document | Skipped]:
    """Records of a WARC file (a path) or of one inflated gzip member (a stream).

    ``base`` is the member's compressed offset (origins name it: "x.warc.gz@OFFSET"); None for
    an uncompressed file, whose origins carry each record's own offset.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    types = WarcRecordType.response | WarcRecordType.resource
    try:
        it = iter(ArchiveIterator(source, record_types=types, parse_http=False, quirks_mode=True))
    except BaseException as exc:
        _reraise_fatal(exc)
        yield Skipped(f"{name}@{base or 0}", f"unreadable WARC data ({type(exc).__name__})")
        return
    while True:
        try:
            record = next(it)
        except StopIteration:
            return
        except BaseException as exc:
            _reraise_fatal(exc)
            yield Skipped(f"{name}@{base or 0}", f"unreadable WARC record ({exc}); skipped")
            return
        origin = _origin(name, base, record.stream_pos)
        uri = _clean_uri(record.headers.get("WARC-Target-URI"))
        if record.content_length > MAX_RAW_BYTES + 65536:
            if _is_html(record.headers.get("Content-Type")):
                yield Skipped(
                    origin, f"record too large for one article ({record.content_length} bytes)"
                )
            continue
        block = record.reader.read(MAX_RAW_BYTES + 65536)
        doc = _http_document(block, origin, uri, record.headers.get("Content-Type"))
        if doc is not None:
            yield doc


# Content-Encoding -> zlib wbits to try in turn ("deflate" is zlib-wrapped by the RFC, raw from
# some servers).
_INFLATE = {"gzip": (31,), "x-gzip": (31,), "deflate": (15, -15)}


def _inflate(body: bytes, encoding: str) -> bytes | None:
    for wbits in _INFLATE[encoding]:
        inflated = inflate_capped(body, wbits=wbits)
        if inflated is not None:
            return inflated
    return None


def _dechunked(body: bytes) -> bytes:
    """A chunked HTTP body joined (the sizes between chunks would land inside words); a body
    whose framing does not parse is kept as it is."""
    out: list[bytes] = []
    pos = 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            return body
        try:
            size = int(body[pos:eol].split(b";", 1)[0], 16)
        except ValueError:
            return body
        if size == 0:
            return b"".join(out)
        start = eol + 2
        if start + size > len(body):
            out.append(body[start:])  # cut short by the crawler: keep what there is
            return b"".join(out)
        out.append(body[start : start + size])
        pos = start + size + 2


def _http_document(
    block: bytes, origin: str, uri: str | None, block_type: str | None
) -> Document | Skipped | None:
    """An HTML page from a record's block (an HTTP response, or a bare resource)."""
    if block_type and "application/http" not in block_type.lower():
        if not _is_html(block_type):
            return None
        return Document(raw=block, origin=origin, external_id=uri, url=uri, content_type=block_type)
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    if not sep:
        return None
    lines = head.decode("latin-1").splitlines()
    if not lines or not lines[0].startswith("HTTP/"):
        return None
    status = lines[0].split()
    if len(status) < 2 or not status[1].startswith("2"):
        return None
    headers = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers[key.strip().lower()] = value.strip()
    content_type = headers.get("content-type")
    if not _is_html(content_type):
        return None
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunked(body)
    encoding = headers.get("content-encoding", "identity").lower()
    if encoding in _INFLATE:
        # Browser-based crawlers store pages as served, often compressed; the cap stops a bomb.
        inflated = _inflate(body, encoding)
        if inflated is None:
            return Skipped(
                origin,
                f"HTTP body is {encoding}-encoded and inflates past the one-article limit "
                f"({MAX_RAW_BYTES // 1048576} MB) or is corrupt; page skipped",
            )
        body = inflated
    elif encoding not in ("identity", ""):
        return Skipped(origin, f"HTTP body is {encoding}-encoded; not decoded (page skipped)")
    if not body.strip():
        return Skipped(origin, "HTML response with an empty body")
    return Document(raw=body, origin=origin, external_id=uri, url=uri, content_type=content_type)


def _arc_records(stream: BinaryIO, name: str, base: int | None) -> Iterator[Document | Skipped]:
    """ARC v1: "URL IP DATE MIME LENGTH" line, then LENGTH bytes (an HTTP response)."""
    position = 0
    while True:
        line = stream.readline(8192)
        if not line:
            return
        start = position
        position += len(line)
        if not line.strip():
            continue
        origin = _origin(name, base, start)
        fields = line.decode("latin-1").split()
        try:
            length = int(fields[-1])
        except (ValueError, IndexError):
            yield Skipped(origin, "malformed ARC record header; the rest of this part is lost")
            return
        if length > MAX_RAW_BYTES + 65536:
            _drain(stream, length)
            position += length
            continue
        block = stream.read(length)
        position += len(block)
        if fields[0].startswith("filedesc:"):
            continue
        doc = _http_document(block, origin, fields[0], "application/http")
        if doc is not None:
            yield doc


def _drain(fh: BinaryIO, n: int) -> None:
    while n > 0:
        got = fh.read(min(n, CHUNK))
        if not got:
            return
        n -= len(got)


def iter_warc(path: Path) -> Iterator[Document | Skipped]:
    """HTML documents from one WARC or ARC file (gzip-compressed or not)."""
    name = str(path)
    is_arc = path.name.lower().endswith((".arc", ".arc.gz"))
    try:
        fh = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        yield Skipped(name, f"cannot read the file: {exc.strerror or exc}")
        return
    with fh:
        if fh.read(2) != b"\x1f\x8b":
            fh.seek(0)
            if is_arc:
                yield from _arc_records(fh, name, None)
            else:
                yield from _warc_records(str(path), name, None)
            return
        fh.seek(0)
        members = Members(fh, size)
        reported = 0
        try:
            for offset, data in members:
                reported = yield from _problems(members, name, reported)
                stream = io.BytesIO(data)
                if is_arc:
                    yield from _arc_records(stream, name, offset)
                else:
                    yield from _warc_records(stream, name, offset)
        except _Limit:
            yield from _problems(members, name, reported)
            yield Skipped(
                name,
                f"stopped after {members.inflated // 1048576} MB decompressed from a "
                f"{max(1, size // 1048576)} MB file (limit {MAX_FILE_RATIO}x): possible gzip bomb",
            )
            return
        yield from _problems(members, name, reported)


def _problems(members: Members, name: str, reported: int) -> Generator[Skipped, None, int]:
    for offset, reason in members.problems[reported:]:
        yield Skipped(f"{name}@{offset}", reason)
    return len(members.problems)

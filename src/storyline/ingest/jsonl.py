"""JSONL input (design.md): one article a line,
``{"id", "url", "title", "text" | "html", "published", "outlet"}``.

A bad line (not JSON, not an object, no text, a date that is not a date) becomes a ``Skipped``
naming ``file:LINE`` and the fix; the other lines go on. ``id`` is kept as the external id.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.errors import InvalidDate
from storyline.ingest.decode import MAX_RAW_BYTES
from storyline.ingest.sources import Document, Skipped, checked_date

FIELDS = ("id", "url", "title", "text", "html", "published", "outlet")


class _WrongType(ValueError):
    """A field that is neither a string nor a number (a list, an object, true/false)."""


def _opt_str(record: dict[str, Any], key: str, *, strip: bool = True) -> str | None:
    """The field as text, or None when absent or blank (``strip=False``: kept verbatim)."""
    value = record.get(key)
    if value is None:
        return None
    # str() of a list or object would store its Python repr ("['t5']") as the id or title.
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _WrongType(f'invalid "{key}" {value!r}: give a string or a number')
    text = str(value)
    if not text.strip():
        return None
    return text.strip() if strip else text


def record_to_document(record: object, *, origin: str) -> Document | Skipped:
    """One JSON object as a ``Document``, or why it cannot be one."""
    if not isinstance(record, dict):
        return Skipped(origin, f"expected a JSON object per line, got {type(record).__name__}")
    html, text = record.get("html"), record.get("text")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str) or not body.strip():
        return Skipped(origin, 'no article: give a non-empty "text" or "html" field')
    try:
        published = checked_date(record.get("published"), what="published date")
    except InvalidDate as exc:
        return Skipped(origin, str(exc))
    try:
        ext_id = _opt_str(record, "id", strip=False)  # the user's id, as given
        url, title, outlet = (_opt_str(record, key) for key in ("url", "title", "outlet"))
    except _WrongType as exc:
        return Skipped(origin, str(exc))
    return Document(
        raw=body.encode("utf-8", "surrogatepass"),
        origin=origin,
        external_id=ext_id,
        url=url,
        content_type="text/html" if body is html else "text/plain",
        published=published,
        published_source="jsonl" if published else None,
        title=title,
        outlet=outlet,
    )


def iter_jsonl(path: Path) -> Iterator[Document | Skipped]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Skipped(str(path), f"cannot read the file: {exc.strerror or exc}")
        return
    with fh:
        for number, line in enumerate(fh, start=1):
            origin = f"{path}:{number}"
            if len(line) > MAX_RAW_BYTES:
                yield Skipped(origin, "line too large for one article")
                continue
            if not line.strip():
                continue
            try:
                # Without its newline, a line cut off mid-string reads "Unterminated string",
                # not "Invalid control character".
                record = json.loads(line.rstrip(b"\r\n"))
            except ValueError as exc:
                reason = _json_problem(exc)
                yield Skipped(origin, f"not valid JSON ({reason}); one JSON object per line")
                continue
            yield record_to_document(record, origin=origin)


def _json_problem(exc: ValueError) -> str:
    """What is wrong with a line and where: "Expecting value at column 1"."""
    if not isinstance(exc, json.JSONDecodeError):
        return str(exc)  # e.g. bytes that are not UTF-8
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"

"""RSS, Atom and JSON feeds to documents: each entry's own content, or its linked page when the
link is a local file.

Safety first: an XML feed that declares entities (``<!ENTITY``, the "billion laughs" bomb and
external-entity tricks) is refused before any parser sees it; every feed is size-capped.
Parsing is feedparser's (lenient with real-world feeds); JSON Feed, which feedparser 6.0 does
not read, is read here. An entry whose linked page is a readable local file yields that page
(with the entry's title, date and id) *instead of* the entry's teaser, so one article is not
counted twice.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from storyline.errors import InvalidDate
from storyline.ingest.outlets import outlet_for_url
from storyline.ingest.sources import Document, Skipped, checked_date, read_article_file

# Languages tried for feed dates feedparser cannot read, when the feed declares none.
DATE_LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "nl", "ru", "tr", "id", "pl", "sv")
# A feed is a list of teasers; tens of MB means something else.
MAX_FEED_BYTES = 32 * 1024 * 1024

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_ENTITY_DECL_TEXT = re.compile(r"<!ENTITY", re.I)


def declares_entities(data: bytes) -> bool:
    """True when an XML document declares entities, in whatever encoding it is written."""
    if _ENTITY_DECL.search(data):
        return True
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:64]:
        for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
            try:
                if _ENTITY_DECL_TEXT.search(data.decode(codec)):
                    return True
            except UnicodeDecodeError:
                continue
    try:
        import defusedxml.ElementTree as det

        det.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (det.EntitiesForbidden, det.ExternalReferenceForbidden):
        return True
    except Exception:  # malformed XML is feedparser's business, not a bomb
        return False
    return False


def _struct_date(value: Any) -> str | None:
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC).date().isoformat()
    except (TypeError, ValueError, OverflowError):
        return None


def _text_date(value: str | None, language: str | None = None) -> str | None:
    """A feed date feedparser could not parse (e.g. Portuguese day and month names).

    The feed's declared language, else a short list of common news languages, narrows
    dateparser's search: trying all its languages costs ~15 s the first time.
    """
    if not value or not re.search(r"\b\d{4}\b", value):
        return None  # without a year, dateparser would fill in from today
    import dateparser

    languages = sorted({language, "en"}) if language else list(DATE_LANGUAGES)
    settings = {"RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parsed = dateparser.parse(value, languages=languages, settings=settings)
    except ValueError:  # a language dateparser does not know
        parsed = dateparser.parse(value, languages=list(DATE_LANGUAGES), settings=settings)
    return parsed.date().isoformat() if parsed else None


def _language(feed: Any) -> str | None:
    """'pt' from a feed's 'pt-br' language tag."""
    tag = feed.get("language") if hasattr(feed, "get") else None
    return tag.split("-")[0].strip().lower() or None if isinstance(tag, str) else None


def _entry_date(entry: Any, language: str | None = None) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        with warnings.catch_warnings():
            # feedparser warns about its own updated->published fallback mapping.
            warnings.simplefilter("ignore", DeprecationWarning)
            found = _struct_date(entry.get(key))
        if found:
            return found
    for key in ("published", "updated", "created"):
        found = _text_date(entry.get(key), language)
        if found:
            return found
    return None


def _local_page(link: str | None, feed_path: Path) -> Path | None:
    """The local file an entry links to (file:// URL, absolute or feed-relative path)."""
    if not link:
        return None
    parts = urlsplit(link)
    if parts.scheme == "file":
        candidate = Path(unquote(parts.path))
    elif parts.scheme or link.startswith("//"):
        return None
    else:
        candidate = Path(unquote(link))
        if not candidate.is_absolute():
            candidate = feed_path.parent / candidate
    return candidate if candidate.is_file() else None


def _entry_document(
    *,
    origin: str,
    content: str,
    content_type: str | None,
    ext_id: str | None,
    link: str | None,
    title: str | None,
    published: str | None,
    feed_title: str | None,
    feed_path: Path,
) -> Document | Skipped:
    try:
        published = checked_date(published, what="feed entry date")
    except InvalidDate:
        published = None  # a broken entry date loses the hint, not the entry
    page = _local_page(link, feed_path)
    outlet = (outlet_for_url(link) if link and not page else None) or feed_title
    if page is not None:
        doc = read_article_file(page, origin=f"{origin} -> {page}")
        if isinstance(doc, Document):
            doc.external_id, doc.title, doc.outlet = ext_id or str(page), title, outlet
            doc.published, doc.published_source = published, "feed" if published else None
            return doc
    if not content.strip():
        # Many feeds carry headlines only; say why nothing is read and what would be.
        return Skipped(
            origin,
            "feed entry has no text, only a title or link: storyline fetches no pages; save "
            "the linked page and ingest it, or use a full-text feed",
        )
    return Document(
        raw=content.encode("utf-8", "surrogatepass"),
        origin=origin,
        external_id=ext_id or link,
        url=link if link and not page else None,
        content_type=content_type,
        published=published,
        published_source="feed" if published else None,
        title=title,
        outlet=outlet,
    )


def _content_type(kind: str | None) -> str | None:
    if not kind:
        return None
    if "html" in kind:
        return "text/html"
    return "text/plain" if "plain" in kind else None


def _iter_xml_feed(path: Path, data: bytes) -> Iterator[Document | Skipped]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        reason = f"not a readable feed ({why})" if why else "feed has no entries"
        yield Skipped(str(path), reason)
        return
    feed_title = parsed.feed.get("title") or None
    language = _language(parsed.feed)
    for i, entry in enumerate(parsed.entries, start=1):
        contents = entry.get("content") or []
        best = max(contents, key=lambda c: len(c.get("value") or ""), default=None)
        if best and (best.get("value") or "").strip():
            content, kind = best.get("value") or "", best.get("type")
        else:
            detail = entry.get("summary_detail") or {}
            content, kind = entry.get("summary") or "", detail.get("type")
        yield _entry_document(
            origin=f"{path}#entry-{i}",
            content=content,
            content_type=_content_type(kind) or "text/html",
            ext_id=entry.get("id") or None,
            link=entry.get("link") or None,
            title=entry.get("title") or None,
            published=_entry_date(entry, language),
            feed_title=feed_title,
            feed_path=path,
        )


def _iter_json_feed(path: Path, data: bytes) -> Iterator[Document | Skipped]:
    try:
        feed = json.loads(data)
    except ValueError as exc:
        yield Skipped(str(path), f"not valid JSON ({exc})")
        return
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list) or not items:
        yield Skipped(str(path), "JSON Feed has no items")
        return
    feed_title = feed.get("title") if isinstance(feed.get("title"), str) else None
    for i, item in enumerate(items, start=1):
        origin = f"{path}#entry-{i}"
        if not isinstance(item, dict):
            yield Skipped(origin, "JSON Feed item is not an object")
            continue
        html, text = item.get("content_html"), item.get("content_text")
        if isinstance(html, str) and html.strip():
            content, kind = html, "text/html"
        elif isinstance(text, str) and text.strip():
            content, kind = text, "text/plain"
        else:
            content, kind = str(item.get("summary") or ""), "text/plain"
        date = item.get("date_published") or item.get("date_modified")
        yield _entry_document(
            origin=origin,
            content=content,
            content_type=kind,
            ext_id=str(item["id"]) if item.get("id") is not None else None,
            link=item.get("url") or None,
            title=item.get("title") or None,
            published=date[:10] if isinstance(date, str) and len(date) >= 10 else None,
            feed_title=feed_title,
            feed_path=path,
        )


def iter_feed(path: Path) -> Iterator[Document | Skipped]:
    """Documents from one feed file."""
    try:
        size = path.stat().st_size
        if size > MAX_FEED_BYTES:
            yield Skipped(str(path), f"feed too large ({size / 1048576:.0f} MB)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(str(path), f"cannot read the file: {exc.strerror or exc}")
        return
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _iter_json_feed(path, data)
        return
    if declares_entities(data):
        yield Skipped(
            str(path),
            "feed declares XML entities (<!ENTITY>): refused as a possible entity-expansion "
            "bomb; remove the DOCTYPE",
        )
        return
    yield from _iter_xml_feed(path, data)

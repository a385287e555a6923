"""Repository functions for the article aggregate: articles, their raw documents, analyses.

Every function takes an open ``Connection`` (from ``Workspace.begin()`` or ``.connect()``), so a
caller composes several into one transaction. Articles are keyed by ``content_key``: the sha256
of the normalised cleaned text and of its publication day, so the same content from two places
on one day is one article with two documents, analysed once, while a copy republished on another
day is an article of its own, analysed against its own date: its "on Friday" or "yesterday" is
another day. Copies of one text stay one independent source through the syndication links
(``storyline.stories.dedup``: their word sequences hash alike), whatever their dates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from storyline.model import Analysis, Article, analysis_from_dict
from storyline.store.engine import storable_id, upsert_ignore, upsert_update
from storyline.store.schema import analyses, articles, documents

_SPACE = re.compile(r"\s+")


def publication_day(published: str | None) -> str | None:
    """The calendar day (``YYYY-MM-DD``) of an ISO publication date or datetime, else None."""
    return published[:10] if published else None


def content_key(text: str, published: str | None = None) -> str:
    """sha256 of the text with Unicode forms, case and runs of whitespace (NBSP too) folded, so
    a copy that differs only in spacing or typography is the same article; with the day of
    ``published`` after it, so the same text published on another day is another article (its
    relative dates resolve against that day). An undated text is keyed by its text alone.

    Migration ``20261127_0005`` holds a frozen copy of this function: change both together."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    day = publication_day(published)
    if day:
        # The folded text holds no newline, so text and day cannot run into each other.
        norm = f"{norm}\n{day}"
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def raw_key(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """A stored article: the ``Article`` fields plus its workspace id and bookkeeping."""

    id: int
    content_key: str
    external_id: str | None
    url: str | None
    title: str | None
    outlet: str | None
    wire: str | None
    published: str | None
    published_source: str | None
    dateline: str | None
    byline: str | None
    extractor: str | None
    text: str
    created_at: dt.datetime
    updated_at: dt.datetime

    def to_article(self) -> Article:
        return Article(
            text=self.text,
            title=self.title,
            url=self.url,
            outlet=self.outlet,
            wire=self.wire,
            published=self.published,
            published_source=self.published_source,
            dateline=self.dateline,
            byline=self.byline,
            extractor=self.extractor,
        )

    def to_dict(self) -> dict[str, Any]:
        d = self.to_article().to_dict()
        d.update(id=self.id, external_id=self.external_id)
        return d


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A raw document as it arrived: the bytes and everything the source said about them."""

    id: int
    article_id: int
    origin: str
    raw: bytes
    content_type: str | None
    external_id: str | None
    url: str | None
    hints: dict[str, Any]
    seen_at: dt.datetime


_ARTICLE_COLUMNS = [c for c in articles.c if c.name not in ("warnings", "linked_at", "language")]


def _record(row: sa.Row[Any]) -> ArticleRecord:
    m = row._mapping
    return ArticleRecord(**{c.name: m[c.name] for c in _ARTICLE_COLUMNS})


def _article_values(article: Article) -> dict[str, Any]:
    return {
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "wire": article.wire,
        "published": article.published,
        "published_source": article.published_source,
        "dateline": article.dateline,
        "byline": article.byline,
        "language": article.language,
        "extractor": article.extractor,
        "text": article.text,
        "warnings": list(article.warnings),
    }


def insert_article(
    conn: sa.Connection, article: Article, *, external_id: str | None = None
) -> tuple[int, bool]:
    """Store the article unless its content, published the same day, is already there:
    ``(id, created)``.

    Safe against another process inserting the same content at the same moment: the unique key
    decides, and the loser reads the winner's id.
    """
    key = content_key(article.text, article.published)
    now = utcnow()
    values = _article_values(article) | {
        "content_key": key,
        "external_id": external_id,
        "created_at": now,
        "updated_at": now,
    }
    result = conn.execute(upsert_ignore(conn, articles).values(**values).returning(articles.c.id))
    new_id = result.scalar_one_or_none()
    if new_id is not None:
        return int(new_id), True
    existing = conn.execute(
        sa.select(articles.c.id).where(articles.c.content_key == key)
    ).scalar_one()
    return int(existing), False


def update_article(conn: sa.Connection, article_id: int, article: Article) -> bool:
    """Replace the stored fields with a re-extracted article; False when its new text and day
    are already another article's (the stored one is then kept as it was)."""
    key = content_key(article.text, article.published)
    clash = conn.execute(
        sa.select(articles.c.id).where(articles.c.content_key == key, articles.c.id != article_id)
    ).first()
    if clash is not None:
        return False
    conn.execute(
        articles.update()
        .where(articles.c.id == article_id)
        .values(_article_values(article) | {"content_key": key, "updated_at": utcnow()})
    )
    return True


def add_document(
    conn: sa.Connection,
    article_id: int,
    *,
    raw: bytes,
    origin: str,
    content_type: str | None = None,
    external_id: str | None = None,
    url: str | None = None,
    hints: dict[str, Any] | None = None,
) -> bool:
    """Record where an article's bytes came from; False when this origin had these bytes already."""
    stmt = upsert_ignore(conn, documents).values(
        article_id=article_id,
        origin=origin,
        raw_sha256=raw_key(raw),
        raw=raw,
        content_type=content_type,
        external_id=external_id,
        url=url,
        hints=hints or {},
        seen_at=utcnow(),
    )
    return conn.execute(stmt.returning(documents.c.id)).first() is not None


def save_analysis(conn: sa.Connection, article_id: int, analysis: Analysis) -> None:
    data = analysis.to_dict()
    # The text is articles.text already; keeping it twice would double the workspace.
    data["article"] = {k: v for k, v in data["article"].items() if k != "text"}
    values = {
        "article_id": article_id,
        "data": data,
        "versions": dict(analysis.versions),
        "analyzed_at": utcnow(),
    }
    conn.execute(upsert_update(conn, analyses, ["article_id"], values))


def get_article(conn: sa.Connection, article_id: int) -> ArticleRecord | None:
    if not storable_id(article_id):
        return None
    row = conn.execute(sa.select(*_ARTICLE_COLUMNS).where(articles.c.id == article_id)).first()
    return _record(row) if row else None


def find_article(conn: sa.Connection, ref: str) -> ArticleRecord | None:
    """An article by its external id (what JSONL input and ``stories --format json`` use), else
    by its workspace id."""
    row = conn.execute(
        sa.select(*_ARTICLE_COLUMNS)
        .where(articles.c.external_id == ref)
        .order_by(articles.c.id)
        .limit(1)
    ).first()
    if row:
        return _record(row)
    # A later copy of a stored text keeps its own id on its document (``stories`` lists it).
    copy_of = conn.execute(
        sa.select(documents.c.article_id)
        .where(documents.c.external_id == ref)
        .order_by(documents.c.article_id)
        .limit(1)
    ).scalar_one_or_none()
    if copy_of is not None:
        return get_article(conn, int(copy_of))
    if ref.isdigit():
        return get_article(conn, int(ref))
    return None


def list_articles(
    conn: sa.Connection,
    *,
    limit: int | None = 50,
    offset: int = 0,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    ids: Sequence[int] | None = None,
) -> list[ArticleRecord]:
    """Articles newest first (by publication date, then id); ``since``/``until`` are inclusive
    ISO dates compared with the publication date."""
    stmt = sa.select(*_ARTICLE_COLUMNS)
    if outlet:
        stmt = stmt.where(sa.func.lower(articles.c.outlet) == outlet.lower())
    if since:
        stmt = stmt.where(articles.c.published >= since)
    if until:
        # "2025-12-01T10:00" sorts after "2025-12-01": compare against the next day's start.
        stmt = stmt.where(articles.c.published < _next_day(until))
    if ids is not None:
        stmt = stmt.where(articles.c.id.in_(list(ids)))
    stmt = stmt.order_by(
        articles.c.published.is_(None), articles.c.published.desc(), articles.c.id.desc()
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return [_record(r) for r in conn.execute(stmt)]


def _next_day(iso_date: str) -> str:
    return (dt.date.fromisoformat(iso_date[:10]) + dt.timedelta(days=1)).isoformat()


def count_articles(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())


def all_article_ids(conn: sa.Connection) -> list[int]:
    return [
        int(i) for i in conn.execute(sa.select(articles.c.id).order_by(articles.c.id)).scalars()
    ]


def load_analyses(conn: sa.Connection, article_ids: Iterable[int]) -> dict[int, Analysis]:
    """Analyses by article id (articles never analysed are missing from the answer)."""
    ids = list(article_ids)
    out: dict[int, Analysis] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            sa.select(analyses.c.article_id, analyses.c.data, articles.c.text)
            .join(articles, articles.c.id == analyses.c.article_id)
            .where(analyses.c.article_id.in_(chunk))
        )
        for article_id, data, text in rows:
            data = dict(data)
            data["article"] = dict(data["article"], text=text)
            out[int(article_id)] = analysis_from_dict(data)
    return out


def analysis_versions(conn: sa.Connection, article_id: int) -> dict[str, str] | None:
    value = conn.execute(
        sa.select(analyses.c.versions).where(analyses.c.article_id == article_id)
    ).scalar_one_or_none()
    return dict(value) if value is not None else None


@dataclass(frozen=True, slots=True)
class KnownDocument:
    """A stored document met again by its bytes: where it came from, its article, and the
    publication date its source gave (a JSONL record's, a feed entry's, ``--published``)."""

    origin: str
    article_id: int
    published: str | None


def stored_documents(
    conn: sa.Connection, raw_keys: Iterable[str]
) -> dict[str, list[KnownDocument]]:
    """The stored documents with these byte hashes, by hash (in no particular order: the
    triage asks only whether one of them has the same origin, or the same given day)."""
    keys = sorted(set(raw_keys))
    out: dict[str, list[KnownDocument]] = {}
    for start in range(0, len(keys), 500):
        rows = conn.execute(
            sa.select(
                documents.c.origin,
                documents.c.raw_sha256,
                documents.c.article_id,
                documents.c.hints,
            ).where(documents.c.raw_sha256.in_(keys[start : start + 500]))
        )
        for origin, sha, article_id, hints in rows:
            given = (hints or {}).get("published")
            out.setdefault(sha, []).append(
                KnownDocument(origin, int(article_id), str(given) if given else None)
            )
    return out


def known_documents(conn: sa.Connection, raw_keys: Iterable[str]) -> dict[tuple[str, str], int]:
    """``(origin, raw_sha256) -> article_id`` for the stored documents with these byte hashes
    (``(origin, raw_sha256)`` is unique, so no entry hides another)."""
    return {
        (doc.origin, sha): doc.article_id
        for sha, found in stored_documents(conn, raw_keys).items()
        for doc in found
    }


def article_documents(conn: sa.Connection, article_id: int) -> list[DocumentRecord]:
    """The article's documents, the first one seen first."""
    rows = conn.execute(
        sa.select(documents).where(documents.c.article_id == article_id).order_by(documents.c.id)
    )
    return [
        DocumentRecord(
            id=r.id,
            article_id=r.article_id,
            origin=r.origin,
            raw=bytes(r.raw),
            content_type=r.content_type,
            external_id=r.external_id,
            url=r.url,
            hints=dict(r.hints or {}),
            seen_at=r.seen_at,
        )
        for r in rows
    ]


def unlinked_article_ids(conn: sa.Connection) -> list[int]:
    """Stored articles the cross-article steps have not taken in yet."""
    stmt = sa.select(articles.c.id).where(articles.c.linked_at.is_(None)).order_by(articles.c.id)
    return [int(i) for i in conn.execute(stmt).scalars()]


def mark_linked(conn: sa.Connection, article_ids: Iterable[int]) -> None:
    ids = list(article_ids)
    now = utcnow()
    for start in range(0, len(ids), 500):
        conn.execute(
            articles.update()
            .where(articles.c.id.in_(ids[start : start + 500]))
            .values(linked_at=now)
        )


def external_ids(conn: sa.Connection, article_ids: Iterable[int]) -> dict[int, list[str]]:
    """Every external id each article arrived under (verbatim copies of one text under several
    JSONL ids are one article): the article's own first, then its documents' in arrival order."""
    ids = list(article_ids)
    out: dict[int, list[str]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        own = conn.execute(
            sa.select(articles.c.id, articles.c.external_id).where(articles.c.id.in_(chunk))
        )
        for article_id, eid in own:
            if eid:
                out[int(article_id)].append(eid)
        docs = conn.execute(
            sa.select(documents.c.article_id, documents.c.external_id)
            .where(documents.c.article_id.in_(chunk), documents.c.external_id.is_not(None))
            .order_by(documents.c.id)
        )
        for article_id, eid in docs:
            if eid not in out[int(article_id)]:
                out[int(article_id)].append(eid)
    return out


Copy = tuple[str, str | None, str | None]


def earliest_copies(conn: sa.Connection, article_ids: Iterable[int]) -> dict[int, Copy]:
    """``(key, outlet, published)`` of the earliest document of each article that arrived with
    more than one, when that document was published before the article's own date (the same
    text ingested later under another id, from an outlet that ran it first the same day: a
    copy of another day is an article of its own, linked to this one as an ``exact`` copy). A
    document's date and outlet are those read from it when it was stored
    (``hints["extracted"]``), else those its source gave (a JSONL record, a feed entry), else
    the article's. Ties keep the article's own."""
    ids = list(article_ids)
    out: dict[int, Copy] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        several = (
            sa.select(documents.c.article_id)
            .where(documents.c.article_id.in_(chunk))
            .group_by(documents.c.article_id)
            .having(sa.func.count() > 1)
        )
        rows = conn.execute(
            sa.select(
                documents.c.article_id,
                documents.c.external_id,
                documents.c.hints,
                articles.c.external_id.label("own_id"),
                articles.c.outlet,
                articles.c.published,
            )
            .join(articles, articles.c.id == documents.c.article_id)
            .where(documents.c.article_id.in_(several))
            .order_by(documents.c.article_id, documents.c.id)
        )
        for r in rows:
            hints = dict(r.hints or {})
            read = hints.get("extracted") or {}
            published = read.get("published") or hints.get("published") or r.published
            outlet = read.get("outlet") or hints.get("outlet") or r.outlet
            own = r.own_id or str(r.article_id)
            best = out.get(int(r.article_id), (own, r.outlet, r.published))
            if published and (best[2] is None or _before(str(published), best[2])):
                key = r.external_id or own
                out[int(r.article_id)] = (key, outlet, str(published))
    return out


def _before(a: str, b: str) -> bool:
    """ISO date(time) ``a`` is strictly earlier than ``b`` at the precision both give: a bare
    date is not earlier than a time on the same day."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]

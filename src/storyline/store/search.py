"""Full-text search over articles: SQLite FTS5 or PostgreSQL tsvector, the same answer shape.

Whatever the user types is treated as words, never as query syntax, so quotes, dashes or a
stray ``NEAR(`` cannot make the database raise: on SQLite every word becomes a quoted FTS5
string (all must match); on PostgreSQL ``websearch_to_tsquery`` reads it the way a search box
is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa

from storyline.store.articles import _ARTICLE_COLUMNS, ArticleRecord, _record
from storyline.store.schema import articles

_WORD = re.compile(r"\w+", re.UNICODE)
# Marks around matched words in a snippet; the web layer escapes the text and styles these.
MARK_START, MARK_END = "[", "]"


@dataclass(frozen=True, slots=True)
class SearchHit:
    article: ArticleRecord
    # A short stretch of the text around the matches, matched words inside MARK_START/MARK_END.
    snippet: str
    # Higher is better; comparable only within one search.
    score: float


def fts5_query(query: str) -> str | None:
    words = _WORD.findall(query)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search_articles(conn: sa.Connection, query: str, *, limit: int = 20) -> list[SearchHit]:
    if not _WORD.search(query):
        return []
    if conn.dialect.name == "postgresql":
        return _search_postgres(conn, query, limit)
    return _search_sqlite(conn, query, limit)


def _search_sqlite(conn: sa.Connection, query: str, limit: int) -> list[SearchHit]:
    fts = fts5_query(query)
    rows = conn.execute(
        sa.text(
            "SELECT rowid, -bm25(articles_fts, 4.0, 1.0) AS score, "
            f"snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 24) AS snippet "
            "FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rank LIMIT :limit"
        ),
        {"q": fts, "limit": limit},
    ).all()
    return _hits(conn, [(int(r.rowid), float(r.score), r.snippet) for r in rows])


def _search_postgres(conn: sa.Connection, query: str, limit: int) -> list[SearchHit]:
    rows = conn.execute(
        sa.text(
            "SELECT id, ts_rank(search, q) AS score, "
            "ts_headline('english', text, q, "
            f"'StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=24, MinWords=10') AS snippet "
            "FROM articles, websearch_to_tsquery('english', :q) AS q "
            "WHERE search @@ q ORDER BY score DESC, id LIMIT :limit"
        ),
        {"q": query, "limit": limit},
    ).all()
    return _hits(conn, [(int(r.id), float(r.score), r.snippet) for r in rows])


def _hits(conn: sa.Connection, ranked: list[tuple[int, float, str]]) -> list[SearchHit]:
    if not ranked:
        return []
    ids = [i for i, _, _ in ranked]
    records = {
        rec.id: rec
        for rec in map(
            _record, conn.execute(sa.select(*_ARTICLE_COLUMNS).where(articles.c.id.in_(ids)))
        )
    }
    return [
        SearchHit(records[i], snippet or "", score) for i, score, snippet in ranked if i in records
    ]

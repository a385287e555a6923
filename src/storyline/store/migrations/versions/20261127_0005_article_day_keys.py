"""Article keys hold the publication day.

Revision ID: 20261127_0005
Revises: 20261127_0004
Create Date: 2026-11-27

An article was keyed by its text alone, so a wire story republished word for word on a later
day was stored as a further document of the first copy and analysed once, against the first
copy's date: its "on Friday" or "yesterday" meant the wrong day. The key is now the text and
its publication day (``storyline.store.articles.content_key``); undated articles keep the key
they had. This revision rewrites the keys of dated articles in place. Articles that an older
storyline had already merged across days stay merged (ingesting those copies into a new
workspace splits them).

Downgrade keys every article by its text again; when two articles share a text (copies of
different days), the first keeps the plain key and the others get one no ingest produces, so
nothing is lost and the older code still finds each article by id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "20261127_0005"
down_revision = "20261127_0004"
branch_labels = None
depends_on = None

# A frozen copy of the key of storyline.store.articles (a migration must not change when that
# module does).
_SPACE = re.compile(r"\s+")
_CHUNK = 1000

articles = sa.table(
    "articles",
    sa.column("id", sa.Integer),
    sa.column("content_key", sa.String),
    sa.column("published", sa.String),
    sa.column("text", sa.Text),
)


def _folded(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def day_key(text: str, published: str | None) -> str:
    norm = _folded(text)
    return _sha(f"{norm}\n{published[:10]}" if published else norm)


def _rekey(
    conn: sa.Connection,
    key_of: Callable[[int, str, str | None], str],
    where: sa.ColumnElement[bool] | None,
) -> None:
    """Set each selected article's key to ``key_of(id, text, published)``, a chunk at a time
    (the texts of a large workspace do not fit in memory at once)."""
    last = 0
    while True:
        stmt = sa.select(articles.c.id, articles.c.text, articles.c.published).where(
            articles.c.id > last
        )
        if where is not None:
            stmt = stmt.where(where)
        rows = conn.execute(stmt.order_by(articles.c.id).limit(_CHUNK)).all()
        if not rows:
            return
        conn.execute(
            articles.update()
            .where(articles.c.id == sa.bindparam("row_id"))
            .values(content_key=sa.bindparam("new_key")),
            [{"row_id": r.id, "new_key": key_of(r.id, r.text, r.published)} for r in rows],
        )
        last = rows[-1].id


def upgrade() -> None:
    # A day key ends in "\n" + a date, which no folded text holds: it cannot clash with the
    # text-only key of an undated article, and the old keys were unique texts.
    _rekey(
        op.get_bind(),
        lambda _id, text, published: day_key(text, published),
        articles.c.published.is_not(None) & (articles.c.published != ""),
    )


def downgrade() -> None:
    taken: set[str] = set()

    def text_key(row_id: int, text: str, _published: str | None) -> str:
        norm = _folded(text)
        key = _sha(norm)
        if key in taken:
            # Another day's copy of a text already keyed: a key no ingest produces.
            return _sha(f"{norm}\n#{row_id}")
        taken.add(key)
        return key

    conn = op.get_bind()
    # Park every key first, so a rewritten key never meets a not-yet-rewritten equal one.
    conn.execute(
        articles.update().values(content_key=sa.literal("~") + sa.cast(articles.c.id, sa.String))
    )
    _rekey(conn, text_key, None)

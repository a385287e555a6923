"""The workspace's tables, as SQLAlchemy Core metadata.

These definitions are what the repository functions query; the database itself is created and
changed only by the Alembic migrations in ``store/migrations/versions`` (the first one,
``20261127_0001``, creates exactly the tables below). Other parts of storyline (stories, follows)
add their own tables to ``metadata`` from their own store modules and their own migrations.

Everything here is portable between SQLite and PostgreSQL; the one dialect-specific piece, the
full-text index, lives in the migration (an FTS5 table on SQLite, a tsvector column on PostgreSQL)
and in ``store/search.py``.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# JSON on SQLite (text underneath), JSONB on PostgreSQL.
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
# Timestamps are stored in UTC.
Timestamp = sa.DateTime(timezone=True)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # sha256 of the normalised cleaned text: the same content ingested twice is one article.
    sa.Column("content_key", sa.String(64), nullable=False, unique=True),
    # The id the input gave (a JSONL "id"), from the first document that brought the article.
    sa.Column("external_id", sa.String(512), index=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.String(256), index=True),
    sa.Column("wire", sa.String(256)),
    # ISO date or datetime: the document creation time (DCT); where it came from beside it.
    sa.Column("published", sa.String(32), index=True),
    sa.Column("published_source", sa.String(32)),
    sa.Column("dateline", sa.String(256)),
    sa.Column("byline", sa.Text),
    sa.Column("language", sa.String(16)),
    sa.Column("extractor", sa.String(32)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("warnings", Json),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    # When the cross-article steps (dedup, stories) took the article in; NULL until then, so an
    # ingest killed between storing and linking catches up on the next run.
    sa.Column("linked_at", Timestamp, index=True),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # Where the bytes came from: a file path, "file.jsonl:12", a feed entry, a WARC record.
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("raw_sha256", sa.String(64), nullable=False),
    sa.Column("raw", sa.LargeBinary, nullable=False),
    sa.Column("content_type", sa.String(128)),
    # Indexed (migration 20261127_0004): a later copy's id names its article too.
    sa.Column("external_id", sa.String(512), index=True),
    sa.Column("url", sa.Text),
    # Everything else the source told us (published, title, outlet...), to re-run extraction.
    sa.Column("hints", Json),
    sa.Column("seen_at", Timestamp, nullable=False),
    # The same bytes from the same place are one document; a new origin is a new row.
    sa.UniqueConstraint("origin", "raw_sha256", name="uq_documents_origin_raw"),
)

analyses = sa.Table(
    "analyses",
    metadata,
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    # Analysis.to_dict() without the article text (that is articles.text).
    sa.Column("data", Json, nullable=False),
    # Component name -> version, so reanalyze can tell what is stale.
    sa.Column("versions", Json, nullable=False),
    sa.Column("analyzed_at", Timestamp, nullable=False),
)

ingest_runs = sa.Table(
    "ingest_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started_at", Timestamp, nullable=False),
    sa.Column("finished_at", Timestamp),
    # running | done | failed (a run left "running" was interrupted)
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("paths", Json, nullable=False),
    sa.Column("added", sa.Integer, nullable=False, server_default="0"),
    sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"),
    sa.Column("skipped", sa.Integer, nullable=False, server_default="0"),
    sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
)

ingest_skips = sa.Table(
    "ingest_skips",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "run_id",
        sa.Integer,
        sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("origin", sa.Text, nullable=False),
    # skipped (not an article: the source said so) | failed (could not be read or analysed)
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

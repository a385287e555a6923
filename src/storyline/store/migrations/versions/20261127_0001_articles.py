"""Articles, their raw documents and analyses, ingest runs, and full-text search.

Revision ID: 20261127_0001
Revises:
Create Date: 2026-11-27

Full-text search is the one part that differs by database: an external-content FTS5 table kept
in step by triggers on SQLite, a generated tsvector column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "20261127_0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies of the column types: a migration must not change when schema.py does.
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Timestamp = sa.DateTime(timezone=True)

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
    "content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
]

POSTGRES_FTS = [
    # Title words weigh more than body words in the ranking.
    "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', text), 'B')) STORED",
    "CREATE INDEX ix_articles_search ON articles USING GIN (search)",
]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("content_key", sa.String(64), nullable=False),
        sa.Column("external_id", sa.String(512)),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String(256)),
        sa.Column("wire", sa.String(256)),
        sa.Column("published", sa.String(32)),
        sa.Column("published_source", sa.String(32)),
        sa.Column("dateline", sa.String(256)),
        sa.Column("byline", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("extractor", sa.String(32)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("warnings", Json),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("updated_at", Timestamp, nullable=False),
        sa.Column("linked_at", Timestamp),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("content_key", name="uq_articles_content_key"),
    )
    op.create_index("ix_articles_external_id", "articles", ["external_id"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_linked_at", "articles", ["linked_at"])

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("raw_sha256", sa.String(64), nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("content_type", sa.String(128)),
        sa.Column("external_id", sa.String(512)),
        sa.Column("url", sa.Text),
        sa.Column("hints", Json),
        sa.Column("seen_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_documents_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("origin", "raw_sha256", name="uq_documents_origin_raw"),
    )
    op.create_index("ix_documents_article_id", "documents", ["article_id"])
    # The resume check looks documents up by their bytes' hash.
    op.create_index("ix_documents_raw_sha256", "documents", ["raw_sha256"])

    op.create_table(
        "analyses",
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("data", Json, nullable=False),
        sa.Column("versions", Json, nullable=False),
        sa.Column("analyzed_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_analyses"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_analyses_article_id_articles",
            ondelete="CASCADE",
        ),
    )

    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", Timestamp, nullable=False),
        sa.Column("finished_at", Timestamp),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("paths", Json, nullable=False),
        sa.Column("added", sa.Integer, nullable=False, server_default="0"),
        sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"),
        sa.Column("skipped", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_runs"),
    )
    op.create_table(
        "ingest_skips",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_skips"),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingest_runs.id"],
            name="fk_ingest_skips_run_id_ingest_runs",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_ingest_skips_run_id", "ingest_skips", ["run_id"])

    statements = SQLITE_FTS if op.get_bind().dialect.name == "sqlite" else POSTGRES_FTS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    op.drop_table("ingest_skips")
    op.drop_table("ingest_runs")
    op.drop_table("analyses")
    op.drop_table("documents")
    op.drop_table("articles")

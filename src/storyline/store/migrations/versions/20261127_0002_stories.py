"""Stories, syndication links, cross-article entities and the timeline cache.

Revision ID: 20261127_0002
Revises: 20261127_0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "20261127_0002"
down_revision = "20261127_0001"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Timestamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("title", sa.Text),
        sa.Column("size", sa.Integer, nullable=False, server_default="0"),
        sa.Column("first_published", sa.String(32)),
        sa.Column("last_published", sa.String(32)),
        sa.Column("profile", Json, nullable=False),
        sa.Column("updated_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_index("ix_stories_last_published", "stories", ["last_published"])
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("story_id", sa.Integer, nullable=False),
        sa.Column("score", sa.Float),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            ondelete="CASCADE",
            name="fk_story_articles_article_id_articles",
        ),
        sa.PrimaryKeyConstraint("article_id", name="pk_story_articles"),
    )
    op.create_index("ix_story_articles_story_id", "story_articles", ["story_id"])
    op.create_table(
        "article_links",
        sa.Column("article_id", sa.Integer, nullable=False),
        # The syndication group: the id of the first article of the group to be stored.
        sa.Column("group_id", sa.Integer, nullable=False),
        # original | exact | copy | rewrite
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("copy_of", sa.Integer),
        sa.Column("jaccard", sa.Float),
        sa.Column("changed", Json),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
        sa.Column("digest", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            ondelete="CASCADE",
            name="fk_article_links_article_id_articles",
        ),
        sa.PrimaryKeyConstraint("article_id", name="pk_article_links"),
    )
    op.create_index("ix_article_links_group_id", "article_links", ["group_id"])
    op.create_index("ix_article_links_digest", "article_links", ["digest"])
    op.create_table(
        "story_state",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("value", Json, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_story_state"),
    )
    op.create_table(
        "timeline_cache",
        # "story:12", "all", "ids:<sha1>" plus the summary options.
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("story_id", sa.Integer),
        sa.Column("data", Json, nullable=False),
        sa.Column("built_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_timeline_cache"),
    )
    op.create_index("ix_timeline_cache_story_id", "timeline_cache", ["story_id"])
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(256), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("aliases", Json, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
        sa.UniqueConstraint("key", name="uq_entities_key"),
    )
    op.create_table(
        "entity_mentions",
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        # The entity's id inside the article's analysis ("e3").
        sa.Column("local_id", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            ondelete="CASCADE",
            name="fk_entity_mentions_article_id_articles",
        ),
        sa.PrimaryKeyConstraint("article_id", "local_id", name="pk_entity_mentions"),
    )
    op.create_index("ix_entity_mentions_entity_id", "entity_mentions", ["entity_id"])


def downgrade() -> None:
    for table in (
        "entity_mentions",
        "entities",
        "timeline_cache",
        "story_state",
        "article_links",
        "story_articles",
        "stories",
    ):
        op.drop_table(table)

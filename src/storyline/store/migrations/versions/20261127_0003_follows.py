"""Follows, what each follow has seen, and the digest outbox.

Revision ID: 20261127_0003
Revises: 20261127_0002
Create Date: 2026-11-27

The outbox is what makes digest delivery exactly-once: items are unique per (follow, item key);
a message is stored with its Message-ID and exact bytes before it is sent, and its items get
``digest_deliveries`` rows in the same transaction that marks it sent.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "20261127_0003"
down_revision = "20261127_0002"
branch_labels = None
depends_on = None

# Frozen copies of the column types: a migration must not change when schema.py does.
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Timestamp = sa.DateTime(timezone=True)


def _follow_fk(table: str) -> sa.Column:
    return sa.Column(
        "follow_id",
        sa.Integer,
        sa.ForeignKey("follows.id", ondelete="CASCADE", name=f"fk_{table}_follow_id_follows"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "follows",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("label", sa.Text),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("collected_at", Timestamp),
        sa.PrimaryKeyConstraint("id", name="pk_follows"),
    )
    op.create_table(
        "follow_recipients",
        _follow_fk("follow_recipients"),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("follow_id", "email", name="pk_follow_recipients"),
    )
    op.create_table(
        "follow_entries",
        _follow_fk("follow_entries"),
        sa.Column("entry_key", sa.String(64), nullable=False),
        sa.Column("state", Json, nullable=False),
        sa.Column("updated_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("follow_id", "entry_key", name="pk_follow_entries"),
    )
    op.create_table(
        "digest_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _follow_fk("digest_items"),
        sa.Column("item_key", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("entry_key", sa.String(64), nullable=False),
        sa.Column("payload", Json, nullable=False),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_digest_items"),
        sa.UniqueConstraint("follow_id", "item_key", name="uq_digest_items_follow_item"),
    )
    op.create_index("ix_digest_items_follow_id", "digest_items", ["follow_id"])
    op.create_table(
        "digest_messages",
        sa.Column("message_id", sa.String(255), nullable=False),
        _follow_fk("digest_messages"),
        sa.Column("recipient", sa.String(320), nullable=False),
        sa.Column("item_keys", Json, nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("claimed_by", sa.String(200)),
        sa.Column("claimed_at", Timestamp),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("sent_at", Timestamp),
        sa.PrimaryKeyConstraint("message_id", name="pk_digest_messages"),
    )
    op.create_index("ix_digest_messages_follow_id", "digest_messages", ["follow_id"])
    op.create_table(
        "digest_deliveries",
        _follow_fk("digest_deliveries"),
        sa.Column("item_key", sa.String(255), nullable=False),
        sa.Column("recipient", sa.String(320), nullable=False),
        sa.Column("message_id", sa.String(255), nullable=False),
        sa.Column("sent_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("follow_id", "item_key", "recipient", name="pk_digest_deliveries"),
    )


def downgrade() -> None:
    op.drop_table("digest_deliveries")
    op.drop_index("ix_digest_messages_follow_id", table_name="digest_messages")
    op.drop_table("digest_messages")
    op.drop_index("ix_digest_items_follow_id", table_name="digest_items")
    op.drop_table("digest_items")
    op.drop_table("follow_entries")
    op.drop_table("follow_recipients")
    op.drop_table("follows")

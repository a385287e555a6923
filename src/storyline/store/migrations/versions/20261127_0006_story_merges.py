"""Where a merged-away story lives on, and timelines cached in plain UTF-8.

Revision ID: 20261127_0006
Revises: 20261127_0005
Create Date: 2026-11-27

When a batch merges story OLD into story NEW, the row of OLD is deleted; links to OLD (a
bookmark, a shared URL, a digest's link) then named nothing. ``story_merges`` keeps one row
per merged-away id, written in the transaction of the merge, so the web can redirect OLD to
NEW and the CLI can show NEW (``storyline.store.stories.resolve_story_id``). Merges made
before this revision were not recorded: their old ids stay unknown.

Cached timelines are dropped: they were stored with ``\\u`` escapes, which the CLI printed
as stored, while a freshly built timeline was printed in plain UTF-8. The next read rebuilds
each in the encoding they are now stored in, so both prints are the same bytes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261127_0006"
down_revision = "20261127_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_merges",
        # The merged-away id (no story row has it any more).
        sa.Column("old_id", sa.Integer, nullable=False, autoincrement=False),
        # The story it merged into, at the time of the merge (a later merge of that story
        # repoints the rows; readers follow chains anyway).
        sa.Column("new_id", sa.Integer, nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("old_id", name="pk_story_merges"),
    )
    op.create_index("ix_story_merges_new_id", "story_merges", ["new_id"])
    op.execute("DELETE FROM timeline_cache")


def downgrade() -> None:
    op.drop_index("ix_story_merges_new_id", table_name="story_merges")
    op.drop_table("story_merges")

"""An index on documents.external_id.

Revision ID: 20261127_0004
Revises: 20261127_0003
Create Date: 2026-11-27

One text ingested under several ids is one article with several documents, and every one of
those ids is listed by ``stories`` and resolves to its article: both look ids up in
``documents`` as well as in ``articles``.
"""

from __future__ import annotations

from alembic import op

revision = "20261127_0004"
down_revision = "20261127_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_external_id", "documents", ["external_id"])


def downgrade() -> None:
    op.drop_index("ix_documents_external_id", table_name="documents")

"""partial indexes for marking scores stale and for what a deleted brand reply answered

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SCORED_WAITING = sa.text("answered_at IS NULL AND score IS NOT NULL")
ANSWERED = sa.text("answered_by_id IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_comments_scored_waiting", "comments", ["author_id"],
        sqlite_where=SCORED_WAITING, postgresql_where=SCORED_WAITING,
    )
    op.create_index(
        "ix_comments_answered_by_id", "comments", ["answered_by_id"],
        sqlite_where=ANSWERED, postgresql_where=ANSWERED,
    )


def downgrade() -> None:
    op.drop_index("ix_comments_answered_by_id", table_name="comments")
    op.drop_index("ix_comments_scored_waiting", table_name="comments")

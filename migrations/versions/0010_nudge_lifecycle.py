"""nudge lifecycle: a failed post's backoff, and the claim of the one person replying from Slack

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nudges") as batch:
        batch.add_column(sa.Column("retry_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("reply_claimed_by", sa.String(length=50), nullable=True))
        batch.add_column(sa.Column("reply_claimed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nudges") as batch:
        batch.drop_column("reply_claimed_at")
        batch.drop_column("reply_claimed_by")
        batch.drop_column("retry_at")

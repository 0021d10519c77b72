"""escalations of open nudges

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nudges") as batch:
        batch.add_column(sa.Column("escalations", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("escalate_from", sa.DateTime(timezone=True), nullable=True))
    # Nudges already in Slack start their escalation clock at their post.
    op.execute("UPDATE nudges SET escalate_from = posted_at WHERE posted_at IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("nudges") as batch:
        batch.drop_column("escalate_from")
        batch.drop_column("escalated_at")
        batch.drop_column("escalations")

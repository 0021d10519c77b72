"""poll schedule: why the next poll is when it is, and the newest user comment's time it is built from

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_states") as batch:
        batch.add_column(sa.Column("next_poll_reason", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("newest_comment_at", sa.DateTime(timezone=True), nullable=True))
    # Accounts polled before keep their pace: their newest user comment so far, read once.
    comments = sa.table("comments", sa.column("account_id"), sa.column("created_at"), sa.column("is_brand"))
    sync_states = sa.table("sync_states", sa.column("account_id"), sa.column("newest_comment_at"))
    newest = (
        sa.select(sa.func.max(comments.c.created_at))
        .where(comments.c.account_id == sync_states.c.account_id, comments.c.is_brand == sa.false())
        .scalar_subquery()
    )
    op.execute(sync_states.update().values(newest_comment_at=newest))


def downgrade() -> None:
    with op.batch_alter_table("sync_states") as batch:
        batch.drop_column("newest_comment_at")
        batch.drop_column("next_poll_reason")

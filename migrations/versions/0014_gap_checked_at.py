"""gap checked_at: a completeness gap keeps the time it was first noted (opened_at, which its alerts show) and has
the time a re-read last found it apart (checked_at; opened_at used to move with it)

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_gaps") as batch:
        batch.add_column(sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True))
    gaps = sa.table("audit_gaps", sa.column("checked_at"), sa.column("opened_at"))
    op.execute(gaps.update().values(checked_at=gaps.c.opened_at))  # the last re-read: all that was kept
    with op.batch_alter_table("audit_gaps") as batch:
        batch.alter_column("checked_at", existing_type=sa.DateTime(timezone=True), nullable=False)


def downgrade() -> None:
    gaps = sa.table("audit_gaps", sa.column("checked_at"), sa.column("opened_at"))
    op.execute(gaps.update().values(opened_at=gaps.c.checked_at))
    with op.batch_alter_table("audit_gaps") as batch:
        batch.drop_column("checked_at")

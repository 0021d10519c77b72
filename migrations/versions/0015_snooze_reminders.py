"""snooze reminders: a nudge whose snooze ran out keeps its reminder due (reminder_due) until the reminder is posted
or its edit gives up, instead of reminding only in the delivery cycle that woke it

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nudges") as batch:
        batch.add_column(sa.Column("reminder_due", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("nudges") as batch:
        batch.drop_column("reminder_due")

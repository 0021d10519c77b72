"""completeness: alert_after per account, how long polls have been failing, the audit's times and open gaps

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("alert_after_seconds", sa.Integer(), server_default="3600", nullable=False))
    with op.batch_alter_table("sync_states") as batch:
        batch.add_column(sa.Column("failing_since", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("audited_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("complete_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "audit_gaps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("post_external_id", sa.String(length=255), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        sa.Column("stored", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("alerted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f("fk_audit_gaps_account_id_accounts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_gaps")),
        sa.UniqueConstraint("account_id", "post_external_id", name=op.f("uq_audit_gaps_account_id_post_external_id")),
    )
    # Accounts failing at the upgrade count from their last error.
    sync_states = sa.table("sync_states", sa.column("failing_since"), sa.column("error_at"), sa.column("error_kind"))
    op.execute(sync_states.update().where(sync_states.c.error_kind.isnot(None)).values(failing_since=sync_states.c.error_at))


def downgrade() -> None:
    op.drop_table("audit_gaps")
    with op.batch_alter_table("sync_states") as batch:
        batch.drop_column("complete_at")
        batch.drop_column("audited_at")
        batch.drop_column("failing_since")
    # Not a batch: SQLite would copy `accounts`, and dropping the old table cascades to every row that refers to it.
    op.execute("ALTER TABLE accounts DROP COLUMN alert_after_seconds")

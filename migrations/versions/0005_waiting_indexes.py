"""waiting-comment indexes SQLite can use, by account too; muted authors; what a brand reply answered

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

# SQLite only uses a partial index whose condition the query repeats as written; queries render `~is_brand`
# as `is_brand = 0` there, so 0001's `NOT is_brand` index was never used on SQLite.
WAITING_SQLITE = sa.text("answered_at IS NULL AND is_brand = 0 AND deleted = 0")
WAITING_POSTGRESQL = sa.text("answered_at IS NULL AND NOT is_brand AND NOT deleted")
ANSWERED = sa.text("answered_by_id IS NOT NULL")


def _waiting_index(name: str, columns: list[str], sqlite_where) -> None:
    op.create_index(name, "comments", columns, sqlite_where=sqlite_where, postgresql_where=WAITING_POSTGRESQL)


def upgrade() -> None:
    op.drop_index("ix_comments_waiting", table_name="comments")
    _waiting_index("ix_comments_waiting", ["created_at", "account_id"], WAITING_SQLITE)
    _waiting_index(
        "ix_comments_waiting_by_account",
        ["account_id", "score", "author_id", "created_at", "answered_at", "is_brand", "deleted"],
        WAITING_SQLITE,
    )
    op.create_index("ix_comments_answered_by_id", "comments", ["answered_by_id"],
                    sqlite_where=ANSWERED, postgresql_where=ANSWERED)
    op.create_index("ix_authors_muted", "authors", ["id"],
                    sqlite_where=sa.text("muted = 1"), postgresql_where=sa.text("muted"))


def downgrade() -> None:
    op.drop_index("ix_authors_muted", table_name="authors")
    op.drop_index("ix_comments_answered_by_id", table_name="comments")
    op.drop_index("ix_comments_waiting_by_account", table_name="comments")
    op.drop_index("ix_comments_waiting", table_name="comments")
    _waiting_index("ix_comments_waiting", ["created_at", "account_id"], sa.text("answered_at IS NULL AND NOT is_brand AND NOT deleted"))

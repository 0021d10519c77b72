"""private comments: a private message to the brand (Mastodon direct visibility) is listed only in its channel

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.add_column(sa.Column("private", sa.Boolean(), server_default=sa.false(), nullable=False))
    # Mastodon statuses stored before keep their visibility in `extra`.
    comments = sa.table("comments", sa.column("private", sa.Boolean()), sa.column("extra", sa.JSON()))
    for visibility in ("direct", "private"):
        op.execute(comments.update().where(sa.cast(comments.c.extra, sa.Text).like(f'%"visibility": "{visibility}"%'))
                   .values(private=True))


def downgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.drop_column("private")

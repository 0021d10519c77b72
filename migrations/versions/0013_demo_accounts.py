"""demo accounts: `replynudge demo` marks the accounts it makes, so that only those are taken for the demo's (they
were told by their channel, #social-demo, which a team's account may use too)

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Not a batch: SQLite would copy `accounts`, and dropping the old table cascades to every row that refers to it.
    op.add_column("accounts", sa.Column("demo", sa.Boolean(), server_default=sa.false(), nullable=False))
    # The demo's accounts made before the marker: its two replayed accounts, by name, platform and channel.
    accounts = sa.table("accounts", sa.column("demo"), sa.column("name"), sa.column("platform"), sa.column("channel"))
    op.execute(accounts.update().where(accounts.c.name.in_(["acme-blog", "acme-video"]),
                                       accounts.c.platform == "replay", accounts.c.channel == "#social-demo")
               .values(demo=True))


def downgrade() -> None:
    op.execute("ALTER TABLE accounts DROP COLUMN demo")

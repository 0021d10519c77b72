"""folded commenter names for mutes on every database; text fingerprints, and an author index holding what a
score counts, for rescoring without reading an author's history

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.db.models import fingerprint, folded, folded_handle

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    op.add_column("authors", sa.Column("external_id_folded", sa.String(length=255), nullable=True))
    op.add_column("authors", sa.Column("handle_folded", sa.Text(), nullable=True))
    op.add_column("authors", sa.Column("name_folded", sa.Text(), nullable=True))
    op.add_column("comments", sa.Column("fingerprint", sa.BigInteger(), nullable=True))
    op.drop_index("ix_comments_author_id_created_at", table_name="comments")
    authors = sa.table("authors", *(sa.column(name) for name in (
        "id", "external_id", "handle", "name", "external_id_folded", "handle_folded", "name_folded")))
    _backfill(authors, ("external_id", "handle", "name"), lambda external_id, handle, name: {
        "external_id_folded": folded(external_id), "handle_folded": folded_handle(handle), "name_folded": folded(name),
    })
    comments = sa.table("comments", sa.column("id"), sa.column("text"), sa.column("fingerprint"))
    _backfill(comments, ("text",), lambda text: {"fingerprint": fingerprint(text)})
    # An author's history holding what a score counts in it, so that the counts read the index alone.
    op.create_index("ix_comments_author_history", "comments",
                    ["author_id", "created_at", "deleted", "answered_at", "fingerprint"])


def _backfill(table, columns: tuple[str, ...], derive) -> None:
    """Fill the new columns of every row from `columns`, in batches by id (computed in Python, as the code does)."""
    connection = op.get_bind()
    targets = list(derive(*([""] * len(columns))))
    update = table.update().where(table.c.id == sa.bindparam("row_id")).values(
        {name: sa.bindparam(f"new_{name}") for name in targets}
    )
    after = 0
    while rows := connection.execute(
        sa.select(table.c.id, *(table.c[name] for name in columns)).where(table.c.id > after).order_by(table.c.id)
        .limit(BATCH)
    ).all():
        connection.execute(update, [
            {"row_id": row_id, **{f"new_{name}": value for name, value in derive(*values).items()}}
            for row_id, *values in rows
        ])
        after = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_comments_author_history", table_name="comments")
    op.create_index("ix_comments_author_id_created_at", "comments", ["author_id", "created_at"])
    # Dropped in place, not by batch mode's copy of the table: on SQLite that copy drops the old table, which
    # with foreign keys on empties the tables that cascade from it.
    op.drop_column("comments", "fingerprint")
    for name in ("name_folded", "handle_folded", "external_id_folded"):
        op.drop_column("authors", name)

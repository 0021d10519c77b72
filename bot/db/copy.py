"""`replynudge db copy --from URL`: every row of another database (the SQLite file one outgrew) into an empty one.

Ids are kept, so a Slack message's metadata (the comment id) still names the same comment, and every reply
state, nudge, snooze and digest carries over. Claims are dropped: no replica of the new database holds anything.
"""

from __future__ import annotations

from sqlalchemy import Table, bindparam, func, select, text, update
from sqlalchemy.engine import Connection, Engine

from bot.config import ConfigError
from bot.db import check_connection, upgrade
from bot.db.models import Base

BATCH = 5_000


FROM = "db copy --from"


def copy_database(source: Engine, target: Engine) -> dict[str, int]:
    """Copy every table in dependency order; returns rows copied per table. The target must hold no rows."""
    check_connection(source, FROM)
    upgrade(source)
    upgrade(target)
    tables = Base.metadata.sorted_tables
    counts: dict[str, int] = {}
    with source.connect() as reading, target.begin() as writing:
        for table in tables:
            if writing.scalar(select(func.count()).select_from(table)):
                raise ConfigError(
                    f"environment: DATABASE_URL: table {table.name} already holds rows; copy into an empty database"
                )
        for table in tables:
            counts[table.name] = _copy_table(reading, writing, table)
        if writing.dialect.name == "postgresql":
            _move_id_sequences_past_the_copied_ids(writing, tables)
    return counts


def _copy_table(reading: Connection, writing: Connection, table: Table) -> int:
    """Rows go in batches; a column pointing into its own table (a comment's answer) is filled in afterwards,
    since the row it points to may come later."""
    own = [key.parent.name for key in table.foreign_keys if key.column.table is table]
    claimed = [name for name in ("lease_owner", "lease_until") if name in table.c]
    later: list[dict] = []
    copied = 0
    ordered = select(table).order_by(*table.primary_key.columns).execution_options(yield_per=BATCH)  # streamed
    for rows in reading.execute(ordered).mappings().partitions():
        batch = [{**row, **{name: None for name in own + claimed}} for row in rows]
        later += [{"key": row["id"], **{f"new_{name}": row[name] for name in own}} for row in rows
                  if any(row[name] for name in own)]
        writing.execute(table.insert(), batch)
        copied += len(batch)
    if later:
        writing.execute(
            update(table).where(table.c.id == bindparam("key")).values({name: bindparam(f"new_{name}") for name in own}),
            later,
        )
    return copied


def _move_id_sequences_past_the_copied_ids(writing: Connection, tables: list[Table]) -> None:
    for table in tables:
        if "id" in table.c and table.c.id.primary_key and table.c.id.autoincrement in (True, "auto"):
            writing.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), COALESCE(MAX(id), 0) + 1, false) "
                     f"FROM {table.name}")
            )

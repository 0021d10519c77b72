"""INSERT … ON CONFLICT for PostgreSQL and SQLite alike."""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from sqlalchemy import Table, or_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

ColumnUpdate = Callable[[Table, Any], Any]  # (table, excluded) -> the column's new value


def upsert(
    session: Session,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
    update_columns: Mapping[str, ColumnUpdate] | None,
    *,
    update_when_changed: Sequence[str] = (),
) -> None:
    """Insert rows; on a conflict on `keys`, set `update_columns` (or leave the row alone when there are none).

    With `update_when_changed`, a conflicting row is only written when one of those columns would change.
    No RETURNING: the drivers then send the batch as one prepared statement executed for each row (psycopg
    pipelines them), cheaper than the long multi-row VALUES text RETURNING needs; read back what you need.
    """
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(dialect)
    if insert is None:
        raise RuntimeError(f"unsupported database {dialect!r}: use PostgreSQL or SQLite")
    statement = insert(table)
    if update_columns:
        values = {name: build(table, statement.excluded) for name, build in update_columns.items()}
        changed = [table.c[name].is_distinct_from(values[name]) for name in update_when_changed]
        statement = statement.on_conflict_do_update(
            index_elements=list(keys), set_=values, where=or_(*changed) if changed else None
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    session.execute(statement, list(rows))


def insert_ignoring_conflicts(
    session: Session, table: Table, rows: Sequence[Mapping[str, Any]], keys: Sequence[str]
) -> None:
    upsert(session, table, rows, keys, None)


def take_new(*columns: str) -> dict[str, ColumnUpdate]:
    """On conflict, take these columns' values from the row being inserted."""
    return {column: (lambda table, excluded, column=column: excluded[column]) for column in columns}

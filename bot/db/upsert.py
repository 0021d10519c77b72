"""INSERT … ON CONFLICT for PostgreSQL and SQLite alike."""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

ColumnUpdate = Callable[[Table, Any], Any]  # (table, excluded) -> the column's new value


def upsert(
    session: Session,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
    update_columns: Mapping[str, ColumnUpdate] | None,
    returning: Sequence[Any] = (),
) -> list[Any]:
    """Insert rows; on a conflict on `keys`, set `update_columns` (or leave the row alone when there are none).

    With `returning` columns, gives back one row per inserted or updated row. RETURNING also lets SQLAlchemy send
    the batch as multi-row VALUES statements ("insertmanyvalues"), much faster than a row-by-row executemany.
    """
    if not rows:
        return []
    dialect = session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(dialect)
    if insert is None:
        raise RuntimeError(f"unsupported database {dialect!r}: use PostgreSQL or SQLite")
    statement = insert(table)
    if update_columns:
        values = {name: build(table, statement.excluded) for name, build in update_columns.items()}
        statement = statement.on_conflict_do_update(index_elements=list(keys), set_=values)
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    if not returning:
        session.execute(statement, list(rows))
        return []
    return session.execute(statement.returning(*returning), list(rows)).all()


def insert_ignoring_conflicts(
    session: Session, table: Table, rows: Sequence[Mapping[str, Any]], keys: Sequence[str]
) -> None:
    upsert(session, table, rows, keys, None)


def take_new(*columns: str) -> dict[str, ColumnUpdate]:
    """On conflict, take these columns' values from the row being inserted."""
    return {column: (lambda table, excluded, column=column: excluded[column]) for column in columns}

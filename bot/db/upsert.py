"""INSERT … ON CONFLICT for PostgreSQL and SQLite alike."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

from sqlalchemy import Table, and_, case, func, null, or_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.db.bulk import execute_many

ColumnUpdate = Callable[[Table, Any], Any]  # (table, excluded) -> the column's new value


def upsert(
    session: Session,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
    update_columns: Mapping[str, ColumnUpdate] | None,
    *,
    update_when_changed: Sequence[str] = (),
    update_when: ColumnUpdate | None = None,
) -> None:
    """Insert rows; on a conflict on `keys`, set `update_columns` (or leave the row alone when there are none).

    With `update_when_changed`, a conflicting row is only written when one of those columns would change; with
    `update_when` (a module-level builder, like the column updates), only when that condition holds.
    The drivers send the batch as one prepared statement executed for each row (psycopg pipelines them;
    bot/db/bulk.py): one statement text whatever the number of rows, cheaper for wide rows than a multi-row
    VALUES text, and never a new one for the driver to prepare and keep.
    """
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    updates = tuple((update_columns or {}).items())
    statement = _statement(dialect, table, tuple(keys), updates, tuple(update_when_changed), update_when)
    execute_many(session.connection(), statement, rows)


@lru_cache(maxsize=64)
def _statement(
    dialect: str, table: Table, keys: tuple[str, ...], updates: tuple, update_when_changed: tuple[str, ...],
    update_when: ColumnUpdate | None,
):
    """Built once per shape (the builders below are shared objects): building costs more than a page's insert."""
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(dialect)
    if insert is None:
        raise RuntimeError(f"unsupported database {dialect!r}: use PostgreSQL or SQLite")
    statement = insert(table)
    if not updates:
        return statement.on_conflict_do_nothing(index_elements=list(keys))
    values = {name: build(table, statement.excluded) for name, build in updates}
    changed = [table.c[name].is_distinct_from(values[name]) for name in update_when_changed]
    conditions = ([or_(*changed)] if changed else []) + ([update_when(table, statement.excluded)] if update_when else [])
    return statement.on_conflict_do_update(
        index_elements=list(keys), set_=values, where=and_(*conditions) if conditions else None
    )


def insert_ignoring_conflicts(
    session: Session, table: Table, rows: Sequence[Mapping[str, Any]], keys: Sequence[str]
) -> None:
    upsert(session, table, rows, keys, None)


def take_new(*columns: str) -> dict[str, ColumnUpdate]:
    """On conflict, take these columns' values from the row being inserted."""
    return {column: _take_new(column) for column in columns}


@lru_cache(maxsize=None)
def _take_new(column: str) -> ColumnUpdate:
    return lambda table, excluded: excluded[column]


@lru_cache(maxsize=None)
def coalesce_new(column: str) -> ColumnUpdate:
    """On conflict, take the new value unless it is NULL."""
    return lambda table, excluded: func.coalesce(excluded[column], table.c[column])


@lru_cache(maxsize=None)
def keep_old(column: str) -> ColumnUpdate:
    """On conflict, keep the stored value unless it is NULL."""
    return lambda table, excluded: func.coalesce(table.c[column], excluded[column])


def set_null(table: Table, excluded: Any) -> Any:
    """On conflict, clear the column."""
    return null()


@lru_cache(maxsize=None)
def keep_later(column: str) -> ColumnUpdate:
    """On conflict, take the new time only when it is later than the stored one (NULL counts as earliest)."""
    return lambda table, excluded: case(
        (or_(table.c[column].is_(None), excluded[column] > table.c[column]), excluded[column]), else_=table.c[column]
    )

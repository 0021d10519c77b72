"""One statement for many rows, handed to the driver's executemany with its parameters converted once per column.

SQLAlchemy's own executemany builds a parameter dictionary for each row and runs each value through the type's
processing on its own: for a page of comments that costs more than the database's work. Here the statement is
compiled once per shape, the columns' bind processors are looked up once, and each row becomes a tuple (SQLite) or
a dictionary (PostgreSQL) of converted values. A statement this cannot send as it is (Python-side defaults to fill
in, expanding or escaped parameters) goes through SQLAlchemy as before.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Mapping, NamedTuple, Sequence

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql import ClauseElement


class _Plan(NamedTuple):
    sql: str
    names: tuple[str, ...]  # the parameters in the order the driver takes them
    processors: tuple[Callable[[Any], Any] | None, ...]
    positional: bool


def execute_many(connection: Connection, statement: ClauseElement, rows: Sequence[Mapping[str, Any]]) -> None:
    """Run `statement` once per row; every row has the same keys (those of the first)."""
    if not rows:
        return
    plan = _plan(connection.dialect, statement, tuple(rows[0]))
    if plan is None:
        connection.execute(statement, list(rows))
        return
    columns = [_converted([row[name] for row in rows], convert) for name, convert in zip(plan.names, plan.processors)]
    values = zip(*columns)
    params = list(values) if plan.positional else [dict(zip(plan.names, row)) for row in values]
    connection.exec_driver_sql(plan.sql, params)


def _converted(values: list[Any], convert: Callable[[Any], Any] | None) -> list[Any]:
    """A column's values as the driver takes them. Values a page repeats (the time it is stored, no reasons yet,
    no extras) are converted once: the conversion depends on the value alone."""
    if convert is None:
        return values
    converted: list[Any] = []
    remembered: dict[Any, Any] = {}
    last: Any = _UNSET
    for value in values:
        if value is not last:
            last, key = value, _key(value)
            if key is None:
                last_converted = convert(value)
            elif (last_converted := remembered.get(key, _UNSET)) is _UNSET:
                last_converted = remembered[key] = convert(value)
        converted.append(last_converted)
    return converted


_UNSET = object()


def _key(value: Any) -> Any:
    """What tells values apart for their conversion, for the kinds that repeat (None, lists of words such as a
    score's reasons); None for the others, converted each time."""
    if value is None:
        return (None,)
    if type(value) is list and all(type(item) is str for item in value):
        return tuple(value)
    return None


@lru_cache(maxsize=64)
def _plan(dialect: Dialect, statement: ClauseElement, keys: tuple[str, ...]) -> _Plan | None:
    compiled = statement.compile(dialect=dialect, column_keys=list(keys))
    if (
        compiled.insert_prefetch or compiled.update_prefetch or compiled.literal_execute_params
        or compiled.post_compile_params or compiled.escaped_bind_names
    ):
        return None
    by_name = {name: bind for bind, name in compiled.bind_names.items()}
    names = tuple(compiled.positiontup) if compiled.positional else tuple(by_name)
    if not set(names) <= set(keys):
        return None
    processors = tuple(by_name[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names)
    return _Plan(compiled.string, names, processors, compiled.positional)

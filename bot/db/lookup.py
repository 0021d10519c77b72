"""`column IN (values)` for lists as long as a page of comments, cheap on both databases.

The values travel as one parameter, so a statement's text is the same whatever their number and is built, compiled
and prepared once: PostgreSQL gets an array (`= ANY`), SQLite a JSON array read by `json_each`. Both look each
value up in the column's index. An IN list would render a placeholder per value instead, a new statement for each
length, and SQLite caps the parameters of a statement.
"""

from __future__ import annotations

import json
from typing import Any, Collection

from sqlalchemy import String, TypeDecorator, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql.elements import ColumnElement

WANTED = "wanted"


def one_of(dialect: str, column: Any, name: str = WANTED) -> ColumnElement[bool]:
    """The condition that `column` is among the values bound to `name` when the statement runs (a collection of
    strings or integers; callers skip the statement when it is empty, it would find nothing)."""
    values = bindparam(name, type_=ValueList(column.type))
    if dialect == "postgresql":
        return column == any_(values)
    listed = func.json_each(values).table_valued("value")
    return column.in_(select(listed.c.value))


class ValueList(TypeDecorator[Collection[Any]]):
    """A collection of values as one parameter: an array on PostgreSQL, JSON text elsewhere."""

    impl = String
    cache_ok = True

    def __init__(self, item_type: Any):
        super().__init__()
        self.item_type = item_type

    def load_dialect_impl(self, dialect: Any) -> Any:
        return dialect.type_descriptor(ARRAY(self.item_type) if dialect.name == "postgresql" else String())

    def process_bind_param(self, value: Collection[Any] | None, dialect: Any) -> Any:
        wanted = sorted(set(value or ()))
        return wanted if dialect.name == "postgresql" else json.dumps(wanted)

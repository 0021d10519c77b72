"""`column IN (values)` for lists as long as a page of comments, cheap on both databases.

PostgreSQL gets the values as one array parameter: psycopg parses every statement's text for placeholders and
caches only short statements, so a 500-value IN list costs a fresh parse each time. SQLite gets IN lists of at
most 500 values, under its limit on parameters per statement.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from sqlalchemy import any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

SQLITE_CHUNK = 500


def one_of(session: Session, column: Any, values: Iterable[Any]) -> Iterator[ColumnElement[bool]]:
    """Conditions that together select the rows whose `column` is among `values`: run one statement for each."""
    wanted = sorted(set(values))
    if not wanted:
        return
    if session.get_bind().dialect.name == "postgresql":
        yield column == any_(bindparam(None, wanted, type_=ARRAY(column.type)))
        return
    for start in range(0, len(wanted), SQLITE_CHUNK):  # one expanding parameter: no per-value coercion
        yield column.in_(bindparam(None, wanted[start : start + SQLITE_CHUNK], expanding=True))

"""Scores the waiting comments whose score is missing, from the author's whole history with the account.

Ingest only marks scores stale; scoring here, after the page is stored, keeps the (possibly slow) scoring
function off the ingest path and makes every score independent of the order comments arrived in.
"""

from __future__ import annotations

import zlib
from datetime import datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from bot.db.lookup import WANTED, one_of
from bot.db.models import Comment, is_waiting
from bot.engine.score import ScoreContext, score_comment

HISTORY_WINDOW = timedelta(days=30)
BATCH = 500


def rescore_waiting(session: Session, account_id: int) -> int:
    """Score every unscored waiting comment of the account; returns how many were scored."""
    connection = session.connection()
    dialect = connection.dialect.name
    total, from_author = 0, 0
    while True:
        waiting = connection.execute(_WAITING, {"account": account_id, "from_author": from_author}).all()
        if not waiting:
            return total
        from_author = waiting[-1].author_id
        histories = _histories(connection, account_id, {row.author_id for row in waiting})
        wanted = {row.parent_external_id for row in waiting if row.parent_external_id}
        parents = {
            external_id: (is_brand, author_id)
            for external_id, is_brand, author_id in connection.execute(
                _parents(dialect), {"account": account_id, WANTED: wanted}
            )
        }
        changes = []
        for row in waiting:
            scored = score_comment(row.text, _context(row, histories[row.author_id], parents))
            changes.append({"scored_id": row.id, "score": scored.value, "reasons": list(scored.reasons)})
        connection.execute(_SCORE, changes)
        total += len(changes)


comments = Comment.__table__
# By author, in the order of the index of waiting comments, from the author where the last batch ended: a batch
# reads only what it scores (rows scored earlier in the transaction are still in PostgreSQL's index) and an
# author's history is read about once.
_WAITING = (
    select(comments.c.id, comments.c.author_id, comments.c.created_at, comments.c.text, comments.c.parent_external_id)
    .where(
        comments.c.account_id == bindparam("account"),
        comments.c.score.is_(None),
        is_waiting(),
        comments.c.author_id >= bindparam("from_author"),
    )
    .order_by(comments.c.author_id, comments.c.created_at)
    .limit(BATCH)
)
_SCORE = (
    update(comments)
    .where(comments.c.id == bindparam("scored_id"))
    .values(score=bindparam("score"), reasons=bindparam("reasons"))
)


@lru_cache(maxsize=None)
def _parents(dialect: str):
    """The stored comments the waiting ones answer: whether the brand wrote each, and who."""
    return select(comments.c.external_id, comments.c.is_brand, comments.c.author_id).where(
        comments.c.account_id == bindparam("account"),
        one_of(dialect, comments.c.external_id),
    )


@lru_cache(maxsize=None)
def _author_histories(dialect: str):
    answered = comments.c.answered_at.is_not(None)
    return select(comments.c.author_id, comments.c.created_at, answered, comments.c.text).where(
        comments.c.account_id == bindparam("account"),
        one_of(dialect, comments.c.author_id),
        comments.c.deleted.is_(False),
    )


class _Earlier(NamedTuple):
    created_at: datetime
    answered: bool
    fingerprint: int


def _histories(connection: Connection, account_id: int, author_ids: set[int]) -> dict[int, list[_Earlier]]:
    histories: dict[int, list[_Earlier]] = {author_id: [] for author_id in author_ids}
    rows = connection.execute(
        _author_histories(connection.dialect.name), {"account": account_id, WANTED: author_ids}
    ).all()
    for author_id, created_at, answered, text in rows:
        histories[author_id].append(_Earlier(created_at, answered, _fingerprint(text)))
    return histories


def _context(row, history: list[_Earlier], parents: dict[str, tuple[bool, int]]) -> ScoreContext:
    earlier = [comment for comment in history if comment.created_at < row.created_at]
    fingerprint = _fingerprint(row.text)
    by_brand, parent_author = parents.get(row.parent_external_id, (False, None))
    return ScoreContext(
        prior_comments_30d=sum(1 for c in earlier if c.created_at >= row.created_at - HISTORY_WINDOW),
        replies_to_brand=by_brand,
        replies_to_commenter=parent_author is not None and not by_brand and parent_author != row.author_id,
        answered_before=any(c.answered for c in earlier),
        copies_before=sum(1 for c in earlier if c.fingerprint == fingerprint),
    )


def _fingerprint(text: str) -> int:
    """Equal for texts that differ only in case and spacing."""
    return zlib.crc32(" ".join(text.lower().split()).encode("utf-8"))

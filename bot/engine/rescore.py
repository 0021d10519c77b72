"""Scores the waiting comments whose score is missing, from the author's history with the account.

Ingest only marks scores stale, and only those a page can change (engine/ingest.py); scoring here, after the page
is stored, keeps the (possibly slow) scoring function off the ingest path and makes every score independent of the
order comments arrived in. A poll costs what it rescores: an author's history is read whole only when it is short;
a longer one is counted in the database, comment by comment, so one commenter's backlog never slows a poll.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import bindparam, exists, func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from bot.db.bulk import execute_many
from bot.db.lookup import WANTED, one_of
from bot.db.models import Comment, is_waiting
from bot.engine.score import ScoreContext, score_comment

HISTORY_WINDOW = timedelta(days=30)
BATCH = 500
READ_WHOLE = 100  # an author with at most this many comments has their history read in one go, else counted


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
        histories = _histories(connection, {row.author_id for row in waiting})
        wanted = {row.parent_external_id for row in waiting if row.parent_external_id}
        parents = {
            external_id: (is_brand, author_id)
            for external_id, is_brand, author_id in connection.execute(
                _parents(dialect), {"account": account_id, WANTED: wanted}
            )
        }
        changes = []
        for row in waiting:
            by_brand, parent_author = parents.get(row.parent_external_id, (False, None))
            history = histories.get(row.author_id)
            prior, answered, copies = _counted(connection, row) if history is None else history.context(row)
            scored = score_comment(row.text, ScoreContext(
                prior_comments_30d=prior,
                replies_to_brand=by_brand,
                replies_to_commenter=parent_author is not None and not by_brand and parent_author != row.author_id,
                answered_before=answered,
                copies_before=copies,
            ))
            changes.append({"scored_id": row.id, "score": scored.value, "reasons": list(scored.reasons)})
        execute_many(connection, _SCORE, changes)
        total += len(changes)


comments = Comment.__table__
# By author, in the order of the index of waiting comments, from the author where the last batch ended: a batch
# reads only what it scores (rows scored earlier in the transaction are still in PostgreSQL's index) and an
# author's history is read about once.
_WAITING = (
    select(
        comments.c.id, comments.c.author_id, comments.c.created_at, comments.c.text, comments.c.fingerprint,
        comments.c.parent_external_id,
    )
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
def _history_sizes(dialect: str):
    """The authors with more than READ_WHOLE comments, from the index of authors' histories alone."""
    return (
        select(comments.c.author_id)
        .where(one_of(dialect, comments.c.author_id))
        .group_by(comments.c.author_id)
        .having(func.count() > READ_WHOLE)
    )


@lru_cache(maxsize=None)
def _author_histories(dialect: str):
    answered = comments.c.answered_at.is_not(None)
    return select(comments.c.author_id, comments.c.created_at, answered, comments.c.fingerprint).where(
        one_of(dialect, comments.c.author_id), comments.c.deleted.is_(False)
    )


class _History:
    """An author's comments in time order, so that what a score counts before each comment is a binary search."""

    def __init__(self) -> None:
        self.times: list[datetime] = []
        self.first_answered: datetime | None = None
        self.by_fingerprint: dict[int | None, list[datetime]] = {}

    def add(self, created_at: datetime, answered: bool, text_fingerprint: int | None) -> None:
        self.times.append(created_at)
        self.by_fingerprint.setdefault(text_fingerprint, []).append(created_at)
        if answered and (self.first_answered is None or created_at < self.first_answered):
            self.first_answered = created_at

    def sorted(self) -> _History:
        self.times.sort()
        for times in self.by_fingerprint.values():
            times.sort()
        return self

    def context(self, row) -> tuple[int, bool, int]:
        """From the author's history before the comment: their comments in the 30 days before, whether the brand
        answered one of them, and how many were copies of this one."""
        written = row.created_at
        return (
            bisect_left(self.times, written) - bisect_left(self.times, written - HISTORY_WINDOW),
            self.first_answered is not None and self.first_answered < written,
            bisect_left(self.by_fingerprint.get(row.fingerprint, ()), written),
        )


def _histories(connection: Connection, author_ids: set[int]) -> dict[int, _History]:
    """The whole history of the authors with short ones; the others are left out, to be counted."""
    dialect = connection.dialect.name
    long = set(connection.scalars(_history_sizes(dialect), {WANTED: author_ids}))
    histories = {author_id: _History() for author_id in author_ids - long}
    if histories:
        rows = connection.execute(_author_histories(dialect), {WANTED: histories.keys()})
        for author_id, created_at, answered, text_fingerprint in rows:
            histories[author_id].add(created_at, answered, text_fingerprint)
    return {author_id: history.sorted() for author_id, history in histories.items()}


def _counted(connection: Connection, row) -> tuple[int, bool, int]:
    """What `_History.context` works out, counted by the database over the author's index instead."""
    prior, copies, answered = connection.execute(_COUNTS, {
        "author": row.author_id, "before": row.created_at,
        "since": row.created_at - HISTORY_WINDOW, "fingerprint": row.fingerprint,
    }).one()
    return prior, bool(answered), copies


def _earlier(what, *conditions):
    """`what` of the author's comments written before the one scored (an author is of one account), from the
    index of authors' histories alone."""
    return select(what).where(
        comments.c.author_id == bindparam("author"),
        comments.c.created_at < bindparam("before"),
        comments.c.deleted.is_(False),
        *conditions,
    )


_COUNTS = select(
    _earlier(func.count(), comments.c.created_at >= bindparam("since")).scalar_subquery(),
    _earlier(func.count(), comments.c.fingerprint == bindparam("fingerprint")).scalar_subquery(),
    exists(_earlier(comments.c.id, comments.c.answered_at.is_not(None))),
)

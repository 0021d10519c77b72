"""Scores the waiting comments whose score is missing, from the author's whole history with the account.

Ingest only marks scores stale; scoring here, after the page is stored, keeps the (possibly slow) scoring
function off the ingest path and makes every score independent of the order comments arrived in.
"""

from __future__ import annotations

import zlib
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.db.models import Comment, is_waiting
from bot.engine.score import ScoreContext, score_comment

HISTORY_WINDOW = timedelta(days=30)
BATCH = 500


def rescore_waiting(session: Session, account_id: int) -> int:
    """Score every unscored waiting comment of the account; returns how many were scored."""
    total = 0
    while True:
        waiting = session.execute(
            select(Comment.id, Comment.author_id, Comment.created_at, Comment.text, Comment.parent_external_id)
            .where(
                Comment.account_id == account_id,
                Comment.score.is_(None),
                is_waiting(),
            )
            .order_by(Comment.id)
            .limit(BATCH)
        ).all()
        if not waiting:
            return total
        histories = _histories(session, account_id, {row.author_id for row in waiting})
        brand_parents = set(
            session.scalars(
                select(Comment.external_id).where(
                    Comment.account_id == account_id,
                    Comment.is_brand.is_(True),
                    Comment.external_id.in_({row.parent_external_id for row in waiting if row.parent_external_id}),
                )
            )
        )
        changes = []
        for row in waiting:
            scored = score_comment(row.text, _context(row, histories[row.author_id], brand_parents))
            changes.append({"id": row.id, "score": scored.value, "reasons": list(scored.reasons)})
        session.execute(update(Comment), changes)
        total += len(changes)


class _Earlier(NamedTuple):
    created_at: datetime
    answered: bool
    fingerprint: int


def _histories(session: Session, account_id: int, author_ids: set[int]) -> dict[int, list[_Earlier]]:
    histories: dict[int, list[_Earlier]] = {author_id: [] for author_id in author_ids}
    rows = session.execute(
        select(Comment.author_id, Comment.created_at, Comment.answered_at, Comment.text).where(
            Comment.account_id == account_id, Comment.author_id.in_(author_ids), Comment.deleted.is_(False)
        )
    )
    for author_id, created_at, answered_at, text in rows:
        histories[author_id].append(_Earlier(created_at, answered_at is not None, _fingerprint(text)))
    return histories


def _context(row, history: list[_Earlier], brand_parents: set[str]) -> ScoreContext:
    earlier = [comment for comment in history if comment.created_at < row.created_at]
    fingerprint = _fingerprint(row.text)
    return ScoreContext(
        prior_comments_30d=sum(1 for c in earlier if c.created_at >= row.created_at - HISTORY_WINDOW),
        replies_to_brand=row.parent_external_id in brand_parents,
        answered_before=any(c.answered for c in earlier),
        copies_before=sum(1 for c in earlier if c.fingerprint == fingerprint),
    )


def _fingerprint(text: str) -> int:
    """Equal for texts that differ only in case and spacing."""
    return zlib.crc32(" ".join(text.lower().split()).encode("utf-8"))

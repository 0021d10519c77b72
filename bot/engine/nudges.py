"""Nudge policy: which waiting comments are due for a nudge, where it goes and when.

A nudge row is written (engine/lifecycle.py `open_`) in the transaction that finds its comment due; the
notifier posts it after commit.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from bot.db.models import Author, Comment, Nudge, is_waiting
from bot.engine import lifecycle
from bot.engine.hours import OfficeHours
from bot.engine.routing import Routing

BATCH = 1000


def enqueue_due(
    session: Session,
    account_id: int,
    *,
    nudge_after: timedelta,
    min_score: int,
    max_age: timedelta,
    channel: str | None,
    now: datetime,
    hours: OfficeHours = OfficeHours(),
    routing: Routing = Routing(),
) -> int:
    """Write an outbox row for every comment that has waited `nudge_after`, deserves a nudge and has none yet.

    With business hours the row's `due_at` is when the team is open (and, counting business time, when the
    comment has waited `nudge_after` of open time); the outbox posts nothing before it. Keyword routes pick the
    channel; a comment with an ignored phrase gets a row already handled (`ignored`), so it is never nudged nor
    looked at again. Comments older than
    `max_age` are listed by /unanswered but never nudged, so a first sync of an old account does not flood
    the channel. A private message is never routed: it is nudged in the account's channel.
    """
    created = 0
    while True:
        due = session.execute(
            select(Comment.id, Comment.created_at, Comment.text, Comment.private)
            .join(Author, Author.id == Comment.author_id)
            .where(
                Comment.account_id == account_id,
                is_waiting(),
                Comment.created_at <= now - nudge_after,
                Comment.created_at >= now - max_age,
                Comment.score >= min_score,
                Author.muted.is_(False),
                ~exists().where(Nudge.comment_id == Comment.id),
            )
            .order_by(Comment.created_at)
            .limit(BATCH)
        ).all()
        if not due:
            return created
        lifecycle.open_(session, [
            lifecycle.opened(comment_id, account_id, routing.channel_for(text, channel, private=private),
                             hours.due_at(created_at, nudge_after), now, ignored=routing.ignores(text))
            for comment_id, created_at, text, private in due
        ])
        created += len(due)

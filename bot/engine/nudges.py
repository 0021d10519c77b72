"""Nudge policy and the outbox's state changes.

A nudge row is written in the transaction that finds its comment due; the notifier posts it after commit.
When the comment's state changes (answered on the platform, deleted), the row says so and is flagged
`needs_update` so the posted message can be edited in place.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import bindparam, case, exists, select, update
from sqlalchemy.orm import Session

from bot.db.lookup import WANTED, one_of
from bot.db.models import Author, Comment, Nudge, is_waiting
from bot.db.upsert import insert_ignoring_conflicts
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
    the channel.
    """
    created = 0
    while True:
        due = session.execute(
            select(Comment.id, Comment.created_at, Comment.text)
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
        insert_ignoring_conflicts(
            session,
            Nudge.__table__,
            [
                _outbox_row(comment_id, account_id, created_at, text, nudge_after, channel, now, hours, routing)
                for comment_id, created_at, text in due
            ],
            ("comment_id",),
        )
        created += len(due)


def _outbox_row(comment_id, account_id, created_at, text, nudge_after, channel, now, hours, routing) -> dict:
    ignored = routing.ignores(text)
    return {
        "comment_id": comment_id,
        "account_id": account_id,
        "state": Nudge.HANDLED if ignored else Nudge.PENDING,
        "channel": routing.channel_for(text, channel),
        "due_at": hours.due_at(created_at, nudge_after),
        "created_at": now,
        "handled_at": now if ignored else None,
        "handled_by": "config" if ignored else None,
        "handled_how": "ignored" if ignored else None,
    }


def on_reply_state_change(session: Session, answered: list[int], unanswered: list[int], now: datetime) -> None:
    if answered:
        _settle(session, answered, "answered", "platform", now)
    if unanswered:  # the brand's answer was deleted: the nudge opens again
        session.connection().execute(_reopen(session.get_bind().dialect.name), {WANTED: unanswered})


def on_deleted(session: Session, comment_ids: list[int], now: datetime) -> None:
    if comment_ids:
        _settle(session, comment_ids, "deleted", "platform", now)


def _settle(session: Session, comment_ids: list[int], how: str, by: str, now: datetime) -> None:
    statement = _close(session.get_bind().dialect.name)
    session.connection().execute(statement, {WANTED: comment_ids, "now": now, "by": by, "how": how})


outbox = Nudge.__table__


@lru_cache(maxsize=None)
def _close(dialect: str):
    return (
        update(outbox)
        .where(one_of(dialect, outbox.c.comment_id), outbox.c.state != Nudge.HANDLED)
        .values(
            state=Nudge.HANDLED,
            handled_at=bindparam("now"),
            handled_by=bindparam("by"),
            handled_how=bindparam("how"),
            # A message already in Slack is edited to say what happened; an unposted nudge just closes.
            needs_update=outbox.c.posted_at.is_not(None),
        )
    )


@lru_cache(maxsize=None)
def _reopen(dialect: str):
    return (
        update(outbox)
        .where(one_of(dialect, outbox.c.comment_id), outbox.c.handled_how == "answered")
        .values(
            state=case((outbox.c.posted_at.is_not(None), Nudge.POSTED), else_=Nudge.PENDING),
            handled_at=None,
            handled_by=None,
            handled_how=None,
            needs_update=outbox.c.posted_at.is_not(None),
        )
    )

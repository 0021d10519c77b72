"""What the team does with a nudge: done, snooze, assign, mute an author; and the messages that need an edit.

Each change is one conditional UPDATE, so two people clicking at once change the state once: the first wins,
the second learns it was already done. Slack's side (editing the message) belongs to bot/slack; the rows it
must edit are flagged `needs_update` until it reports the edit made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.orm import Session

from bot.db.models import Account, Author, Comment, Nudge
from bot.db.upsert import insert_ignoring_conflicts
from bot.config import parse_duration
from bot.engine.hours import DEFAULT_OPENING, OfficeHours
from bot.engine.routing import CONFIG_MUTE, commenters_named

SNOOZE_CHOICES = {"1h": "1 hour", "4h": "4 hours", "tomorrow": "Tomorrow at opening time", "next_week": "Next week"}


@dataclass(frozen=True)
class NudgeStatus:
    """A nudge as the team sees it: where its message is and what happened to it."""

    nudge_id: int
    comment_id: int
    state: str
    channel: str | None
    slack_ts: str | None
    handled_how: str | None  # done | replied | answered | deleted | muted
    handled_by: str | None  # a Slack user id, or "platform"
    handled_at: datetime | None
    snoozed_until: datetime | None
    assigned_to: str | None
    suggestions: tuple[str, ...]

    @property
    def is_open(self) -> bool:
        return self.state != Nudge.HANDLED


_COLUMNS = (
    Nudge.id,
    Nudge.comment_id,
    Nudge.state,
    Nudge.channel,
    Nudge.slack_ts,
    Nudge.handled_how,
    Nudge.handled_by,
    Nudge.handled_at,
    Nudge.snoozed_until,
    Nudge.assigned_to,
    Nudge.suggestions,
)


def _status(row) -> NudgeStatus:
    return NudgeStatus(*row[:10], suggestions=tuple(row[10] or ()))


def nudge_status(session: Session, comment_id: int) -> NudgeStatus | None:
    return nudge_statuses(session, [comment_id]).get(comment_id)


def nudge_statuses(session: Session, comment_ids: list[int]) -> dict[int, NudgeStatus]:
    """comment id -> its nudge, for the comments that have one."""
    rows = session.execute(select(*_COLUMNS).where(Nudge.comment_id.in_(comment_ids)))
    return {status.comment_id: status for status in map(_status, rows)}


@dataclass(frozen=True)
class Muted:
    commenters: int  # author rows muted, one per account the commenter wrote on
    closed: list[int]  # comments whose open nudges the mute settled


def mute(session: Session, name: str, by: str, now: datetime, accounts: list[str]) -> Muted:
    """Never nudge about this commenter again (id, handle with or without @, or name, any case) on `accounts`
    (names); their open nudges there are settled as muted by `by`."""
    authors = list(session.scalars(select(Author.id).join(Account, Account.id == Author.account_id)
                                   .where(commenters_named((name,)), Account.name.in_(accounts))))
    if not authors:
        return Muted(0, [])
    session.execute(update(Author).where(Author.id.in_(authors), Author.muted.is_(False))
                    .values(muted=True, muted_by=by, muted_at=now).execution_options(synchronize_session=False))
    open_ids = list(session.scalars(
        select(Nudge.comment_id).join(Comment, Comment.id == Nudge.comment_id)
        .where(Comment.author_id.in_(authors), Nudge.state != Nudge.HANDLED)
    ))
    return Muted(len(authors), [comment_id for comment_id in open_ids if close(session, comment_id, "muted", by, now)])


@dataclass(frozen=True)
class Unmuted:
    known: int  # author rows known by the name, one per account
    unmuted: int  # of them, muted from Slack and now unmuted
    by_config: int  # of them, muted by the config file's `muted_commenters`, which only the file can lift


def unmute(session: Session, name: str, accounts: list[str]) -> Unmuted:
    """Lift the mutes made from Slack on this commenter (same names as `mute`) on `accounts`; their nudges closed
    as muted stay closed, their comments from now on are nudged again."""
    named = and_(commenters_named((name,)),
                 Author.account_id.in_(select(Account.id).where(Account.name.in_(accounts))))
    mutes = dict(session.execute(
        select(Author.id, Author.muted_by).where(named, Author.muted.is_(True))
    ).all())
    from_slack = [author for author, by in mutes.items() if by != CONFIG_MUTE]
    if from_slack:
        session.execute(update(Author).where(Author.id.in_(from_slack)).values(muted=False, muted_by=None, muted_at=None)
                        .execution_options(synchronize_session=False))
    known = session.scalar(select(func.count()).select_from(Author).where(named)) or 0
    return Unmuted(known, len(from_slack), len(mutes) - len(from_slack))


def close(session: Session, comment_id: int, how: str, by: str, now: datetime) -> bool:
    """Settle a comment's open nudge from Slack (one is made for a comment listed before its nudge was due).
    False when it was settled already (by someone else, or the platform), or there is no such comment.

    The caller edits the message itself, so the row is not flagged for the background edit.
    """
    if not _ensure_nudge(session, comment_id, due_at=now, now=now):
        return False
    result = session.execute(
        update(Nudge)
        .where(Nudge.comment_id == comment_id, Nudge.state != Nudge.HANDLED)
        .values(state=Nudge.HANDLED, handled_at=now, handled_by=by, handled_how=how, snoozed_until=None)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def snooze(session: Session, comment_id: int, until: datetime, now: datetime) -> bool:
    """Quiet a comment until `until`. A posted nudge keeps its message (edited to say so) and is raised again
    then; an unposted one is simply due later; a comment without a nudge gets one due then.
    False when handled already, or when there is no such user comment (the brand's own are never snoozed)."""
    if not _ensure_nudge(session, comment_id, due_at=until, now=now):
        return False
    result = session.execute(
        update(Nudge)
        .where(Nudge.comment_id == comment_id, Nudge.state != Nudge.HANDLED)
        .values(snoozed_until=case((Nudge.state == Nudge.POSTED, until), else_=None), due_at=until)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _ensure_nudge(session: Session, comment_id: int, *, due_at: datetime, now: datetime) -> bool:
    """A pending nudge for a comment that has none (listed by /unanswered or the Home tab before it was due).
    False when there is no such comment."""
    row = session.execute(
        select(Comment.account_id, Account.channel).join(Account)
        .where(Comment.id == comment_id, Comment.is_brand.is_(False))
    ).first()
    if row is None:
        return False
    insert_ignoring_conflicts(session, Nudge.__table__, [{
        "comment_id": comment_id, "account_id": row.account_id, "channel": row.channel, "state": Nudge.PENDING,
        "due_at": due_at, "created_at": now,
    }], ("comment_id",))
    return True


def assign(session: Session, comment_id: int, assignee: str) -> bool:
    result = session.execute(
        update(Nudge)
        .where(Nudge.comment_id == comment_id, Nudge.state != Nudge.HANDLED)
        .values(assigned_to=assignee)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def flag_for_update(session: Session, comment_id: int) -> None:
    """An edit the caller could not make: the background pass makes it later."""
    session.execute(update(Nudge).where(Nudge.comment_id == comment_id, Nudge.slack_ts.is_not(None))
                    .values(needs_update=True))


def wake_snoozed(session: Session, now: datetime) -> list[int]:
    """Posted nudges whose snooze ran out: flagged for an edit (and a reminder). Returns their comment ids."""
    ids = list(
        session.scalars(
            select(Nudge.comment_id).where(
                Nudge.state == Nudge.POSTED, Nudge.snoozed_until.is_not(None), Nudge.snoozed_until <= now
            )
        )
    )
    if ids:
        session.execute(
            update(Nudge)
            .where(Nudge.comment_id.in_(ids))
            .values(snoozed_until=None, needs_update=True, escalate_from=now)  # the escalation clock starts again
            .execution_options(synchronize_session=False)
        )
    return ids


def needing_update(session: Session, limit: int = 200) -> list[NudgeStatus]:
    rows = session.execute(
        select(*_COLUMNS)
        .where(Nudge.needs_update.is_(True), Nudge.slack_ts.is_not(None), Nudge.channel.is_not(None))
        .order_by(Nudge.id)
        .limit(limit)
    )
    return [_status(row) for row in rows]


def mark_updated(session: Session, nudge_id: int) -> None:
    session.execute(update(Nudge).where(Nudge.id == nudge_id).values(needs_update=False))


def snooze_until(choice: str, now: datetime, hours: OfficeHours) -> datetime:
    """`1h`, `4h`, `tomorrow` (at opening time), `next_week` (Monday at opening time), or any duration."""
    if choice == "tomorrow":
        return hours.opening_after_today(now)
    if choice == "next_week":
        today = now.astimezone(hours.zone).date()
        monday = today + timedelta(days=7 - today.weekday())
        start = datetime.combine(monday, DEFAULT_OPENING if hours.schedule is None else time(0), tzinfo=hours.zone)
        return hours.next_opening(start)
    return now + parse_duration(choice)

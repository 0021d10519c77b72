"""Nudges as the team sees them (their status), muting and unmuting authors, and snooze times. The nudges'
transitions themselves are engine/lifecycle.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import and_, func, select, update
from sqlalchemy.orm import Session

from bot.db.models import Account, Author, Nudge, NudgeState, Outcome
from bot.config import parse_duration
from bot.engine import lifecycle
from bot.engine.hours import DEFAULT_OPENING, OfficeHours
from bot.engine.routing import CONFIG_MUTE, commenters_named

SNOOZE_CHOICES = {"1h": "1 hour", "4h": "4 hours", "tomorrow": "Tomorrow at opening time", "next_week": "Next week"}


@dataclass(frozen=True)
class NudgeStatus:
    """A nudge as the team sees it: where its message is and what happened to it."""

    nudge_id: int
    comment_id: int
    state: NudgeState
    channel: str | None
    slack_ts: str | None
    handled_how: Outcome | None
    handled_by: str | None  # a Slack user id, or "platform"
    handled_at: datetime | None
    snoozed_until: datetime | None
    assigned_to: str | None
    suggestions: tuple[str, ...]

    @property
    def is_open(self) -> bool:
        return self.state in lifecycle.OPEN


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
    how = Outcome(row.handled_how) if row.handled_how else None
    return NudgeStatus(row.id, row.comment_id, NudgeState(row.state), row.channel, row.slack_ts, how, *row[6:10],
                       suggestions=tuple(row[10] or ()))


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
    return Muted(len(authors), lifecycle.settle_muted(session, authors, by, now, edit_later=False))


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

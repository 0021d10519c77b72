"""How the team is doing: response rate, time to first reply, what nudges changed, backlog, conversations continued.

Counted over the user comments written in a window (deleted ones and muted commenters left out). One read query
fetches the window's comments and those still waiting during it; the figures are computed here, the same way on
SQLite and PostgreSQL. Reply times are calendar time, or open hours only for the accounts given a clock that counts
them (those with `count = "business"`, see engine/hours.py).
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Callable, Iterable, Mapping, Sequence
from zoneinfo import ZoneInfo

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, aliased

from bot.db.models import Account, Author, Comment, Nudge, Post

ReplyClock = Callable[[datetime, datetime], timedelta]  # how long from a comment to its reply, as an account counts


@dataclass(frozen=True)
class DayFigures:
    day: date
    received: int
    answered: int  # of the comments received that day, answered by the end of the window
    median_reply_seconds: int | None
    backlog: int  # comments waiting at the end of the day


@dataclass(frozen=True)
class Stats:
    since: datetime
    until: datetime
    received: int
    answered: int
    response_rate: float | None  # answered / received, None when nothing was received
    median_reply_seconds: int | None  # time to the brand's first reply
    p90_reply_seconds: int | None  # nearest-rank 90th percentile
    answered_after_nudge: int  # answered after a nudge was posted about it
    answered_without_nudge: int  # answered before any nudge (or never nudged)
    continued: int  # answered, and the user came back on the same post afterwards
    backlog_by_account: dict[str, int]  # waiting now
    backlog_by_platform: dict[str, int]
    days: tuple[DayFigures, ...]
    business_hours: tuple[str, ...] = ()  # the accounts whose reply times count open hours only

    @property
    def backlog(self) -> int:
        return sum(self.backlog_by_account.values())

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["since"], data["until"] = _iso(self.since), _iso(self.until)
        data["backlog"] = self.backlog
        data["business_hours"] = list(self.business_hours)
        data["days"] = [{**asdict(day), "day": day.day.isoformat()} for day in self.days]
        return data

    def rows(self) -> list[tuple[str, str, Any]]:
        """The same figures as (metric, scope, value) rows, for a CSV file."""
        rows: list[tuple[str, str, Any]] = [("since", "all", _iso(self.since)), ("until", "all", _iso(self.until))]
        for metric in ("received", "answered", "response_rate", "median_reply_seconds", "p90_reply_seconds",
                       "answered_after_nudge", "answered_without_nudge", "continued", "backlog"):
            rows.append((metric, "all", getattr(self, metric)))
        rows += [("backlog", f"account:{name}", count) for name, count in self.backlog_by_account.items()]
        rows += [("backlog", f"platform:{name}", count) for name, count in self.backlog_by_platform.items()]
        rows += [("reply_times_count", f"account:{name}", "business_hours") for name in self.business_hours]
        for day in self.days:
            scope = f"day:{day.day.isoformat()}"
            rows += [("received", scope, day.received), ("answered", scope, day.answered),
                     ("median_reply_seconds", scope, day.median_reply_seconds), ("backlog", scope, day.backlog)]
        return rows


@dataclass(frozen=True)
class _Row:
    account: str
    platform: str
    created_at: datetime
    answered_at: datetime | None
    nudged_at: datetime | None
    continued: bool


def team_stats(
    session: Session,
    *,
    since: datetime,
    until: datetime,
    accounts: Sequence[str] | None = None,
    zone: ZoneInfo = ZoneInfo("UTC"),
    business_waits: Mapping[str, ReplyClock] | None = None,
) -> Stats:
    """Figures for comments written in [since, until); days are local dates in `zone`; `business_waits` (by account
    name) count the reply times of the accounts that count business hours."""
    business_waits = business_waits or {}
    rows = _rows(session, since, until, accounts)
    received = [row for row in rows if row.created_at >= since]
    answered = [row for row in received if row.answered_at is not None and row.answered_at < until]
    reply_seconds = [_reply_seconds(row, business_waits) for row in answered]
    after_nudge = sum(1 for row in answered if row.nudged_at is not None and row.nudged_at <= row.answered_at)
    waiting = [row for row in rows if _waiting_at(row, until)]
    return Stats(
        since=since,
        until=until,
        received=len(received),
        answered=len(answered),
        response_rate=round(len(answered) / len(received), 4) if received else None,
        median_reply_seconds=_median(reply_seconds),
        p90_reply_seconds=_nearest_rank(reply_seconds, 0.9),
        answered_after_nudge=after_nudge,
        answered_without_nudge=len(answered) - after_nudge,
        continued=sum(1 for row in answered if row.continued),
        backlog_by_account=dict(sorted(Counter(row.account for row in waiting).items())),
        backlog_by_platform=dict(sorted(Counter(row.platform for row in waiting).items())),
        days=tuple(_days(rows, received, since, until, zone, business_waits)),
        business_hours=tuple(sorted(name for name in business_waits if accounts is None or name in accounts)),
    )


@dataclass(frozen=True)
class Conversation:
    """A user who came back after the brand's reply: their comments in the window after being answered."""

    author: str
    account: str
    post_title: str | None
    url: str | None  # their latest comment
    comments: int


def continued_conversations(
    session: Session, *, since: datetime, until: datetime, accounts: Sequence[str], limit: int = 3
) -> list[Conversation]:
    """The conversations that went on the most in [since, until): users writing again on a post after the brand
    answered them there, most comments first."""
    earlier = aliased(Comment)
    answered_before = exists().where(
        earlier.author_id == Comment.author_id,
        earlier.post_id == Comment.post_id,
        earlier.answered_at < Comment.created_at,
        earlier.is_brand.is_(False),
    )
    rows = session.execute(
        select(Comment.author_id, Comment.post_id, Author.name, Account.name, Post.title, Comment.url)
        .join(Account, Account.id == Comment.account_id)
        .join(Author, Author.id == Comment.author_id)
        .join(Post, Post.id == Comment.post_id)
        .where(
            Comment.created_at >= since,
            Comment.created_at < until,
            Comment.is_brand.is_(False),
            Comment.deleted.is_(False),
            Author.muted.is_(False),
            Account.name.in_(list(accounts)),
            answered_before,
        )
        .order_by(Comment.created_at, Comment.id)
    ).all()
    found: dict[tuple[int, int], Conversation] = {}
    for author_id, post_id, author, account, title, url in rows:
        before = found.get((author_id, post_id))
        found[(author_id, post_id)] = Conversation(author, account, title, url, (before.comments if before else 0) + 1)
    ranked = sorted(enumerate(found.values()), key=lambda pair: (-pair[1].comments, -pair[0]))
    return [conversation for _, conversation in ranked[:limit]]


def _rows(session: Session, since: datetime, until: datetime, accounts: Sequence[str] | None) -> list[_Row]:
    later = aliased(Comment)
    came_back = exists().where(
        later.author_id == Comment.author_id,
        later.post_id == Comment.post_id,
        later.created_at > Comment.answered_at,
        later.created_at < until,
        later.is_brand.is_(False),
        later.deleted.is_(False),
    )
    query = (
        select(Account.name, Account.platform, Comment.created_at, Comment.answered_at, Nudge.posted_at,
               came_back.label("continued"))
        .join(Account, Account.id == Comment.account_id)
        .join(Author, Author.id == Comment.author_id)
        .outerjoin(Nudge, Nudge.comment_id == Comment.id)
        .where(
            Comment.is_brand.is_(False),
            Comment.deleted.is_(False),
            Author.muted.is_(False),
            Comment.created_at < until,
            # written in the window, or still waiting at some point in it (for the backlog)
            or_(Comment.created_at >= since, Comment.answered_at.is_(None), Comment.answered_at > since),
        )
    )
    if accounts is not None:
        query = query.where(Account.name.in_(list(accounts)))
    return [_Row(*row) for row in session.execute(query)]


def _days(
    rows: list[_Row], received: list[_Row], since: datetime, until: datetime, zone: ZoneInfo,
    business_waits: Mapping[str, ReplyClock],
) -> Iterable[DayFigures]:
    first, last = since.astimezone(zone).date(), (until - timedelta(microseconds=1)).astimezone(zone).date()
    by_day: dict[date, list[_Row]] = {}
    for row in received:
        by_day.setdefault(row.created_at.astimezone(zone).date(), []).append(row)
    day = first
    while day <= last:
        end = min(until, datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(timezone.utc))
        today = by_day.get(day, [])
        replies = [_reply_seconds(row, business_waits) for row in today
                   if row.answered_at is not None and row.answered_at < until]
        yield DayFigures(
            day=day,
            received=len(today),
            answered=len(replies),
            median_reply_seconds=_median(replies),
            backlog=sum(1 for row in rows if row.created_at < end and _waiting_at(row, end)),
        )
        day += timedelta(days=1)


def _waiting_at(row: _Row, moment: datetime) -> bool:
    return row.answered_at is None or row.answered_at > moment


def _reply_seconds(row: _Row, business_waits: Mapping[str, ReplyClock]) -> int:
    assert row.answered_at is not None
    clock = business_waits.get(row.account)
    taken = clock(row.created_at, row.answered_at) if clock else row.answered_at - row.created_at
    return int(taken.total_seconds())


def _median(values: list[int]) -> int | None:
    return round(statistics.median(values)) if values else None


def _nearest_rank(values: list[int], fraction: float) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")

"""Business-hour arithmetic: when an account's team is open, and how long a comment has waited in open time.

Windows are local wall-clock times in the account's time zone, so a 09:00 opening stays 09:00 across DST changes.
All inputs and outputs are timezone-aware datetimes; results come back in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable, Iterable, Iterator
from zoneinfo import ZoneInfo

from bot.config import AccountConfig, BusinessHours

# How far ahead to look for an opening; a schedule whose days are all holidays for this long never opens.
HORIZON_DAYS = 3 * 366
DEFAULT_OPENING = time(9, 0)  # "tomorrow at opening time" for an account without business hours


@dataclass(frozen=True)
class OfficeHours:
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    schedule: BusinessHours | None = None
    holidays: frozenset[date] = frozenset()
    count: str = "calendar"

    @classmethod
    def of(cls, account: AccountConfig) -> OfficeHours:
        return cls(account.timezone, account.business_hours, account.holidays, account.count)

    def is_open(self, at: datetime) -> bool:
        return self.next_opening(at) == at.astimezone(timezone.utc)

    def next_opening(self, at: datetime) -> datetime:
        """`at` itself when open, else the next time the team opens."""
        at = at.astimezone(timezone.utc)
        if self.schedule is None:
            return at
        for opens, closes in self._windows(at):
            if closes > at:
                return max(opens, at)
        raise ValueError(f"no opening within {HORIZON_DAYS} days")

    def due_at(self, start: datetime, wait: timedelta) -> datetime:
        """When something that started waiting at `start` has waited `wait`: counted in open time when
        `count = "business"`, else in calendar time and then held until opening."""
        start = start.astimezone(timezone.utc)
        if self.schedule is None:
            return start + wait
        if self.count == "calendar":
            return self.next_opening(start + wait)
        remaining = wait
        for opens, closes in self._windows(start):
            if closes <= start:
                continue
            begin = max(opens, start)
            if remaining < closes - begin:  # due at closing time means due at the next opening
                return begin + remaining
            remaining -= closes - begin
        raise ValueError(f"no opening within {HORIZON_DAYS} days")

    def waited(self, start: datetime, end: datetime) -> timedelta:
        """Time between `start` and `end`, counting only open hours when `count = "business"`."""
        start, end = start.astimezone(timezone.utc), end.astimezone(timezone.utc)
        if end <= start:
            return timedelta(0)
        if self.schedule is None or self.count == "calendar":
            return end - start
        total = timedelta(0)
        for opens, closes in self._windows(start):
            if opens >= end:
                break
            total += max(timedelta(0), min(closes, end) - max(opens, start))
        return total

    def opening_after_today(self, now: datetime) -> datetime:
        """The first opening on a later local day than `now`'s: "tomorrow at opening time", after a weekend or
        holiday when tomorrow is closed. Without business hours: 09:00 local tomorrow."""
        tomorrow = now.astimezone(self.zone).date() + timedelta(days=1)
        if self.schedule is None:
            return _local(tomorrow, DEFAULT_OPENING, self.zone)
        return next(iter(self._windows(_local(tomorrow, time(0), self.zone))))[0]

    def is_open_day(self, day: date) -> bool:
        """Whether the team opens at all on this local date: not a holiday, and a day with opening hours."""
        return day not in self.holidays and (self.schedule is None or bool(self.schedule.on(day.weekday())))

    def local(self, day: date, at: time) -> datetime:
        """A local wall-clock time on `day`, in UTC."""
        return _local(day, at, self.zone)

    def _windows(self, since: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Open windows in UTC, in order, from the local day of `since` (windows may end before `since`)."""
        assert self.schedule is not None
        first = since.astimezone(self.zone).date()
        for offset in range(HORIZON_DAYS):
            day = first + timedelta(days=offset)
            if day in self.holidays:
                continue
            for opens, closes in self.schedule.on(day.weekday()):
                end = _local(day + timedelta(days=1), time(0), self.zone) if closes is None else _local(day, closes, self.zone)
                yield _local(day, opens, self.zone), end


def business_clocks(accounts: Iterable[AccountConfig]) -> dict[str, Callable[[datetime, datetime], timedelta]]:
    """Account name -> the time between two instants in open hours, for the accounts with `count = "business"`:
    how long a reply took (stats) or a comment has waited (what Slack and the CLI show). Other accounts count
    calendar time."""
    return {account.name: OfficeHours.of(account).waited for account in accounts if account.count == "business"}


def _local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """A local wall-clock time as UTC. A time skipped by a DST change moves forward by the gap (02:30 -> 03:30),
    as calendars do; a repeated one takes its first occurrence."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(timezone.utc)

"""Business hours: reading `business_hours = "mon-fri 09:00-17:30"` (parse_business_hours, which the config file's
reader calls), and the arithmetic of OfficeHours: when an account's team is open, and how long a comment has waited
in open time.

Windows are local wall-clock times in the account's time zone, so a 09:00 opening stays 09:00 across DST changes.
All inputs and outputs are timezone-aware datetimes; results come back in UTC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable, Iterable, Iterator
from zoneinfo import ZoneInfo

from bot.config import WEEKDAYS, AccountConfig, BusinessHours

# How far ahead to look for an opening; a schedule whose days are all holidays for this long never opens.
HORIZON_DAYS = 3 * 366
DEFAULT_OPENING = time(9, 0)  # "tomorrow at opening time" for an account without business hours
_HOURS_RANGE = re.compile(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})")


def parse_business_hours(text: str) -> BusinessHours:
    """`mon-fri 09:00-17:30`, clauses joined by commas: `mon-thu 09:00-12:00 13:00-17:30, fri 09:00-15:00`.

    Days are `mon`..`sun`, a range `mon-fri`, or `daily`; `24:00` closes at midnight. Raises ValueError.
    """
    windows: list[list[tuple[time, time | None]]] = [[] for _ in WEEKDAYS]
    clauses = [clause.split() for clause in text.lower().split(",")]
    if not any(clauses):
        raise ValueError("empty business hours (e.g. 'mon-fri 09:00-17:30')")
    for words in clauses:
        if len(words) < 2:
            raise ValueError(f"{' '.join(words) or 'an empty clause'!r}: write days then hours, e.g. 'mon-fri 09:00-17:30'")
        days = _weekdays(words[0])
        for hours in words[1:]:
            opens, closes = _opening_window(hours)
            for day in days:
                windows[day].append((opens, closes))
    for day, spans in enumerate(windows):
        spans.sort(key=lambda span: span[0])
        for (_, first_close), (second_open, _) in zip(spans, spans[1:]):
            if first_close is None or first_close > second_open:
                raise ValueError(f"opening hours overlap on {WEEKDAYS[day]}")
    return BusinessHours(tuple(tuple(spans) for spans in windows), text)


def _weekdays(word: str) -> list[int]:
    if word in ("daily", "mon-sun"):
        return list(range(7))
    first, _, last = word.partition("-")
    for name in (first, last) if last else (first,):
        if name not in WEEKDAYS:
            raise ValueError(f"{name!r} is not a day (one of {', '.join(WEEKDAYS)}, or 'daily')")
    start, end = WEEKDAYS.index(first), WEEKDAYS.index(last or first)
    if end < start:
        raise ValueError(f"{word!r}: a day range runs forward, e.g. 'mon-fri'")
    return list(range(start, end + 1))


def _opening_window(hours: str) -> tuple[time, time | None]:
    match = _HOURS_RANGE.fullmatch(hours)
    if not match:
        raise ValueError(f"{hours!r} is not an opening window (e.g. 09:00-17:30)")
    open_h, open_m, close_h, close_m = (int(part) for part in match.groups())
    if open_h > 23 or open_m > 59 or close_m > 59 or close_h > 24 or (close_h == 24 and close_m):
        raise ValueError(f"{hours!r}: hours run from 00:00 to 24:00")
    opens = time(open_h, open_m)
    closes = None if close_h == 24 else time(close_h, close_m)
    if closes is not None and closes <= opens:
        raise ValueError(f"{hours!r}: closing time must come after opening time (no overnight windows)")
    return opens, closes


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


def business_waits_of(accounts: Iterable[AccountConfig]) -> dict[str, Callable[[datetime, datetime], timedelta]]:
    """Account name -> the time between two instants in open hours, for the accounts with `count = "business"`:
    how long a reply took (stats) or a comment has waited (what Slack and the CLI show). Other accounts count
    calendar time."""
    return {account.name: OfficeHours.of(account).waited for account in accounts if account.count == "business"}


def _local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """A local wall-clock time as UTC. A time skipped by a DST change moves forward by the gap (02:30 -> 03:30),
    as calendars do; a repeated one takes its first occurrence."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(timezone.utc)

"""YouTube's daily quota: every call's unit cost, counted per Pacific day against the account's budget.

The count lives in the account's cursor (so it survives restarts) and resets at midnight America/Los_Angeles,
when Google resets the project's quota. Polling stops `reply_reserve` units short of the budget so replies sent
from Slack still go through; replies, which happen outside a poll, are added to the count at the next poll.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.sources.base import QuotaExhausted

PACIFIC = ZoneInfo("America/Los_Angeles")
COSTS = {"commentThreads.list": 1, "comments.list": 1, "channels.list": 1, "videos.list": 1, "comments.insert": 50}

_lock = threading.Lock()
_spent_outside_polls: dict[str, int] = {}  # channel id -> units spent by replies since the last poll


def pacific_day(moment: datetime) -> date:
    return moment.astimezone(PACIFIC).date()


def next_reset(moment: datetime) -> datetime:
    """The next midnight in Pacific time, in UTC."""
    tomorrow = pacific_day(moment) + timedelta(days=1)
    return datetime.combine(tomorrow, time(0), tzinfo=PACIFIC).astimezone(timezone.utc)


def note_reply_units(channel_id: str, units: int) -> None:
    with _lock:
        _spent_outside_polls[channel_id] = _spent_outside_polls.get(channel_id, 0) + units


def take_reply_units(channel_id: str) -> int:
    with _lock:
        return _spent_outside_polls.pop(channel_id, 0)


class QuotaBudget:
    def __init__(self, budget: int, reply_reserve: int, state: dict | None, now: datetime):
        self.budget = budget
        self.reply_reserve = min(reply_reserve, budget)
        state = state or {}
        self.day = pacific_day(now).isoformat()
        same_day = state.get("day") == self.day
        self.used = int(state.get("used", 0)) if same_day else 0
        self.exhausted = bool(state.get("exhausted")) if same_day else False
        self.polls = int(state.get("polls", 0)) if same_day else 0

    @property
    def polling_budget(self) -> int:
        return self.budget - self.reply_reserve

    def spend(self, call: str, now: datetime, *, reply: bool = False) -> None:
        """Count a call before it is made; refuse it when it would overrun the day's budget."""
        self.roll(now)
        cost = COSTS[call]
        limit = self.budget if reply else self.polling_budget
        if self.exhausted or self.used + cost > limit:
            raise QuotaExhausted(self.pause_message(now), retry_at=next_reset(now))
        self.used += cost

    def roll(self, now: datetime) -> None:
        today = pacific_day(now).isoformat()
        if today != self.day:
            self.day, self.used, self.exhausted, self.polls = today, 0, False, 0

    def mark_exhausted(self, now: datetime) -> QuotaExhausted:
        self.roll(now)
        self.exhausted = True
        return QuotaExhausted(
            f"YouTube answered quotaExceeded after {self.used} units today; "
            f"paused until the quota resets at {next_reset(now):%H:%M} UTC (midnight Pacific)",
            retry_at=next_reset(now),
        )

    def pause_message(self, now: datetime) -> str:
        return (
            f"YouTube quota budget spent: {self.used} of {self.budget} units today "
            f"({self.reply_reserve} kept for replies); paused until {next_reset(now):%H:%M} UTC (midnight Pacific)"
        )

    def min_interval(self, units_per_poll: float, now: datetime) -> timedelta:
        """Spread what is left of today's polling budget evenly over the rest of the Pacific day."""
        self.roll(now)
        left = self.polling_budget - self.used
        seconds_to_reset = (next_reset(now) - now).total_seconds()
        if left < units_per_poll:
            return timedelta(seconds=seconds_to_reset)
        return timedelta(seconds=seconds_to_reset * units_per_poll / left)

    def state(self) -> dict:
        return {"day": self.day, "used": self.used, "exhausted": self.exhausted, "polls": self.polls}

    def describe(self, now: datetime) -> str:
        self.roll(now)
        return f"quota today {self.used}/{self.budget} units (resets {next_reset(now):%H:%M} UTC)"

"""When an account is polled next: sooner while comments keep arriving, later while it is quiet, and never sooner
than its platform's budget allows.

Activity scales the account's `poll_interval` by how long ago its newest user comment was written: an hour ago
gives `poll_interval` itself, ten minutes ago six times as often, six hours ago six times less often, always within
`poll_interval_min` and `poll_interval_max`. An account without a user comment yet is quiet. Limits (what is left of
a daily quota spread over the rest of the day, low rate-limit headroom, a pause after an error) only ever push the
next poll later; the one that pushes it furthest is the reason shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from bot.config import PollIntervals
from bot.sources.base import QUOTA, RATE_LIMIT

STEADY_AFTER = timedelta(hours=1)  # an account whose newest user comment is this old is polled every poll_interval

BUSY, STEADY, QUIET, PAUSED = "busy", "steady", "quiet", "paused"
# Why a failed poll waits before the next one, by the error's kind (engine/poller.py).
WAIT_AFTER_ERROR = {"auth": PAUSED, "quota": QUOTA, "rate_limited": RATE_LIMIT}


@dataclass(frozen=True)
class NextPoll:
    at: datetime
    reason: str  # busy | steady | quiet, or the limit that held it back: quota | rate limit | paused


def by_activity(intervals: PollIntervals, newest_comment_at: datetime | None, now: datetime) -> NextPoll:
    if newest_comment_at is None:
        return NextPoll(now + intervals.longest, QUIET)
    quiet_for = max(timedelta(0), now - newest_comment_at)
    wait = min(max(intervals.usual * (quiet_for / STEADY_AFTER), intervals.shortest), intervals.longest)
    reason = BUSY if wait < intervals.usual else QUIET if wait > intervals.usual else STEADY
    return NextPoll(now + wait, reason)


def next_poll(
    intervals: PollIntervals, newest_comment_at: datetime | None, now: datetime, limits: Iterable[NextPoll] = ()
) -> NextPoll:
    """The activity's choice, unless a limit (the earliest time it allows, and why) comes later."""
    chosen = by_activity(intervals, newest_comment_at, now)
    for limit in limits:
        if limit.at > chosen.at:
            chosen = limit
    return chosen

"""Which posts an account watches: those published within `recent_days` (default 30).

Older posts are still followed where the platform itself reports a new comment on them (an inbox, a
notification, a thread that moved to the top of a time-ordered listing); the connectors say which in
docs/platforms.md.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.config import AccountConfig
from bot.config.checks import whole_number_option
from bot.config_keys import Option

RECENCY_KEY = "recent_days"
DEFAULT_RECENT_DAYS = 30
RECENT_DAYS = Option(RECENCY_KEY, "how many days back a first sync reads, and how old a post may be for its new "
                     "comments to be read", DEFAULT_RECENT_DAYS, int)


def recent_days(account: AccountConfig) -> int:
    return whole_number_option(account, RECENCY_KEY, DEFAULT_RECENT_DAYS, 1, 3650, of="days")


def recent_since(days: int, now: datetime) -> datetime:
    """The oldest publication time of a post still watched for new comments."""
    return now - timedelta(days=days)

"""The team's stats in Slack: what `/nudge stats [7d|30d|90d]` answers and the App Home's stats section show.

The figures are bot/db/stats.py's, the same as `replynudge export` writes.
"""

from __future__ import annotations

from datetime import timedelta

from bot.config import format_duration, parse_duration
from bot.db.stats import Stats
from bot.slack.blocks import escape

DEFAULT_WINDOW = "7d"
LONGEST = timedelta(days=366)


def parse_window(text: str | None) -> timedelta | None:
    """`7d`, `30d`, `90d` or any duration from a day to a year; None when it is not one."""
    try:
        window = parse_duration(text or DEFAULT_WINDOW)
    except (ValueError, OverflowError):
        return None
    return window if timedelta(days=1) <= window <= LONGEST else None


def window_label(window: timedelta) -> str:
    if window % timedelta(days=1):
        return f"Last {format_duration(window)}"
    return "Last day" if window.days == 1 else f"Last {window.days} days"


def stats_text(stats: Stats, label: str) -> str:
    """The figures as mrkdwn lines under a bold `label`."""
    lines = [f"*{label}* (comments written since {stats.since:%a %d %b %H:%M} UTC)"]
    if stats.received:
        lines.append(f"• Response rate: *{stats.response_rate:.0%}* ({stats.answered} of {stats.received} answered)")
    else:
        lines.append("• No comments were written in this time.")
    if stats.median_reply_seconds is not None:
        business = f" (open hours only for {', '.join(map(escape, stats.business_hours))})" if stats.business_hours else ""
        lines.append(f"• Time to first reply: median *{_seconds(stats.median_reply_seconds)}*, "
                     f"90% within *{_seconds(stats.p90_reply_seconds)}*{business}")
    if stats.answered:
        lines.append(f"• Answered after a nudge: {stats.answered_after_nudge} · "
                     f"before any nudge: {stats.answered_without_nudge}")
        lines.append(f"• Conversations continued (they came back after our reply): {stats.continued}")
    if stats.backlog:
        lines.append(f"• Waiting now: *{stats.backlog}* · by account: {_split(stats.backlog_by_account)} · "
                     f"by platform: {_split(stats.backlog_by_platform)}")
    else:
        lines.append("• Waiting now: nothing :white_check_mark:")
    return "\n".join(lines)


def _seconds(seconds: int | None) -> str:
    return format_duration(timedelta(seconds=seconds or 0))


def _split(counts: dict[str, int]) -> str:
    return ", ".join(f"{escape(name)} {count}" for name, count in counts.items())

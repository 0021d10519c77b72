"""Durations as people write them in settings and commands (`90s`, `1h30m`) and as the bot shows them (`2d 3h`)."""

from __future__ import annotations

import re
from datetime import timedelta

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(w|d|h|m|s)")
_UNIT_SECONDS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> timedelta:
    """`90s`, `30m`, `2h`, `1d`, `1w`, or combinations such as `1h30m`. Raises ValueError."""
    compact = text.strip().lower().replace(" ", "")
    if not compact:
        raise ValueError("empty duration")
    position, seconds = 0, 0.0
    for match in _DURATION_PART.finditer(compact):
        if match.start() != position:
            break
        seconds += float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
        position = match.end()
    if position != len(compact):
        raise ValueError(f"{text!r} is not a duration (use 90s, 30m, 2h, 1d)")
    return timedelta(seconds=seconds)


def format_wait(calendar_seconds: int, business_seconds: int | None) -> str:
    """How long a comment has waited, as shown to people: in open hours, labelled, for an account that counts
    business hours (`business_seconds` given), else in calendar time."""
    calendar = format_duration(timedelta(seconds=calendar_seconds))
    if business_seconds is None:
        return calendar
    return f"{format_duration(timedelta(seconds=business_seconds))} of business hours ({calendar} in all)"


def format_duration(delta: timedelta) -> str:
    """The leading unit and the one after it, as people say it: `2d 3h`, `45m`, `3h`, `12s`."""
    seconds = max(0, int(delta.total_seconds()))
    units = (("d", 86400), ("h", 3600), ("m", 60), ("s", 1))
    index = next(i for i, (_, size) in enumerate(units) if seconds >= size or size == 1)
    unit, size = units[index]
    text = f"{seconds // size}{unit}"
    if size > 1:
        next_unit, next_size = units[index + 1]
        if rest := (seconds % size) // next_size:
            text += f" {rest}{next_unit}"
    return text

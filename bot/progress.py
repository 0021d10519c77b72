"""Progress of long polls (a first sync, a large backfill) for the person waiting on them, and the summary that
ends `poll --once`.

In a terminal one line is redrawn as pages are stored: comments read, pages, the rate, and the time left where
the platform tells a total (WordPress). Elsewhere (a service, a pipe, a CI log) a log line every LOG_EVERY while
a poll lasts, so that a short poll logs nothing. Hand-written rather than a progress library: it is one line, and
the log form is what a service needs, which progress bars do not do.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Sequence, TextIO

from bot.clock import utcnow
from bot.config import format_duration
from bot.engine.poller import PollOutcome

log = logging.getLogger("bot.progress")

LOG_EVERY = timedelta(seconds=5)
REDRAW_EVERY = timedelta(seconds=0.2)


@dataclass
class _Poll:
    started: datetime
    shown: datetime | None = None  # when the last line was drawn or logged


def describe(outcome: PollOutcome, elapsed: timedelta) -> str:
    """`blog: 12,000 comments read, 120 pages, 410/s, about 1m 30s left of 50,000`."""
    text = f"{outcome.account}: {outcome.records:,} comments read, {outcome.pages:,} pages"
    seconds = elapsed.total_seconds()
    if seconds > 0 and outcome.records:
        rate = outcome.records / seconds
        text += f", {rate:,.0f}/s"
        if outcome.expected and outcome.expected > outcome.records:
            left = timedelta(seconds=(outcome.expected - outcome.records) / rate)
            text += f", about {format_duration(left)} left of {outcome.expected:,}"
    return text


class _Progress:
    every: timedelta

    def __init__(self, clock: Callable[[], datetime] = utcnow):
        self.clock = clock
        self.polls: dict[str, _Poll] = {}

    def started(self, account: str) -> None:
        self.polls[account] = _Poll(self.clock())

    def paged(self, outcome: PollOutcome) -> None:
        poll, now = self.polls[outcome.account], self.clock()
        if self._due(poll, now):
            poll.shown = now
            self.show(outcome.account, describe(outcome, now - poll.started))

    def polled(self, outcome: PollOutcome) -> None:
        poll = self.polls.pop(outcome.account, None)
        if poll is not None and poll.shown is not None:
            self.finish(outcome, self.clock() - poll.started)

    def _due(self, poll: _Poll, now: datetime) -> bool:
        raise NotImplementedError

    def show(self, account: str, line: str) -> None:
        raise NotImplementedError

    def finish(self, outcome: PollOutcome, elapsed: timedelta) -> None:
        raise NotImplementedError


class TerminalProgress(_Progress):
    """One line on a terminal, redrawn in place, cleared when the poll ends (the summary follows)."""

    def __init__(self, stream: TextIO, clock: Callable[[], datetime] = utcnow):
        super().__init__(clock)
        self.stream = stream

    def _due(self, poll: _Poll, now: datetime) -> bool:
        return poll.shown is None or now - poll.shown >= REDRAW_EVERY

    def show(self, account: str, line: str) -> None:
        width = shutil.get_terminal_size().columns - 1
        self.stream.write("\r\033[K" + line[:width])
        self.stream.flush()

    def finish(self, outcome: PollOutcome, elapsed: timedelta) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()


class LogProgress(_Progress):
    """A log line every LOG_EVERY while a poll lasts, and one when it ends."""

    def _due(self, poll: _Poll, now: datetime) -> bool:
        return now - (poll.shown or poll.started) >= LOG_EVERY

    def show(self, account: str, line: str) -> None:
        log.info(line, extra={"account": account})

    def finish(self, outcome: PollOutcome, elapsed: timedelta) -> None:
        log.info("%s: %s comments read in %s pages in %s", outcome.account, f"{outcome.records:,}",
                 f"{outcome.pages:,}", format_duration(elapsed), extra={"account": outcome.account})


def summary(outcomes: Sequence[PollOutcome], new: dict[str, int]) -> str:
    """The table that ends `poll --once`: per account, comment records read, comments stored for the first time,
    nudges queued, and how the poll went."""
    rows = [("ACCOUNT", "READ", "NEW", "NUDGES QUEUED", "RESULT")]
    for outcome in outcomes:
        rows.append((outcome.account, f"{outcome.records:,}", f"{new.get(outcome.account, 0):,}",
                     f"{outcome.queued:,}", outcome.status()))
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) if column == 0 else cell.rjust(width)
                 for column, (cell, width) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells) + "  " + row[-1])
    return "\n".join(lines)


"""The daily digest: each channel's backlog, oldest waiting comment, how the team did since the last digest, and the
conversations that went on after a reply; posted once a day at `digest_at` (see engine/digests.py). `post_due` is
the schedule-claim-post loop it shares with the weekly report."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, Sequence, TypeVar

from sqlalchemy.orm import Session

from bot.config import AccountConfig, format_duration
from bot.db import SessionFactory
from bot.db.models import utcnow
from bot.db.queries import WaitingComment, unanswered, waiting_counts
from bot.db.stats import Conversation, Stats, continued_conversations, team_stats
from bot.engine import digests
from bot.engine.leases import Lease
from bot.slack.blocks import context, cut, escape, link, section
from bot.engine.notifier import Notifier

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_WINDOW = timedelta(days=7)  # the first digest, or one after a long pause, looks back at most this far


@dataclass(frozen=True)
class DailyDigest:
    day: date
    backlog: dict[str, int]  # account -> comments waiting that deserve a nudge
    oldest: WaitingComment | None
    stats: Stats  # since the last digest
    conversations: list[Conversation]

    @property
    def waiting(self) -> int:
        return sum(self.backlog.values())


def post_due_digests(
    session_factory: SessionFactory,
    notifier: Notifier,
    accounts: Sequence[AccountConfig],
    clock: Callable[[], datetime] = utcnow,
    lease: Lease | None = None,
) -> int:
    """Post every channel's daily digest that is due and not yet posted; returns how many were posted."""
    return post_due(
        session_factory, digests.schedules(accounts, digests.DAILY), daily_digest,
        lambda channel, digest: notifier.post_digest(channel, digest_fallback(digest), digest_blocks(digest)),
        clock, lease,
    )


def post_due(
    session_factory: SessionFactory,
    schedules: Sequence[digests.ChannelSchedule],
    compose: Callable[[Session, digests.ChannelSchedule, date, datetime, datetime], T],
    send: Callable[[str, T], str | None],
    clock: Callable[[], datetime] = utcnow,
    lease: Lease | None = None,
) -> int:
    """Post each schedule's message that is due and not posted yet, once across replicas; returns how many.

    `compose(session, schedule, day, since, now)` builds it, `since` being when the channel's previous one of the
    kind went out (at most MAX_WINDOW ago); `send(channel, message)` posts it and returns its ts.
    """
    lease = lease or Lease.for_this_process()
    posted = 0
    for schedule in schedules:
        now = clock()
        day = schedule.due_day(now)
        if day is None:
            continue
        channel, kind = schedule.channel, schedule.kind
        with session_factory.begin() as session:
            if not digests.claim(session, channel, kind, day, lease, now):
                continue
            since = digests.last_posted(session, channel, kind, day) or now - MAX_WINDOW
            message = compose(session, schedule, day, max(since, now - MAX_WINDOW), now)
        try:
            ts = send(channel, message)
        except Exception as error:  # retried after a wait (engine/digests.py `failed`)
            log.warning("posting the %s digest to %s failed: %s", kind, channel, error)
            with session_factory.begin() as session:
                gave_up = digests.failed(session, channel, kind, day, lease, clock())
            if gave_up is not None:
                log.error("Reply Nudge could not post the %s digest of %s to %s for %s and gave up on it (%s)", kind,
                          day, channel, format_duration(gave_up), error)
            continue
        with session_factory.begin() as session:
            digests.mark_posted(session, channel, kind, day, lease, ts, clock())
        posted += 1
    return posted


def daily_digest(session, schedule: digests.ChannelSchedule, day: date, since: datetime, now: datetime) -> DailyDigest:
    oldest = unanswered(session, now=now, accounts=schedule.accounts, limit=1,
                        business_waits=schedule.business_waits).items
    return DailyDigest(
        day=day,
        backlog=waiting_counts(session, schedule.accounts),
        oldest=oldest[0] if oldest else None,
        stats=team_stats(session, since=since, until=now, accounts=schedule.accounts, zone=schedule.hours.zone,
                         business_waits=schedule.business_waits),
        conversations=continued_conversations(session, since=since, until=now, accounts=schedule.accounts),
    )


def digest_fallback(digest: DailyDigest) -> str:
    return f"Daily digest for {digest.day:%a %d %b}: {digest.waiting} waiting for an answer"


def digest_blocks(digest: DailyDigest) -> list[dict]:
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": f"Daily digest · {digest.day:%a %d %b %Y}"}}
    ]
    if digest.waiting:
        split = ", ".join(f"{escape(name)} {count}" for name, count in digest.backlog.items())
        blocks.append(section(f":inbox_tray: *{digest.waiting} waiting for an answer* ({split})"))
    else:
        blocks.append(section(":tada: *Nobody is waiting for an answer.*"))
    if digest.oldest is not None:
        item = digest.oldest
        waited = item.waited()
        opened = link(item.url, "open")
        opened = f" {opened}" if opened else ""
        quoted = escape(cut(" ".join(item.text.split()), 300))
        blocks.append(section(f":hourglass: *Oldest waiting:* {escape(item.author)} on {escape(item.account)}, "
                               f"{waited}{opened}\n> {quoted}"))
    blocks.append(section(f":speech_balloon: *Since the last digest:* {_since_line(digest.stats)}"))
    if digest.conversations:
        lines = "\n".join(_conversation_line(c) for c in digest.conversations)
        blocks.append(section(f":repeat: *Conversations that went on after our reply:*\n{lines}"))
    blocks.append(context("Waiting counts the comments that deserve a nudge; `/unanswered` lists them."))
    return blocks


def _since_line(stats: Stats) -> str:
    if not stats.received:
        return "no new comments."
    line = f"{stats.received} new comment{'' if stats.received == 1 else 's'}, {stats.answered} answered"
    if stats.response_rate is not None:
        line += f" ({stats.response_rate:.0%})"
    if stats.median_reply_seconds is not None:
        line += f", first reply after {format_duration(timedelta(seconds=stats.median_reply_seconds))} (median)"
    return line + "."


def _conversation_line(conversation: Conversation) -> str:
    times = "once" if conversation.comments == 1 else f"{conversation.comments} times"
    where = f" on “{escape(cut(conversation.post_title, 80))}”" if conversation.post_title else ""
    latest = link(conversation.url, "latest")
    latest = f" {latest}" if latest else ""
    return f"• {escape(conversation.author)} ({escape(conversation.account)}) came back {times}{where}{latest}"

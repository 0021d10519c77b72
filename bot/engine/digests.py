"""When a channel's scheduled summaries fall due, and the database row that lets replicas post each one once.

A channel's digest covers every account whose `channel` it is; the first of them (in file order) with `digest_at`
(or, for the weekly report, `weekly_report`) sets the time, the time zone and the business hours. A digest is due
from its time until the end of that local day, on days the team opens (holidays and days without opening hours
are skipped); a weekly report only on its weekday. Its row, one per channel,
kind and local day, is claimed under a lease before posting and stamped after: a replica that dies holding it
gives it up when the lease runs out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Callable, Mapping, Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.config import AccountConfig
from bot.db.models import Digest
from bot.db.upsert import insert_ignoring_conflicts
from bot.engine.hours import OfficeHours, business_waits_of
from bot.engine.leases import Lease, unclaimed

DAILY, WEEKLY = "daily", "weekly"
RETRY_FIRST = timedelta(minutes=1)  # a failed post's first wait; each wait is as long as the failing has lasted
GIVE_UP_AFTER = timedelta(minutes=30)  # about a nudge's (engine/lifecycle.py): tries 1, 2, 4, … 32 minutes after the first


@dataclass(frozen=True)
class ChannelSchedule:
    kind: str  # DAILY or WEEKLY
    channel: str
    accounts: tuple[str, ...]  # the accounts whose nudges go to this channel
    at: time
    hours: OfficeHours
    weekday: int | None = None  # 0 = Monday; None: every day
    # how the accounts counting business hours count reply times (engine/hours.py business_waits_of)
    business_waits: Mapping[str, Callable[[datetime, datetime], timedelta]] = field(default_factory=dict)

    def due_day(self, now: datetime) -> date | None:
        """The local day whose digest is due at `now`, if any."""
        day = now.astimezone(self.hours.zone).date()
        if self.weekday is not None and day.weekday() != self.weekday:
            return None
        if self.hours.is_open_day(day) and now >= self.hours.local(day, self.at):
            return day
        return None


def schedules(accounts: Sequence[AccountConfig], kind: str) -> list[ChannelSchedule]:
    by_channel: dict[str, list[AccountConfig]] = {}
    for account in accounts:
        if account.channel:
            by_channel.setdefault(account.channel, []).append(account)
    found = []
    for channel, members in by_channel.items():
        lead = next((account for account in members if _when(account, kind) is not None), None)
        if lead is not None:
            weekday, at = _when(lead, kind)
            names = tuple(account.name for account in members)
            found.append(ChannelSchedule(kind, channel, names, at, OfficeHours.of(lead), weekday,
                                         business_waits_of(members)))
    return found


def _when(account: AccountConfig, kind: str) -> tuple[int | None, time] | None:
    if kind == WEEKLY:
        return account.weekly_report
    return (None, account.digest_at) if account.digest_at is not None else None


def claim(session: Session, channel: str, kind: str, day: date, lease: Lease, now: datetime) -> bool:
    """Claim the channel's digest for `day`; False when it was posted already or another replica holds it."""
    insert_ignoring_conflicts(
        session, Digest.__table__, [{"channel": channel, "kind": kind, "day": day, "created_at": now}],
        ("channel", "kind", "day"),
    )
    result = session.execute(
        update(Digest)
        .where(_row(channel, kind, day), Digest.posted_at.is_(None), unclaimed(Digest, now))
        .values(lease_owner=lease.owner, lease_until=lease.until(now))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def mark_posted(
    session: Session, channel: str, kind: str, day: date, lease: Lease, ts: str | None, now: datetime
) -> None:
    session.execute(
        update(Digest)
        .where(_row(channel, kind, day), Digest.lease_owner == lease.owner)
        .values(posted_at=now, slack_ts=ts, lease_owner=None, lease_until=None)
    )


def failed(session: Session, channel: str, kind: str, day: date, lease: Lease, now: datetime) -> timedelta | None:
    """Posting failed: the row is freed for any replica after a wait as long as the time since its first try (at
    least RETRY_FIRST: 1, 2, 4, … minutes), so a channel that refuses it costs a call now and then, not one every
    cycle. None while it is to be tried again; once it has failed for GIVE_UP_AFTER, how long: the day's is given up
    (counted as posted, with no message)."""
    failing = now - (session.scalar(select(Digest.created_at).where(_row(channel, kind, day))) or now)
    gave_up = failing >= GIVE_UP_AFTER
    session.execute(
        update(Digest)
        .where(_row(channel, kind, day), Digest.lease_owner == lease.owner)
        .values(lease_owner=None, lease_until=None if gave_up else now + max(failing, RETRY_FIRST),
                posted_at=now if gave_up else None)
    )
    return failing if gave_up else None


def last_posted(session: Session, channel: str, kind: str, before: date) -> datetime | None:
    """When the channel's previous digest of this kind went out."""
    return session.scalar(
        select(Digest.posted_at)
        .where(Digest.channel == channel, Digest.kind == kind, Digest.day < before, Digest.posted_at.is_not(None))
        .order_by(Digest.day.desc())
        .limit(1)
    )


def _row(channel: str, kind: str, day: date):
    return (Digest.channel == channel) & (Digest.kind == kind) & (Digest.day == day)

"""Leases let several `replynudge run` replicas share one database without doing the same work twice.

A replica claims a row by writing its name and an expiry into it: an account due for a poll, a nudge due for
posting. On PostgreSQL the candidates are picked `FOR UPDATE SKIP LOCKED`, so concurrent replicas take disjoint
rows without waiting on each other; SQLite has a single writer, so the same conditional UPDATE claims atomically
(SQLAlchemy leaves the FOR UPDATE clause out there). A replica that dies keeps its rows only until the lease
runs out; then any other replica takes them over.
"""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Collection

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bot.db.models import Account, Nudge, SyncState
from bot.engine.schedule import NextPoll

DEFAULT_LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class Lease:
    """Who claims (this replica) and for how long; a poll renews its account's lease after every page."""

    owner: str
    duration: timedelta = DEFAULT_LEASE

    @classmethod
    def for_this_process(cls, duration: timedelta = DEFAULT_LEASE) -> Lease:
        return cls(f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(3)}", duration)

    def until(self, now: datetime) -> datetime:
        return now + self.duration


def unclaimed(table, now: datetime):
    """Rows no live lease holds: never claimed, released, or their claimer's lease ran out."""
    return or_(table.lease_until.is_(None), table.lease_until <= now)


def claim_account(
    session: Session, account_ids: Collection[int], lease: Lease, now: datetime, *, due_only: bool = True
) -> int | None:
    """Claim one of `account_ids` that no live lease holds (and, with `due_only`, whose next poll is due)."""
    if not account_ids:
        return None
    candidate = select(SyncState.account_id).where(SyncState.account_id.in_(account_ids), unclaimed(SyncState, now))
    if due_only:
        candidate = candidate.where(or_(SyncState.next_poll_at.is_(None), SyncState.next_poll_at <= now))
    candidate = (
        candidate.order_by(SyncState.next_poll_at.nulls_first(), SyncState.account_id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    return session.execute(
        update(SyncState)
        .where(SyncState.account_id.in_(candidate.scalar_subquery()), unclaimed(SyncState, now))
        .values(lease_owner=lease.owner, lease_until=lease.until(now))
        .returning(SyncState.account_id)
        .execution_options(synchronize_session=False)
    ).scalar()


def next_claimable(session: Session, account_names: Collection[str], now: datetime) -> datetime | None:
    """The earliest time one of these accounts can be claimed for a poll: it is due and no lease holds it
    (now for an account never polled; None when none of them has been seen yet)."""
    rows = session.execute(
        select(SyncState.next_poll_at, SyncState.lease_until)
        .join(Account, Account.id == SyncState.account_id)
        .where(Account.name.in_(account_names))
    ).all()
    return min((max(filter(None, (row.next_poll_at, row.lease_until)), default=now) for row in rows), default=None)


def renew_account(session: Session, account_id: int, lease: Lease, now: datetime) -> None:
    session.execute(
        update(SyncState)
        .where(SyncState.account_id == account_id, SyncState.lease_owner == lease.owner)
        .values(lease_until=lease.until(now))
        .execution_options(synchronize_session=False)
    )


def release_account(session: Session, account_id: int, lease: Lease, next_poll: NextPoll) -> None:
    session.execute(
        update(SyncState)
        .where(SyncState.account_id == account_id, SyncState.lease_owner == lease.owner)
        .values(lease_owner=None, lease_until=None, next_poll_at=next_poll.at, next_poll_reason=next_poll.reason)
        .execution_options(synchronize_session=False)
    )


def renew_nudge(session: Session, nudge_id: int, lease: Lease, now: datetime, state: str = Nudge.PENDING) -> bool:
    """Extend this replica's claim on a nudge (pending, or posted for an escalation); False when the claim lapsed
    and another replica took it."""
    result = session.execute(
        update(Nudge)
        .where(Nudge.id == nudge_id, Nudge.state == state, Nudge.lease_owner == lease.owner)
        .values(lease_until=lease.until(now))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def claim_nudges(session: Session, lease: Lease, now: datetime, limit: int) -> list[tuple[int, int, int, str | None]]:
    """Claim up to `limit` pending nudges that are due; (nudge id, comment id, account id, channel), oldest due
    first."""
    candidates = (
        select(Nudge.id)
        .where(Nudge.state == Nudge.PENDING, Nudge.due_at <= now, unclaimed(Nudge, now))
        .order_by(Nudge.due_at, Nudge.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = session.execute(
        update(Nudge)
        .where(Nudge.id.in_(candidates.scalar_subquery()), unclaimed(Nudge, now))
        .values(lease_owner=lease.owner, lease_until=lease.until(now))
        .returning(Nudge.id, Nudge.comment_id, Nudge.account_id, Nudge.channel, Nudge.due_at)
        .execution_options(synchronize_session=False)
    ).all()
    return [(row.id, row.comment_id, row.account_id, row.channel) for row in sorted(rows, key=lambda row: (row.due_at, row.id))]

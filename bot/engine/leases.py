"""Leases let several `replynudge run` replicas share one database without doing the same work twice.

A replica claims a row by writing its name and an expiry into it: an account due for a poll, a nudge due for
posting. On PostgreSQL the candidates are picked `FOR UPDATE SKIP LOCKED`, so concurrent replicas take disjoint
rows without waiting on each other; SQLite has a single writer, so the same conditional UPDATE claims atomically
(SQLAlchemy leaves the FOR UPDATE clause out there). A replica that dies keeps its rows only until the lease
runs out; then any other replica takes them over. (Nudges are claimed the same way, in engine/lifecycle.py.)

A lease says who should poll; the lock says who may write. Every ingest into an account, a poll's page or a
reply sent from Slack, first locks the account's sync row (`lock_account`): its writers take turns, each seeing
what the one before committed. A poll whose lease another replica took over stops at its next page.
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

from bot.db.models import Account, SyncState
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


class LeaseLost(Exception):
    """Another replica holds this account's lease now: this one must stop polling it."""


def lock_account(session: Session, account_id: int) -> None:
    """Wait for, then hold until commit, the right to write into this account: its sync row locked (PostgreSQL
    `SELECT … FOR UPDATE`; SQLite's one write lock is taken at BEGIN, bot/db). The first statement of an ingest,
    so that everything it reads is what the writer before it committed."""
    session.execute(select(SyncState.account_id).where(SyncState.account_id == account_id).with_for_update())


def renew_account(session: Session, account_id: int, lease: Lease, now: datetime) -> None:
    """Extend this replica's lease on the account it polls; LeaseLost when another replica took it over (this
    replica's lease ran out): the poll stops, and the transaction with its page is rolled back."""
    result = session.execute(
        update(SyncState)
        .where(SyncState.account_id == account_id, SyncState.lease_owner == lease.owner)
        .values(lease_until=lease.until(now))
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise LeaseLost(f"account {account_id}: its lease was taken over by another replica")


def release_account(session: Session, account_id: int, lease: Lease, next_poll: NextPoll) -> None:
    session.execute(
        update(SyncState)
        .where(SyncState.account_id == account_id, SyncState.lease_owner == lease.owner)
        .values(lease_owner=None, lease_until=None, next_poll_at=next_poll.at, next_poll_reason=next_poll.reason)
        .execution_options(synchronize_session=False)
    )

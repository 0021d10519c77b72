"""The outbox's read and write side for notifiers: which nudges and alerts are due, and what became of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.db.models import Account, Nudge, SyncState
from bot.engine.leases import Lease, claim_nudges


@dataclass(frozen=True)
class DueNudge:
    nudge_id: int
    comment_id: int
    account_id: int
    channel: str | None


@dataclass(frozen=True)
class DueAlert:
    account_id: int
    account: str
    platform: str
    channel: str | None
    error: str
    kind: str = "auth"  # auth: a credential to fix; quota: a daily quota spent, polling resumes at its reset


def due_nudges(session: Session, now: datetime, lease: Lease, limit: int = 200) -> list[DueNudge]:
    """Claim the nudges due for posting, oldest first: commit, then post; other replicas skip them meanwhile."""
    return [DueNudge(*row) for row in claim_nudges(session, lease, now, limit)]


def mark_posted(
    session: Session, nudge_id: int, *, channel: str | None, ts: str | None, suggestions: list[str], now: datetime
) -> bool:
    """Record a posted nudge; False when another worker recorded it first."""
    result = session.execute(
        update(Nudge)
        .where(Nudge.id == nudge_id, Nudge.state == Nudge.PENDING)
        .values(state=Nudge.POSTED, posted_at=now, escalate_from=now, channel=channel, slack_ts=ts,
                suggestions=suggestions, last_error=None, lease_owner=None, lease_until=None)
    )
    return result.rowcount == 1


def mark_failed(session: Session, nudge_id: int, error: str) -> None:
    """Count the attempt and free the nudge for the next cycle, on any replica."""
    session.execute(
        update(Nudge)
        .where(Nudge.id == nudge_id)
        .values(attempts=Nudge.attempts + 1, last_error=error[:2000], lease_owner=None, lease_until=None)
    )


def due_alerts(session: Session) -> list[DueAlert]:
    """Accounts whose credentials failed or whose daily quota is spent, and whose channel has not been told yet."""
    rows = session.execute(
        select(Account.id, Account.name, Account.platform, Account.channel, SyncState.error, SyncState.error_kind)
        .join(SyncState, SyncState.account_id == Account.id)
        .where(SyncState.error_kind.in_(("auth", "quota")), SyncState.alerted_at.is_(None))
        .order_by(Account.name)
    )
    return [DueAlert(*row) for row in rows]


def mark_alerted(session: Session, account_id: int, now: datetime) -> None:
    session.execute(update(SyncState).where(SyncState.account_id == account_id).values(alerted_at=now))

"""The outbox's read and write side for notifiers: which nudges and alerts are due, and what became of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.db.models import Account, AuditGap, Post, SyncState
from bot.engine import lifecycle
from bot.engine.leases import Lease


@dataclass(frozen=True)
class DueNudge:
    nudge_id: int
    comment_id: int
    account_id: int
    channel: str | None
    tried: bool = False  # posted before by someone, maybe: look for its message before posting again


@dataclass(frozen=True)
class DueAlert:
    account_id: int
    account: str
    platform: str
    channel: str | None
    error: str | None
    # auth: a credential to fix; quota: a daily quota spent, polling resumes at its reset; failing: polls have
    # failed longer than alert_after; recovered: a poll succeeded after one of those; gap / gap_closed: a post's
    # count differs from the store after a re-read (the completeness audit), or agrees again.
    kind: str = "auth"
    since: datetime | None = None  # failing: the last success (None: never); recovered: the success
    gap: GapAlert | None = None


@dataclass(frozen=True)
class GapAlert:
    gap_id: int
    post: str  # the platform's post id, "" for the whole account
    title: str | None
    url: str | None
    counted: int
    stored: int
    opened_at: datetime
    closed_at: datetime | None


def due_nudges(session: Session, now: datetime, lease: Lease, limit: int = 200,
               accounts: Iterable[int] | None = None) -> list[DueNudge]:
    """Claim the nudges of `accounts` (None: every account) due for posting, oldest first: commit, then post
    (engine/lifecycle.py `post` or `fail`); other replicas skip them meanwhile."""
    return [DueNudge(*row)
            for row in lifecycle.claim_due(session, lease.owner, lease.until(now), now, limit, accounts)]


def due_alerts(session: Session, now: datetime) -> list[DueAlert]:
    """What accounts' channels have not been told yet: failed credentials, a spent daily quota, polls failing for
    longer than the account's alert_after, a recovery from any of those, a completeness gap opened or closed."""
    account = (Account.id, Account.name, Account.platform, Account.channel)
    failures = session.execute(
        select(*account, SyncState.error, SyncState.error_kind, SyncState.failing_since, SyncState.succeeded_at,
               Account.alert_after_seconds)
        .join(SyncState, SyncState.account_id == Account.id)
        .where(SyncState.alerted_at.is_(None), SyncState.error_kind.is_not(None))
    )
    alerts = [
        DueAlert(*row[:5], kind=row.error_kind) if row.error_kind in ("auth", "quota")
        else DueAlert(*row[:5], kind="failing", since=row.succeeded_at)
        for row in failures
        if row.error_kind in ("auth", "quota")
        or (row.failing_since and row.failing_since + timedelta(seconds=row.alert_after_seconds) <= now)
    ]
    recovered = session.execute(
        select(*account, SyncState.succeeded_at)
        .join(SyncState, SyncState.account_id == Account.id)
        .where(SyncState.alerted_at.is_not(None), SyncState.error_kind.is_(None))
    )
    alerts += [DueAlert(*row[:4], None, kind="recovered", since=row.succeeded_at) for row in recovered]
    gaps = session.execute(
        select(*account, AuditGap.id.label("gap_id"), AuditGap.post_external_id, Post.title, Post.url,
               AuditGap.counted, AuditGap.stored, AuditGap.opened_at, AuditGap.closed_at)
        .join(AuditGap, AuditGap.account_id == Account.id)
        .outerjoin(Post, (Post.account_id == Account.id) & (Post.external_id == AuditGap.post_external_id))
        .where((AuditGap.alerted_at.is_(None) & AuditGap.closed_at.is_(None)) | AuditGap.closed_at.is_not(None))
    )
    alerts += [
        DueAlert(*row[:4], None, kind="gap_closed" if row.closed_at else "gap",
                 gap=GapAlert(row.gap_id, row.post_external_id, row.title, row.url, row.counted, row.stored,
                              row.opened_at, row.closed_at))
        for row in gaps
    ]
    return sorted(alerts, key=lambda alert: alert.account)


def mark_alerted(session: Session, alert: DueAlert, now: datetime) -> None:
    """The channel was told: a failure is not told again until a recovery, a recovery or a closed gap is done."""
    if alert.gap is None:
        told = None if alert.kind == "recovered" else now
        session.execute(update(SyncState).where(SyncState.account_id == alert.account_id).values(alerted_at=told))
    elif alert.kind == "gap_closed":
        session.execute(delete(AuditGap).where(AuditGap.id == alert.gap.gap_id, AuditGap.closed_at.is_not(None)))
    else:
        session.execute(update(AuditGap).where(AuditGap.id == alert.gap.gap_id).values(alerted_at=now))

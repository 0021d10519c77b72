"""Escalation: a posted nudge still open `escalate_after` later gets a follow-up, at most `max_escalations` times.

The clock runs from the nudge's post (then from the last escalation, or from the end of a snooze) and, with
business hours, counts the way the account counts waiting time: an escalation due on a Sunday waits for Monday's
opening. A snoozed nudge is never escalated. Replicas claim due escalations under the same lease as nudges, so
each is posted once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Mapping

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from bot.config import AccountConfig
from bot.db.models import Nudge
from bot.engine.hours import OfficeHours
from bot.engine.leases import Lease, unclaimed


@dataclass(frozen=True)
class DueEscalation:
    nudge_id: int
    comment_id: int
    number: int  # 1 for the first follow-up
    mention: str | None  # the assignee (a user id), else the account's `escalate_to`


def claim_due(
    session: Session, accounts: Mapping[int, AccountConfig], lease: Lease, now: datetime, limit: int = 200
) -> list[DueEscalation]:
    """Claim the open nudges whose next escalation is due; commit, post, then engine/lifecycle.py `escalated`
    (or `release` when the post failed) each."""
    escalating = {account_id: a for account_id, a in accounts.items() if a.escalate_after is not None}
    if not escalating:
        return []
    # Calendar time bounds business time from above, so this catches every due row; business hours filter below.
    per_account = [
        and_(
            Nudge.account_id == account_id,
            Nudge.escalations < account.max_escalations,
            Nudge.escalate_from <= now - account.escalate_after,
        )
        for account_id, account in escalating.items()
    ]
    candidates = session.execute(
        select(Nudge.id, Nudge.account_id, Nudge.escalate_from)
        .where(
            Nudge.state == Nudge.POSTED,
            Nudge.slack_ts.is_not(None),
            Nudge.snoozed_until.is_(None),
            unclaimed(Nudge, now),
            or_(*per_account),
        )
        .order_by(Nudge.escalate_from, Nudge.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    hours = {account_id: OfficeHours.of(account) for account_id, account in escalating.items()}
    due = {
        row.id: position
        for position, row in enumerate(candidates)
        if hours[row.account_id].due_at(row.escalate_from, escalating[row.account_id].escalate_after) <= now
    }
    if not due:
        return []
    rows = session.execute(
        update(Nudge)
        .where(Nudge.id.in_(list(due)), Nudge.state == Nudge.POSTED, unclaimed(Nudge, now))
        .values(lease_owner=lease.owner, lease_until=lease.until(now))
        .returning(Nudge.id, Nudge.comment_id, Nudge.account_id, Nudge.escalations, Nudge.assigned_to)
        .execution_options(synchronize_session=False)
    ).all()
    return [
        DueEscalation(row.id, row.comment_id, row.escalations + 1, row.assigned_to or escalating[row.account_id].escalate_to)
        for row in sorted(rows, key=lambda row: due[row.id])
    ]

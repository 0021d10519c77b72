"""Escalation: a posted nudge still open `escalate_after` later gets a follow-up, at most `max_escalations` times.

The clock runs from the nudge's post (then from the last escalation, or from the end of a snooze) and, with
business hours, counts the way the account counts waiting time: an escalation due on a Sunday waits for Monday's
opening. A snoozed nudge is never escalated. Replicas claim due escalations under the same lease as nudges, so
each is posted once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Mapping

from sqlalchemy.orm import Session

from bot.config import AccountConfig
from bot.engine import lifecycle
from bot.engine.hours import OfficeHours
from bot.engine.leases import Lease


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
    (or `escalation_failed` when the post failed) each."""
    rules = {account_id: _rule(account, account.escalate_after, now)
             for account_id, account in accounts.items() if account.escalate_after is not None}
    rows = lifecycle.claim_escalations(session, rules, lease.owner, lease.until(now), now, limit)
    return [
        DueEscalation(row.id, row.comment_id, row.escalations + 1,
                      row.assigned_to or accounts[row.account_id].escalate_to)
        for row in rows
    ]


def _rule(account: AccountConfig, after: timedelta, now: datetime) -> lifecycle.EscalationRule:
    """How `account` escalates: `after` (its `escalate_after`) counted the way it counts waiting time."""
    hours = OfficeHours.of(account)
    return lifecycle.EscalationRule(account.max_escalations, after, lambda since: hours.due_at(since, after) <= now)

"""The outbox's consumer: posts due nudges and credential alerts through a notifier, after the poll committed.

Suggestions are computed here, off the polling path, and cached with the nudge.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable, Protocol

from bot.db import SessionFactory
from bot.db.models import utcnow
from bot.db.queries import WaitingComment, waiting_comments
from bot.engine import outbox
from bot.engine.leases import Lease
from bot.suggest import suggest_questions

log = logging.getLogger(__name__)


class Notifier(Protocol):
    def post_nudge(self, item: WaitingComment, suggestions: list[str], channel: str | None) -> str | None:
        """Show one nudge; returns the message's id (Slack ts) when there is one."""

    def post_alert(self, alert: outbox.DueAlert) -> None:
        """Tell an account's channel that its credentials stopped working."""


def alert_text(alert: outbox.DueAlert) -> str:
    return (
        f"Reply Nudge stopped polling *{alert.account}* ({alert.platform}): {alert.error}\n"
        "Fix the credential, then run `replynudge check`; polling resumes by itself."
    )


def deliver_due(
    session_factory: SessionFactory,
    notifier: Notifier,
    clock: Callable[[], datetime] = utcnow,
    lease: Lease | None = None,
) -> int:
    """Post every due nudge and alert; returns how many nudges were posted.

    Nudges are claimed under `lease` (one per replica) so that replicas sharing a database post each one once.
    """
    lease = lease or Lease.for_this_process()
    with session_factory.begin() as session:
        alerts = outbox.due_alerts(session)
    for alert in alerts:
        notifier.post_alert(alert)
        with session_factory.begin() as session:
            outbox.mark_alerted(session, alert.account_id, clock())

    posted = 0
    while True:
        with session_factory.begin() as session:
            due = outbox.due_nudges(session, clock(), lease)
            items = waiting_comments(session, [nudge.comment_id for nudge in due], clock())
        attempted = [
            nudge for nudge in due if _deliver_one(session_factory, notifier, nudge, items[nudge.comment_id], clock)
        ]
        posted += len(attempted)
        if len(attempted) < len(due) or not due:  # a failure waits for the next cycle instead of spinning
            return posted


def _deliver_one(
    session_factory: SessionFactory, notifier: Notifier, nudge: outbox.DueNudge, item: WaitingComment, clock
) -> bool:
    suggestions = list(item.suggestions or suggest_questions(item.text, reasons=item.reasons, author=item.author))
    try:
        ts = notifier.post_nudge(item, suggestions, nudge.channel)
    except Exception as error:  # one failed post must not hold up the others; it is retried next cycle
        log.warning("posting nudge %s failed: %s", nudge.nudge_id, error)
        with session_factory.begin() as session:
            outbox.mark_failed(session, nudge.nudge_id, str(error))
        return False
    with session_factory.begin() as session:
        outbox.mark_posted(session, nudge.nudge_id, channel=nudge.channel, ts=ts, suggestions=suggestions, now=clock())
    return True

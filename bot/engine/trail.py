"""The audit trail: every public reply and triage action taken from Slack, recorded with who, when and what, in the
transaction of the change itself (a change that did not happen leaves no entry). `replynudge export --audit` writes it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Account, AuditEntry, Comment


def record(session: Session, actor: str, action: str, now: datetime, *, comment_id: int | None = None,
           account: str | None = None, detail: str | None = None) -> None:
    if account is None and comment_id is not None:
        account = session.scalar(select(Account.name).join(Comment, Comment.account_id == Account.id)
                                 .where(Comment.id == comment_id))
    session.add(AuditEntry(at=now, actor=actor, action=action, account=account, comment_id=comment_id,
                           detail=detail))


def entries(session: Session, since: datetime) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).where(AuditEntry.at >= since).order_by(AuditEntry.at,
                                                                                           AuditEntry.id)))

"""Builders for comment records and pages used across tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.sources.base import CommentRecord, Page

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


def record(
    external_id: str,
    *,
    minute: int = 0,
    parent: str | None = None,
    brand: bool = False,
    author: str | None = None,
    author_name: str | None = None,
    text: str | None = None,
    post: str = "p1",
    **fields,
) -> CommentRecord:
    author = author or ("brand" if brand else f"user-{external_id}")
    return CommentRecord(
        external_id=external_id,
        post_id=post,
        author_id=author,
        author_name=author_name or author.title(),
        text=text if text is not None else f"What do you think about {external_id}?",
        created_at=T0 + timedelta(minutes=minute),
        is_brand=brand,
        parent_id=parent,
        **fields,
    )


def page(*records: CommentRecord, cursor: dict | None = None) -> Page:
    return Page(list(records), cursor)


def account_config(name: str = "acct", platform: str = "replay", **fields):
    from zoneinfo import ZoneInfo

    from bot.config import AccountConfig

    values = dict(
        name=name,
        platform=platform,
        channel="C0123",
        nudge_after=timedelta(hours=1),
        min_score=30,
        timezone=ZoneInfo("UTC"),
        business_hours=None,
        digest_threshold=5,
        options={},
    )
    values.update(fields)
    return AccountConfig(**values)


def make_account(session_factory, name: str = "acct", **fields) -> int:
    from bot.engine.poller import sync_accounts

    with session_factory.begin() as session:
        return sync_accounts(session, [account_config(name, **fields)])[name]


def reply_state(session_factory, account_id: int) -> dict[str, str | None]:
    """external id -> external id of the brand comment that answers it (None: waiting), for user comments."""
    from sqlalchemy import select
    from sqlalchemy.orm import aliased

    from bot.db.models import Comment

    answer = aliased(Comment)
    with session_factory() as session:
        rows = session.execute(
            select(Comment.external_id, answer.external_id)
            .outerjoin(answer, answer.id == Comment.answered_by_id)
            .where(Comment.account_id == account_id, Comment.is_brand.is_(False))
        )
        return dict(rows.all())

"""Replies written in Slack: the stored comment as its source needs it, and the brand's reply recorded after.

The reply itself is posted by the account's source (`Source.reply`); this module only reads what that call needs
and stores what it returned, so a failed post changes nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Account, Author, Comment, Post
from bot.engine import lifecycle
from bot.engine.ingest import ingest
from bot.engine.leases import lock_account
from bot.sources.base import CommentRecord, Page


@dataclass(frozen=True)
class ReplyTarget:
    account: str  # the account's name, to find its source
    account_id: int
    comment: CommentRecord


def reply_target(session: Session, comment_id: int) -> ReplyTarget | None:
    """The comment as a `CommentRecord`, the way its source reported it; None when there is no such comment."""
    row = session.execute(
        select(Comment, Account.name, Post.external_id, Post.title, Post.url, Author.external_id, Author.name,
               Author.handle)
        .join(Account, Account.id == Comment.account_id)
        .join(Post, Post.id == Comment.post_id)
        .join(Author, Author.id == Comment.author_id)
        .where(Comment.id == comment_id)
    ).first()
    if row is None:
        return None
    comment, account, post_id, post_title, post_url, author_id, author_name, handle = row
    record = CommentRecord(
        external_id=comment.external_id,
        post_id=post_id,
        author_id=author_id,
        author_name=author_name,
        text=comment.text,
        created_at=comment.created_at,
        is_brand=comment.is_brand,
        parent_id=comment.parent_external_id,
        thread_id=comment.thread_external_id,
        author_handle=handle,
        url=comment.url,
        updated_at=comment.updated_at,
        deleted=comment.deleted,
        held=comment.held,
        post_title=post_title,
        post_url=post_url,
        extra=dict(comment.extra or {}),
    )
    return ReplyTarget(account, comment.account_id, record)


def record_reply(
    session: Session, target: ReplyTarget, comment_id: int, posted: CommentRecord, *, by: str, now: datetime,
    flat_threads: bool,
) -> bool:
    """Store the brand's reply as the platform returned it, so the thread counts as answered, and settle the
    comment's nudge as replied by `by`, who claimed it (engine/lifecycle.py `claim_reply`). Like a poll's page,
    it waits for the account's lock first. True when this settled an open nudge."""
    lock_account(session, target.account_id)
    settled = lifecycle.confirm_reply(session, comment_id, by, now)
    ingest(session, target.account_id, Page([posted], None), flat_threads=flat_threads, now=now, polled=False)
    return settled

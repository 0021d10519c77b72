"""Where a comment sits, for the LLM: the post, the comment it answers, and what the brand last said in its thread."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from bot.db.models import Comment
from bot.db.queries import WaitingComment
from bot.engine.comment_text import plain_text


@dataclass(frozen=True)
class ThreadContext:
    post_title: str | None = None
    parent_author: str | None = None
    parent_text: str | None = None  # the comment this one answers
    brand_reply: str | None = None  # the brand's latest earlier comment in the thread (or answering the same parent)

    def lines(self) -> list[str]:
        return [
            *([f"on the post: {self.post_title}"] if self.post_title else []),
            *([f"in reply to {self.parent_author or 'someone'}: {plain_text(self.parent_text)}"]
              if self.parent_text else []),
            *([f"the brand said earlier in this thread: {plain_text(self.brand_reply)}"]
              if self.brand_reply and self.brand_reply != self.parent_text else []),
        ]


def thread_context(session: Session, item: WaitingComment) -> ThreadContext:
    return ThreadContext(item.post_title, item.parent_author, item.parent_text, earlier_brand_reply(session, item.id))


def earlier_brand_reply(session: Session, comment_id: int) -> str | None:
    """The text of the brand's latest comment before this one in its thread or under its parent (indexed by both)."""
    this = aliased(Comment)
    same_place = or_(
        and_(this.thread_external_id.is_not(None), Comment.thread_external_id == this.thread_external_id),
        and_(this.parent_external_id.is_not(None), Comment.parent_external_id == this.parent_external_id),
        Comment.external_id == this.parent_external_id,
    )
    return session.scalar(
        select(Comment.text)
        .join(this, and_(this.id == comment_id, Comment.account_id == this.account_id))
        .where(Comment.is_brand, ~Comment.deleted, Comment.created_at < this.created_at, same_place)
        .order_by(Comment.created_at.desc())
        .limit(1)
    )

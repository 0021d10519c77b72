"""The tables: accounts and their sync state, posts, authors, comments with derived reply state, the nudge outbox.

Times are timezone-aware UTC in Python; SQLite stores them as naive UTC text, PostgreSQL as timestamptz.
"""

from __future__ import annotations

import zlib
from datetime import date, datetime, timezone
from enum import StrEnum
from typing import Any

from bot.clock import utcnow  # noqa: F401  (the models' defaults; callers import it from here too)
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    and_,
    text as sql,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """Accepts aware datetimes only, returns them aware in UTC on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass timezone-aware times")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)

    # On SQLite, one function instead of this type's step around SQLAlchemy's DATETIME, which formats through a
    # dictionary: the same text ("2026-11-04 18:07:24.936413") at 1.4 µs against 3.7, and a
    # page binds a time or two for each of its comments. Reading them back is SQLAlchemy's fromisoformat already.
    def bind_processor(self, dialect: Any) -> Any:
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)

        def process(value: datetime | None) -> str | None:
            if value is None:
                return None
            if value.tzinfo is None:
                raise ValueError(f"naive datetime {value!r}: pass timezone-aware times")
            if value.tzinfo is not timezone.utc:
                value = value.astimezone(timezone.utc)
            return value.isoformat(" ", "microseconds")[:26]  # without the "+00:00"

        return process


def folded(name: str | None) -> str | None:
    """A name as commenters are looked up by it, any case: folded here, in Python, on every database (SQLite's
    lower() folds ASCII letters only, so "Ömer" would never match "ömer" there)."""
    return name.casefold() if name is not None else None


def folded_handle(handle: str | None) -> str | None:
    """A handle folded, with or without its @."""
    return folded(handle.lstrip("@")) if handle is not None else None


def fingerprint(text: str) -> int:
    """Equal for texts that differ only in case and spacing: how the scorer counts copies (engine/rescore.py)."""
    return zlib.crc32(" ".join(text.lower().split()).encode("utf-8"))


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[str]: JSON()}


# SQLite uses a partial index only when the query repeats its condition as written, and SQLAlchemy writes
# `~Comment.is_brand` as `is_brand = 0` there: the conditions are spelled the way queries render them.
WAITING = {
    "sqlite_where": sql("answered_at IS NULL AND is_brand = 0 AND deleted = 0"),
    "postgresql_where": sql("answered_at IS NULL AND NOT is_brand AND NOT deleted"),
}
WAITING_BY_ACCOUNT = ("account_id", "score", "author_id", "created_at", "answered_at", "is_brand", "deleted")
AUTHOR_HISTORY = ("author_id", "created_at", "deleted", "answered_at", "fingerprint")
MUTED = {"sqlite_where": sql("muted = 1"), "postgresql_where": sql("muted")}


class Account(Base):
    """A brand account as last configured; the config file is the source of truth, this row its snapshot."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    platform: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str | None] = mapped_column(String(100))
    min_score: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    nudge_after_seconds: Mapped[int] = mapped_column(Integer, default=3600, server_default="3600")
    # Polls failing longer than this tell the channel (the config's alert_after).
    alert_after_seconds: Mapped[int] = mapped_column(Integer, default=3600, server_default="3600")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Made by `replynudge demo` (bot/demo): the first poll of a config's accounts removes these, and only these.
    demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sql("false"))

    sync: Mapped[SyncState | None] = relationship(back_populates="account", cascade="all, delete-orphan")


class SyncState(Base):
    """Where polling resumes, and how the last poll went."""

    __tablename__ = "sync_states"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    cursor: Mapped[dict[str, Any] | None]
    polled_at: Mapped[datetime | None]
    succeeded_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(Text)
    error_kind: Mapped[str | None] = mapped_column(String(30))
    error_at: Mapped[datetime | None]
    paused_until: Mapped[datetime | None]
    failing_since: Mapped[datetime | None]  # the first failed poll since the last success
    # When the channel was told of the failure; kept after a success until the recovery is told too.
    alerted_at: Mapped[datetime | None]
    audited_at: Mapped[datetime | None]  # the platform's counts last compared with the store (engine/audit.py)
    complete_at: Mapped[datetime | None]  # the last comparison where every count matched
    next_poll_at: Mapped[datetime | None]  # None: due now
    next_poll_reason: Mapped[str | None] = mapped_column(String(20))  # engine/schedule.py: busy, quiet, quota, …
    newest_comment_at: Mapped[datetime | None]  # the newest user comment's creation time: how busy the account is
    # The replica polling this account, until when (engine/leases.py); expired leases are free for others.
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None]

    account: Mapped[Account] = relationship(back_populates="sync")


class AuditGap(Base):
    """A post (or, with post_external_id '', a whole account) whose platform count still differs from the store
    after a re-read: the channel is told once, and again when it closes (engine/audit.py)."""

    __tablename__ = "audit_gaps"
    __table_args__ = (UniqueConstraint("account_id", "post_external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    post_external_id: Mapped[str] = mapped_column(String(255))
    counted: Mapped[int] = mapped_column(Integer)  # what the platform counts
    stored: Mapped[int] = mapped_column(Integer)  # what the store holds of it
    opened_at: Mapped[datetime]  # when the audit first noted the gap: the alerts say since when it is open
    checked_at: Mapped[datetime]  # when a re-read last found it
    alerted_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = (UniqueConstraint("external_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)


class Author(Base):
    __tablename__ = "authors"
    __table_args__ = (
        UniqueConstraint("external_id", "account_id"),
        Index("ix_authors_muted", "id", **MUTED),  # the few muted authors, as a set the waiting lists exclude
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(Text)
    handle: Mapped[str | None] = mapped_column(Text)
    # The id, handle and name folded (`folded`, `folded_handle`), which mutes look commenters up by.
    external_id_folded: Mapped[str | None] = mapped_column(String(255))
    handle_folded: Mapped[str | None] = mapped_column(Text)
    name_folded: Mapped[str | None] = mapped_column(Text)
    muted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sql("false"))
    muted_by: Mapped[str | None] = mapped_column(String(50))
    muted_at: Mapped[datetime | None]


class Comment(Base):
    __tablename__ = "comments"
    # Lookup indexes lead with the selective column: a planner without statistics yet (a first sync) then
    # still walks the index instead of every row of the account. ON CONFLICT infers them in any column order.
    __table_args__ = (
        UniqueConstraint("external_id", "account_id"),
        Index("ix_comments_parent_external_id_account_id", "parent_external_id", "account_id"),
        Index("ix_comments_thread_external_id_account_id", "thread_external_id", "account_id"),
        # An author's history in time order, holding what a score counts in it (engine/rescore.py), so that the
        # counts read the index alone.
        Index("ix_comments_author_history", *AUTHOR_HISTORY),
        # The unanswered list reads only user comments still waiting, oldest first; counts, the backlog and the
        # rescoring of an author's waiting comments read them by account, from the index alone (it holds the
        # columns of its own condition so that SQLite, which checks them again, need not read the rows).
        Index("ix_comments_waiting", "created_at", "account_id", **WAITING),
        Index("ix_comments_waiting_by_account", *WAITING_BY_ACCOUNT, **WAITING),
        # A deleted brand reply finds what it answered.
        Index(
            "ix_comments_answered_by_id",
            "answered_by_id",
            sqlite_where=sql("answered_by_id IS NOT NULL"),
            postgresql_where=sql("answered_by_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(255))
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id", ondelete="CASCADE"))
    parent_external_id: Mapped[str | None] = mapped_column(String(255))
    thread_external_id: Mapped[str | None] = mapped_column(String(255))
    private: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sql("false"))  # a private message
    is_brand: Mapped[bool] = mapped_column(Boolean)
    text: Mapped[str] = mapped_column(Text)
    # `fingerprint(text)`: copies of a text are counted without reading the texts.
    fingerprint: Mapped[int | None] = mapped_column(BigInteger)
    url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime | None]
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sql("false"))
    held: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sql("false"))  # for moderation
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Derived reply state: the earliest brand comment that answers this one (see engine/replystate.py).
    answered_at: Mapped[datetime | None]
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="SET NULL"))
    score: Mapped[int | None] = mapped_column(Integer)  # None: not scored since the author's history changed
    reasons: Mapped[list[str]] = mapped_column(default=list)
    extra: Mapped[dict[str, Any] | None]

    account: Mapped[Account] = relationship()
    post: Mapped[Post] = relationship()
    author: Mapped[Author] = relationship()


def is_waiting() -> ColumnElement[bool]:
    """A user comment still waiting for an answer, written as the WAITING indexes' condition."""
    return and_(Comment.answered_at.is_(None), ~Comment.is_brand, ~Comment.deleted)


class NudgeState(StrEnum):
    """Where a nudge is in its life (engine/lifecycle.py moves it from one to the next)."""

    PENDING = "pending"  # due (or due later), not yet posted
    POSTED = "posted"  # in Slack (or printed), still open
    HANDLED = "handled"  # settled, with an Outcome: nothing more to say
    FAILED = "failed"  # posting gave up after its attempts; the comment still waits and is listed


class Outcome(StrEnum):
    """How a handled nudge was settled (`Nudge.handled_how`)."""

    ANSWERED = "answered"  # the brand answered on the platform
    REPLIED = "replied"  # the team replied from Slack
    DONE = "done"  # the team dealt with it otherwise: out of the backlog until its author writes again
    DELETED = "deleted"  # the comment was deleted (or hidden) on the platform
    MUTED = "muted"  # its author was muted, from Slack or the config file
    IGNORED = "ignored"  # an ignored phrase: never nudged


class Nudge(Base):
    """The outbox: written in the transaction that makes a comment due, posted by the notifier after commit."""

    __tablename__ = "nudges"
    __table_args__ = (Index("ix_nudges_state_due_at", "state", "due_at"),)

    PENDING = NudgeState.PENDING
    POSTED = NudgeState.POSTED
    HANDLED = NudgeState.HANDLED

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(20), default=PENDING)
    channel: Mapped[str | None] = mapped_column(String(100))
    due_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    posted_at: Mapped[datetime | None]
    slack_ts: Mapped[str | None] = mapped_column(String(40))
    needs_update: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sql("false"))
    handled_at: Mapped[datetime | None]
    handled_by: Mapped[str | None] = mapped_column(String(100))
    handled_how: Mapped[str | None] = mapped_column(String(30))
    snoozed_until: Mapped[datetime | None]
    # The snooze ran out: the thread is told so, with the edit; kept until that is posted or the edit gives up.
    reminder_due: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sql("false"))
    assigned_to: Mapped[str | None] = mapped_column(String(50))
    suggestions: Mapped[list[str] | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    retry_at: Mapped[datetime | None]  # after a failed post: not tried again before (backoff per nudge)
    # Who is posting a reply to the comment from Slack, since when: one submitter at a time (engine/lifecycle.py).
    reply_claimed_by: Mapped[str | None] = mapped_column(String(50))
    reply_claimed_at: Mapped[datetime | None]
    # Follow-ups in the nudge's thread while it stays open (engine/escalation.py); the clock starts again at
    # `escalate_from`: the post, the last escalation, or the end of a snooze.
    escalations: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    escalated_at: Mapped[datetime | None]
    escalate_from: Mapped[datetime | None]
    # The replica posting this nudge (or its escalation), until when (engine/leases.py).
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None]

    comment: Mapped[Comment] = relationship()
    account: Mapped[Account] = relationship()


class Digest(Base):
    """A scheduled summary for a channel (the daily digest, the weekly report): one row per channel, kind and local
    day, so that replicas post each once. Claimed under a lease like a nudge, then stamped with its message."""

    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("channel", "kind", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))  # daily | weekly
    day: Mapped[date] = mapped_column(Date)  # the local date it is for
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    posted_at: Mapped[datetime | None]
    slack_ts: Mapped[str | None] = mapped_column(String(40))
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None]


class AuditEntry(Base):
    """Who did what from Slack, when, with what text: every public reply and triage action (bot/engine/trail.py)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(50))  # a Slack user id
    action: Mapped[str] = mapped_column(String(20))  # reply | done | snooze | assign | mute | unmute
    account: Mapped[str | None] = mapped_column(String(100))
    comment_id: Mapped[int | None]  # no foreign key: the trail outlives a deleted comment
    detail: Mapped[str | None] = mapped_column(Text)  # the reply's text, the snooze's end, the assignee, the name muted

"""What every platform source promises: pages of comment records, a reply, a cheap credential check.

A source knows its platform's wire format and nothing of the database: the engine hands it the cursor it
returned last time and stores each page together with the cursor that resumes after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Iterator, Protocol, Sequence

from bot.config import AccountConfig

Cursor = dict[str, Any]


@dataclass(frozen=True)
class CommentRecord:
    """One comment as the platform reports it. Ids are the platform's own, as opaque strings."""

    external_id: str
    post_id: str
    author_id: str
    author_name: str
    text: str
    created_at: datetime  # timezone-aware
    is_brand: bool = False
    parent_id: str | None = None  # the comment this one replies to; None when it answers the post itself
    thread_id: str | None = None  # the thread's root comment, where the platform groups replies that way
    author_handle: str | None = None
    url: str | None = None
    updated_at: datetime | None = None
    deleted: bool = False
    post_title: str | None = None
    post_url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # what reply() needs back (e.g. a cid)


@dataclass(frozen=True)
class Page:
    """Records in any order, and the cursor to resume *after* them."""

    records: Sequence[CommentRecord]
    cursor: Cursor | None


class SourceError(Exception):
    """Base of the errors a source raises. Messages never contain secrets."""


class AuthError(SourceError):
    """Credentials are bad or expired: the account stops until someone fixes them."""


class RateLimited(SourceError):
    """The platform asked us to wait until `retry_at`."""

    def __init__(self, message: str, retry_at: datetime):
        super().__init__(message)
        self.retry_at = retry_at


class TemporaryError(SourceError):
    """A 5xx, a timeout, malformed data: try again at the next poll."""


class Source(Protocol):
    platform: ClassVar[str]
    # True where replies hang off a thread's root (YouTube, Instagram): a later brand comment anywhere in the
    # thread answers the user comments before it. False where replies nest (a brand reply answers its ancestors).
    flat_threads: ClassVar[bool]
    account: AccountConfig

    def fetch(self, cursor: Cursor | None) -> Iterator[Page]: ...

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord: ...

    def check(self) -> str: ...

"""What every platform source promises: pages of comment records, a reply, a cheap credential check.

A source knows its platform's wire format and nothing of the database: the engine hands it the cursor it
returned last time and stores each page together with the cursor that resumes after it.

The contract, method by method:

- `fetch(cursor)` yields `Page`s, oldest first where the platform allows. `cursor` is what an earlier page carried
  (None on the first sync). A page whose cursor is None leaves the stored cursor as it was, so a source may yield
  records it found along the way (thread context) without moving its position. An idle poll costs at most two
  requests.
- `reply(comment, text)` posts on the platform and returns the new comment as a brand `CommentRecord`, with the
  brand's author id/handle and whatever a later reply needs in `extra`.
- `check()` makes one cheap authenticated call and returns a short description of who we are on the platform.
- Errors: `AuthError` (the account is paused and its channel told once how to fix it), `RateLimited(retry_at)`
  (the account waits until then), `TemporaryError` (retried at the next poll). Messages never contain secrets.
  A source never sleeps longer than it was told to and never swallows an error.

Completeness, optional (engine/audit.py compares what a platform counts with what is stored):

- `tallies(cursor, budget, posts) -> list[Tally]`: the counts the platform reports for the brand's posts (or,
  with `post_id` None, for the whole account): those the last `fetch` read along the way, from `cursor` or its
  own notes, at no cost, plus whatever at most `budget` further requests read (0: none). `posts` are the ids of
  the posts with stored comments, most recently commented first (at most 50), for platforms that count by post
  id. A source that needs requests for its counts returns [] when the budget is 0; the engine then gives it an
  audit of its own.
- `reread(post_id) -> Reread`: every comment of one post read again (post_id None: what the platform lets the
  source read again of the whole account, newest first), and the count as of that read; when it says it read
  them all, stored comments it did not list are recorded as deleted.
Each platform's count includes different things (replies to comments, private replies, comments it does not
show): `Tally` says which, and docs/platforms.md gives each platform's reference.

Pacing, optional (sources built on `bot.sources.http.ApiClient` get both from `HttpSource`):

- `headroom() -> Headroom | None`: the rate-limit headroom the platform reported on its last answer;
  `replynudge check` shows it after `check()`.
- `min_poll_interval() -> timedelta | None`: the shortest time the poller should leave between two polls of this
  account, None for "poll as often as configured". Sources return a longer interval when headroom runs low, so a
  slow-down happens before a 429 does.
- `paced_by`: what `min_poll_interval()` follows, shown as the reason for a later poll: "rate limit" (the default)
  or "quota" (a daily budget, YouTube).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, ClassVar, Iterator, Protocol, Sequence

from bot.config import AccountConfig

Cursor = dict[str, Any]
RATE_LIMIT, QUOTA = "rate limit", "quota"  # what a source's pacing follows (`paced_by`)
# Tally.post_id of the moderation queue read only in part (YouTube's, longer than a poll reads): its count is a floor
# of the held comments the read did not reach, 0 once it reads the queue whole; no post has this id, so none is stored.
HELD_QUEUE = "(moderation queue)"


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
    held: bool = False  # held for moderation: only the brand's moderators see it (WordPress `status=hold`)
    post_title: str | None = None
    post_url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # what reply() needs back (e.g. a cid)
    private: bool = False  # a private message to the brand (Mastodon direct visibility): never listed elsewhere


@dataclass(frozen=True)
class Page:
    """Records in any order, and the cursor to resume *after* them; `expected`, where the platform says, how many
    records the whole fetch reads (WordPress's `X-WP-Total`), for a progress display's time left."""

    records: Sequence[CommentRecord]
    cursor: Cursor | None
    expected: int | None = None


@dataclass(frozen=True)
class Tally:
    """What a platform counts of one post's comments (post_id None: of the whole account). The brand's own
    comments always count, deleted ones never; `top_level` counts only comments on the post itself, not replies
    to comments; `extra_in` (key, values) counts only comments whose `extra[key]` is one of the values (Mastodon
    counts public and unlisted replies only); without `exact`, the platform may count comments the source cannot
    read (from accounts the brand blocked), so only a store holding fewer than the count is incomplete."""

    post_id: str | None
    count: int
    top_level: bool = False
    extra_in: tuple[str, tuple[str, ...]] | None = None
    exact: bool = True

    def differs(self, stored: int) -> bool:
        return stored != self.count if self.exact else stored < self.count


@dataclass(frozen=True)
class Reread:
    """A post's comments read again, and the platform's count as of that read. `complete`: the records are every
    comment the platform shows there, so a stored comment not among them was deleted or hidden."""

    records: Sequence[CommentRecord]
    tally: Tally
    complete: bool = False
    cursor: Cursor | None = None  # the source's cursor with what this read moved (a sweep's place); None: as it was


@dataclass(frozen=True)
class Headroom:
    """What a platform's rate-limit headers said: requests left in the window and when the window resets."""

    remaining: int
    limit: int | None = None
    reset_at: datetime | None = None

    LOW_SHARE: ClassVar[float] = 0.2

    def is_low(self) -> bool:
        if self.limit:
            return self.remaining < self.limit * self.LOW_SHARE
        return self.remaining < 10

    def pace(self, requests_per_poll: int, now: datetime) -> timedelta | None:
        """When headroom is low: the interval that spreads the requests left over the time to the reset."""
        if not self.is_low() or self.reset_at is None or self.reset_at <= now:
            return None
        polls_left = max(1, self.remaining // max(1, requests_per_poll))
        return (self.reset_at - now) / polls_left

    def describe(self) -> str:
        text = f"{self.remaining}/{self.limit}" if self.limit else f"{self.remaining} left"
        if self.reset_at:
            text += f", resets {self.reset_at:%H:%M} UTC"
        return text


class SourceError(Exception):
    """Base of the errors a source raises. Messages never contain secrets."""


class AuthError(SourceError):
    """Credentials are bad or expired: the account stops until someone fixes them."""


class RateLimited(SourceError):
    """The platform asked us to wait until `retry_at`."""

    def __init__(self, message: str, retry_at: datetime):
        super().__init__(message)
        self.retry_at = retry_at


class QuotaExhausted(RateLimited):
    """A daily quota is spent (YouTube): the account waits for the reset, and its channel is told once."""


class TemporaryError(SourceError):
    """A 5xx, a timeout, malformed data: try again at the next poll."""


def parse_time(value: Any, where: str) -> datetime:
    if not isinstance(value, str):
        raise TemporaryError(f"{where}: must be an ISO 8601 time string")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise TemporaryError(f"{where}: {value!r} is not an ISO 8601 time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class Source(Protocol):
    platform: ClassVar[str]
    # True where replies hang off a thread's root (YouTube, Instagram): a later brand comment anywhere in the
    # thread answers the user comments before it. False where replies nest (a brand reply answers its ancestors).
    flat_threads: ClassVar[bool]
    account: AccountConfig

    def fetch(self, cursor: Cursor | None) -> Iterator[Page]: ...

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord: ...

    def check(self) -> str: ...


def pacing(source: Source) -> timedelta | None:
    """The source's `min_poll_interval()`, for sources that have one."""
    interval = getattr(source, "min_poll_interval", None)
    return interval() if interval else None


def paced_by(source: Source) -> str:
    return getattr(source, "paced_by", RATE_LIMIT)


def headroom(source: Source) -> Headroom | None:
    reported = getattr(source, "headroom", None)
    return reported() if reported else None

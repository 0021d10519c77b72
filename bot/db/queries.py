"""Read queries shared by the CLI, the slash commands, the App Home and the nudge messages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta
from typing import Any, Callable, Mapping, Sequence

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from bot.config import format_wait
from bot.db.models import Account, AuditGap, Author, Comment, Nudge, Outcome, Post, SyncState, is_waiting

# Account name -> the wait between two instants in open hours, for accounts with count = "business"
# (engine/hours.py business_waits_of); the others' waits are calendar time.
BusinessWaits = Mapping[str, Callable[[datetime, datetime], timedelta]]


@dataclass(frozen=True)
class WaitingComment:
    """A user comment still waiting for the brand, with what a person needs to act on it."""

    id: int
    external_id: str
    account: str
    platform: str
    channel: str | None
    author: str
    author_handle: str | None
    text: str
    url: str | None
    created_at: datetime
    waiting_seconds: int
    score: int | None
    reasons: tuple[str, ...]
    deserves_nudge: bool
    post_title: str | None
    post_url: str | None
    parent_text: str | None
    parent_author: str | None
    suggestions: tuple[str, ...] | None  # cached with the nudge, once one was made
    business_waiting_seconds: int | None = None  # in open hours, for an account with count = "business"
    private: bool = False  # a private message to the brand: shown only in its account's channel, labelled
    parent_by_brand: bool = False  # the comment answers one of the brand's own
    parent_by_author: bool = False  # the comment follows up one of its author's own
    held: bool = False  # held for moderation on the platform: visible to the brand's moderators only

    def waited(self) -> str:
        return format_wait(self.waiting_seconds, self.business_waiting_seconds)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "external_id": self.external_id,
            "account": self.account,
            "platform": self.platform,
            "author": self.author,
            "author_handle": self.author_handle,
            "text": self.text,
            "url": self.url,
            "created_at": self.created_at.isoformat().replace("+00:00", "Z"),
            "waiting_seconds": self.waiting_seconds,
            "business_waiting_seconds": self.business_waiting_seconds,
            "held": self.held,
            "score": self.score if self.score is not None else 0,
            "reasons": list(self.reasons),
            "deserves_nudge": self.deserves_nudge,
            "post_title": self.post_title,
            "post_url": self.post_url,
            "in_reply_to": self.parent_text,
            "suggestions": list(self.suggestions or ()),
        }


@dataclass(frozen=True)
class UnansweredResult:
    items: list[WaitingComment]
    total: int  # all that match the filters, before the limit


def _in_backlog():
    """Waiting for the brand, and not marked done by the team: Done takes a comment out of the backlog (its
    author's next comment is a new one, and waits)."""
    done = exists().where(Nudge.comment_id == Comment.id, Nudge.handled_how == Outcome.DONE)
    return and_(is_waiting(), ~done)


def _deserves():
    """Scored at least the account's minimum, by someone not muted (a handful of authors: a set, not a join)."""
    return and_(Comment.score >= Account.min_score, Comment.author_id.not_in(select(Author.id).where(Author.muted)))


@lru_cache(maxsize=1)
def _base() -> Select:
    """Built once: constructing this select costs more than running it. What a comment is shown with comes from
    scalar subqueries, not joins: PostgreSQL then plans a join of two tables instead of searching the orders of
    seven, which took it several times longer than running the query."""
    parent = aliased(Comment)
    parent_author = aliased(Author)
    of_author = Author.id == Comment.author_id
    of_post = Post.id == Comment.post_id
    of_parent = and_(parent.account_id == Comment.account_id, parent.external_id == Comment.parent_external_id)
    # a private message's text goes only where private messages are shown: never with a public reply to it
    shown_parent = and_(of_parent, or_(parent.private.is_(False), Comment.private.is_(True)))
    return select(
        Comment,
        Account.name,
        Account.platform,
        Account.channel,
        select(Author.name).where(of_author).scalar_subquery(),
        select(Author.handle).where(of_author).scalar_subquery(),
        select(Post.title).where(of_post).scalar_subquery(),
        select(Post.url).where(of_post).scalar_subquery(),
        select(parent.text).where(shown_parent).scalar_subquery(),
        select(parent_author.name).join(parent, parent.author_id == parent_author.id)
        .where(shown_parent)
        .scalar_subquery(),
        select(Nudge.suggestions).where(Nudge.comment_id == Comment.id).scalar_subquery(),
        _deserves().label("deserves"),
        select(parent.is_brand).where(of_parent).scalar_subquery(),
        select(parent.author_id == Comment.author_id).where(of_parent).scalar_subquery(),
    ).join(Account, Account.id == Comment.account_id)


def _to_item(row, now: datetime, business_waits: BusinessWaits) -> WaitingComment:
    comment: Comment = row[0]
    clock = business_waits.get(row[1])
    return WaitingComment(
        id=comment.id,
        external_id=comment.external_id,
        account=row[1],
        platform=row[2],
        channel=row[3],
        author=row[4],
        author_handle=row[5],
        text=comment.text,
        url=comment.url,
        created_at=comment.created_at,
        waiting_seconds=max(0, int((now - comment.created_at).total_seconds())),
        score=comment.score,
        reasons=tuple(comment.reasons or ()),
        deserves_nudge=bool(row[11]),
        post_title=row[6],
        post_url=row[7],
        parent_text=row[8],
        parent_author=row[9],
        suggestions=tuple(row[10]) if row[10] else None,
        business_waiting_seconds=int(clock(comment.created_at, now).total_seconds()) if clock else None,
        parent_by_brand=bool(row[12]),
        parent_by_author=bool(row[13]),
        held=comment.held,
        private=comment.private,
    )


def unanswered(
    session: Session,
    *,
    now: datetime,
    account: str | None = None,
    platform: str | None = None,
    account_or_platform: str | None = None,
    accounts: Sequence[str] | None = None,
    older_than: timedelta | None = None,
    limit: int | None = None,
    include_all: bool = False,
    business_waits: BusinessWaits = {},
    total: int | None = None,
    private_from: Sequence[str] | None = None,
) -> UnansweredResult:
    """Waiting comments, oldest first. By default only those that deserve a nudge. `business_waits`: the accounts
    whose waits are also counted in open hours. `total`: how many match, when the caller counted them already (the
    App Home's backlog), so they are not counted again. `private_from`: the accounts whose private messages may be
    listed (None: every account's)."""
    chosen = []  # which accounts
    if account:
        chosen.append(Account.name == account)
    if platform:
        chosen.append(Account.platform == platform)
    if account_or_platform:
        chosen.append(or_(Account.name == account_or_platform, Account.platform == account_or_platform))
    if accounts is not None:
        chosen.append(Account.name.in_(list(accounts)))
    which = [_in_backlog()]  # which of their comments
    if older_than:
        which.append(Comment.created_at <= now - older_than)
    if not include_all:
        which.append(_deserves())
    if private_from is not None:
        allowed = select(Account.id).where(Account.name.in_(list(private_from)))
        which.append(or_(Comment.private.is_(False), Comment.account_id.in_(allowed)))
    if chosen:  # as ids: the waiting index holds the account, so other accounts' comments cost no row reads
        which.append(Comment.account_id.in_(session.scalars(select(Account.id).where(*chosen)).all()))
    if total is None:
        total = session.scalar(select(func.sum(_per_account(func.count(), which))).select_from(Account))
    query = _base().where(*which).order_by(Comment.created_at, Comment.id)
    if limit is not None:
        query = query.limit(limit)
    return UnansweredResult([_to_item(row, now, business_waits) for row in session.execute(query)], total or 0)


def _per_account(aggregate, conditions):
    """`aggregate` over each account's comments that meet `conditions`, as a subquery run once per account: it
    then reads the index that leads with the account (SQLite, without statistics, would rather scan by time)."""
    return (
        select(aggregate)
        .select_from(Comment)
        .where(Comment.account_id == Account.id, *conditions)
        .correlate(Account)
        .scalar_subquery()
    )


def waiting_counts(session: Session, accounts: Sequence[str]) -> dict[str, int]:
    """Account name -> how many comments there wait that deserve a nudge (what /unanswered lists)."""
    rows = session.execute(
        select(Account.name, _per_account(func.count(), [_in_backlog(), _deserves()]))
        .where(Account.name.in_(list(accounts)))
        .order_by(Account.name)
    )
    return {name: count for name, count in rows if count}


def newest_comment_id(session: Session) -> int:
    """The highest comment id so far (0 for none): comments stored later have higher ones."""
    return session.scalar(select(func.max(Comment.id))) or 0


def comments_after(session: Session, comment_id: int) -> dict[str, int]:
    """Account name -> how many comments were stored for the first time after the one with `comment_id` (a range
    of the primary key: it reads only those)."""
    rows = session.execute(
        select(Account.name, func.count()).join(Comment, Comment.account_id == Account.id)
        .where(Comment.id > comment_id).group_by(Account.name)
    )
    return dict(rows.all())


def comments_by_id(
    session: Session, comment_ids: list[int], now: datetime, business_waits: BusinessWaits = {}
) -> dict[int, WaitingComment]:
    """Comments in the read model by id, whatever their state (a nudge shows its comment after it is answered too)."""
    rows = session.execute(_base().where(Comment.id.in_(comment_ids)))
    return {item.id: item for item in (_to_item(row, now, business_waits) for row in rows)}


def comment_by_id(
    session: Session, comment_id: int, now: datetime, business_waits: BusinessWaits = {}
) -> WaitingComment | None:
    return comments_by_id(session, [comment_id], now, business_waits).get(comment_id)


@dataclass(frozen=True)
class AccountBacklog:
    account: str
    platform: str
    waiting: int  # comments that deserve a nudge and still wait
    oldest: datetime | None
    private: int = 0  # of the waiting, private messages to the brand (listed only in the account's channel)


def backlog(session: Session, accounts: Sequence[str] | None = None) -> list[AccountBacklog]:
    """Every account (or those named) with how many comments wait for it and since when, by name."""
    per_account = (  # one pass over the waiting comments for both figures
        select(Comment.account_id, func.count().label("waiting"), func.min(Comment.created_at).label("oldest"),
               func.count().filter(Comment.private.is_(True)).label("private"))
        .join(Account, Account.id == Comment.account_id)
        .where(_in_backlog(), _deserves())
        .group_by(Comment.account_id)
        .subquery()
    )
    rows = session.execute(
        select(Account.name, Account.platform, func.coalesce(per_account.c.waiting, 0), per_account.c.oldest,
               func.coalesce(per_account.c.private, 0))
        .outerjoin(per_account, per_account.c.account_id == Account.id)
        .where(*([Account.name.in_(list(accounts))] if accounts is not None else []))
        .order_by(Account.name)
    )
    return [AccountBacklog(*row) for row in rows]


@dataclass(frozen=True)
class RecentReplies:
    answered: int  # user comments the brand answered in the window, wherever it answered
    from_slack: int  # of those, replies written in Slack


def recent_replies(session: Session, since: datetime, accounts: Sequence[str] | None = None) -> RecentReplies:
    """Replies since `since` on every account, or on those named."""
    of = [Account.name.in_(list(accounts))] if accounts is not None else []
    answered = session.scalar(
        select(func.count()).select_from(Comment).join(Account, Account.id == Comment.account_id)
        .where(Comment.is_brand.is_(False), Comment.answered_at >= since, *of)
    )
    from_slack = session.scalar(
        select(func.count()).select_from(Nudge).join(Account, Account.id == Nudge.account_id)
        .where(Nudge.handled_how == Outcome.REPLIED, Nudge.handled_at >= since, *of)
    )
    return RecentReplies(answered or 0, from_slack or 0)


def known_names(session: Session) -> tuple[set[str], set[str]]:
    """Account names and platforms present, to tell `/unanswered blog` from `/unanswered mastodon`."""
    rows = session.execute(select(Account.name, Account.platform)).all()
    return {name for name, _ in rows}, {platform for _, platform in rows}


def polling_states(session: Session) -> dict[str, Any]:
    """Account name -> how its polling stands: the cursor its last poll stored (quota use lives there, e.g.
    YouTube's), when it was last polled and how that went, until when it is paused, when it is polled next and why,
    since when its polls fail, when its counts last all matched the store, and its open completeness gaps."""
    rows = session.execute(
        select(Account.id, Account.name, SyncState.cursor, SyncState.polled_at, SyncState.error_kind,
               SyncState.error, SyncState.paused_until, SyncState.next_poll_at, SyncState.next_poll_reason,
               SyncState.failing_since, SyncState.succeeded_at, SyncState.audited_at, SyncState.complete_at)
        .join(SyncState, SyncState.account_id == Account.id)
    )
    gaps: dict[int, list[AuditGap]] = {}
    for gap in session.scalars(select(AuditGap).where(AuditGap.closed_at.is_(None)).order_by(AuditGap.opened_at)):
        gaps.setdefault(gap.account_id, []).append(gap)
    return {row.name: PollingState(*row[2:], gaps=gaps.get(row.id, [])) for row in rows}


@dataclass(frozen=True)
class PollingState:
    cursor: dict | None
    polled_at: datetime | None
    error_kind: str | None
    error: str | None
    paused_until: datetime | None
    next_poll_at: datetime | None
    next_poll_reason: str | None
    failing_since: datetime | None
    succeeded_at: datetime | None
    audited_at: datetime | None
    complete_at: datetime | None
    gaps: list[AuditGap]

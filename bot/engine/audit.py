"""The completeness audit: what each platform counts of the brand's posts, compared with what is stored.

After a poll's fetch, the source reports the counts the fetch read at no cost (`tallies`, see
bot/sources/base.py), and once every AUDIT_EVERY also those it reads with the requests an idle poll has left of
its budget of two; a count that differs from the store makes the source read that post again (`reread`), and a
difference that stays after the re-read is an open gap (a post a sweep has just read whole is not read again: a
difference there is a gap at once): its account's channel is told once, with the post, and again when it closes.
A source whose fetch leaves no request for its counts gets an audit of its own, in place of a fetch, AUDIT_GRACE
later: no idle poll costs more than two requests.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.db import SessionFactory
from bot.db.models import AuditGap, Author, Comment, Post, SyncState
from bot.engine.ingest import ingest
from bot.sources.base import CommentRecord, Page, Reread, Source, Tally

IDLE_BUDGET = 2  # requests an idle poll may cost, fetch and audit together
AUDIT_EVERY = timedelta(hours=1)  # how often counts that cost requests are read
AUDIT_GRACE = timedelta(minutes=10)  # after AUDIT_EVERY, how long a fetch may go on leaving no request for them
MAX_REREADS = 3  # posts read again per audit; the others wait for the next one
KNOWN_POSTS = 50  # the most recently commented posts a source is told of
WHOLE_ACCOUNT = ""  # AuditGap.post_external_id of a count over the whole account


def audits(source: Source) -> bool:
    return hasattr(source, "tallies")


def requests_sent(source: Source) -> int | None:
    """How many requests the source's client has sent so far, for sources that talk through an ApiClient."""
    http = getattr(source, "http", None)
    return getattr(http, "requests_sent", None)


def audit_instead_of_fetch(source: Source, state: SyncState | None, now: datetime) -> bool:
    """Whether this poll audits only: the source audits, its last poll succeeded, and its counts went unread
    AUDIT_EVERY and then AUDIT_GRACE more (its fetches left no request for them)."""
    if not audits(source) or state is None or state.cursor is None or state.error_kind or not state.audited_at:
        return False
    return state.audited_at + AUDIT_EVERY + AUDIT_GRACE <= now


def audit_after_fetch(
    session_factory: SessionFactory,
    account_id: int,
    source: Source,
    audited_at: datetime | None,
    used: int,
    found: bool,
    clock: Callable[[], datetime],
) -> None:
    """Every poll compares the counts its fetch read at no cost; once every AUDIT_EVERY the source may also spend
    what an idle poll has left of IDLE_BUDGET (a poll that found something is not idle: all of it)."""
    due = audited_at is not None and audited_at + AUDIT_EVERY <= clock()
    budget = (IDLE_BUDGET if found else max(0, IDLE_BUDGET - used)) if due else 0
    if not audit(session_factory, account_id, source, budget, clock) and audited_at is None:
        _stamp(session_factory, account_id, audited_at=clock())  # the audit's clock starts at the first poll


def audit(
    session_factory: SessionFactory,
    account_id: int,
    source: Source,
    budget: int,
    clock: Callable[[], datetime],
) -> bool:
    """Compare the source's counts with the store, re-reading posts that differ; False when it reported none.
    Source errors propagate: the poll fails as it would in a fetch."""
    with session_factory() as session:
        state = session.get(SyncState, account_id)
        cursor = state.cursor if state else None
        posts = list(session.scalars(
            select(Post.external_id).join(Comment, Comment.post_id == Post.id).where(Post.account_id == account_id)
            .group_by(Post.id, Post.external_id).order_by(func.max(Comment.created_at).desc()).limit(KNOWN_POSTS)
        ))
    tallies = source.tallies(cursor, budget, posts)
    if not tallies:  # with a budget too small for its counts, an audit of its own comes later
        if budget >= IDLE_BUDGET:
            _stamp(session_factory, account_id, audited_at=clock())
        return False
    rereads = 0
    for tally in tallies:
        swept = tally if isinstance(tally, Reread) else None
        if swept is not None:  # a post read whole on a sweep: stored first, then compared, and never read again
            store_reread(session_factory, account_id, source, swept, clock)
            tally = swept.tally
        with session_factory() as session:
            stored = stored_count(session, account_id, tally)
            known = standing_gap(session, account_id, tally, stored, clock())
        if tally.differs(stored) and not known and swept is None:
            if rereads == MAX_REREADS:
                continue
            rereads += 1
            again = source.reread(tally.post_id)
            tally = again.tally
            store_reread(session_factory, account_id, source, again, clock)
        with session_factory.begin() as session:
            note_gap(session, account_id, tally, stored_count(session, account_id, tally), clock())
    with session_factory() as session:
        gaps = session.scalar(
            select(func.count(AuditGap.id)).where(AuditGap.account_id == account_id, AuditGap.closed_at.is_(None))
        )
    _stamp(session_factory, account_id, audited_at=clock(), **({} if gaps else {"complete_at": clock()}))
    return True


def store_reread(session_factory: SessionFactory, account_id: int, source: Source, again: Reread,
                 clock: Callable[[], datetime]) -> None:
    """Store what a re-read listed; a complete one also records the post's stored comments it left out as deleted."""
    with session_factory.begin() as session:
        records = list(again.records)
        if again.complete:
            records += vanished(session, account_id, again.tally.post_id, {r.external_id for r in records})
        ingest(session, account_id, Page(records, again.cursor), flat_threads=source.flat_threads, now=clock())


def _stamp(session_factory: SessionFactory, account_id: int, **times: datetime) -> None:
    with session_factory.begin() as session:
        session.execute(update(SyncState).where(SyncState.account_id == account_id).values(**times))


def vanished(session: Session, account_id: int, post_id: str | None, listed: set[str]) -> list[CommentRecord]:
    """The stored comments of the post (or account) a complete re-read did not list, as deleted records."""
    query = (
        select(Comment, Post.external_id.label("post"), Author.external_id.label("author"), Author.name)
        .join(Post, Post.id == Comment.post_id)
        .join(Author, Author.id == Comment.author_id)
        .where(Comment.account_id == account_id, ~Comment.deleted)
    )
    if post_id is not None:
        query = query.where(Post.external_id == post_id)
    return [
        CommentRecord(
            external_id=row.Comment.external_id, post_id=row.post, author_id=row.author, author_name=row.name,
            text=row.Comment.text, created_at=row.Comment.created_at, is_brand=row.Comment.is_brand,
            parent_id=row.Comment.parent_external_id, thread_id=row.Comment.thread_external_id, deleted=True,
        )
        for row in session.execute(query)
        if row.Comment.external_id not in listed
    ]


def stored_count(session: Session, account_id: int, tally: Tally) -> int:
    """The stored comments a platform's count covers."""
    query = select(func.count(Comment.id)).where(Comment.account_id == account_id, ~Comment.deleted)
    if tally.post_id is not None:
        query = query.join(Post, Post.id == Comment.post_id).where(Post.external_id == tally.post_id)
    if tally.top_level:
        query = query.where(Comment.parent_external_id.is_(None))
    if tally.extra_in is None:
        return session.scalar(query) or 0
    key, values = tally.extra_in  # one post's comments: read and counted here, alike on every database
    extras = session.scalars(query.with_only_columns(Comment.extra))
    return sum(1 for extra in extras if (extra or {}).get(key, values[0]) in values)


def standing_gap(session: Session, account_id: int, tally: Tally, stored: int, now: datetime) -> bool:
    """An open gap with these very counts, re-read less than AUDIT_EVERY ago: not read again until then, so that a
    gap that stays does not cost every poll a re-read."""
    key = WHOLE_ACCOUNT if tally.post_id is None else tally.post_id
    gap = session.scalar(select(AuditGap).where(AuditGap.account_id == account_id, AuditGap.post_external_id == key))
    return (gap is not None and gap.closed_at is None and (gap.counted, gap.stored) == (tally.count, stored)
            and gap.checked_at + AUDIT_EVERY > now)


def note_gap(session: Session, account_id: int, tally: Tally, stored: int, now: datetime) -> None:
    """Open or update the post's gap when the counts differ, close it when they agree: a gap nobody was told of
    goes quietly, one that was told waits (closed_at) for its closing to be told."""
    key = WHOLE_ACCOUNT if tally.post_id is None else tally.post_id
    gap = session.scalar(select(AuditGap).where(AuditGap.account_id == account_id, AuditGap.post_external_id == key))
    if tally.differs(stored):
        if gap is None:
            session.add(AuditGap(account_id=account_id, post_external_id=key, counted=tally.count, stored=stored,
                                 opened_at=now, checked_at=now))
        else:  # open since it was first noted: a closing nobody was told of yet is taken back
            gap.counted, gap.stored, gap.closed_at, gap.checked_at = tally.count, stored, None, now
    elif gap is not None and gap.closed_at is None:
        if gap.alerted_at is None:
            session.execute(delete(AuditGap).where(AuditGap.id == gap.id))
        else:
            gap.closed_at = now

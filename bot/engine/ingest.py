"""Ingest: upsert one page of comment records and advance the account's cursor in the same transaction.

The caller owns the transaction: a crash before commit loses the page and keeps the old cursor, so the next poll
fetches the page again; upserts keyed on (account, external id) make that repeat harmless.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import lru_cache
from operator import attrgetter
from typing import Any, Sequence

from sqlalchemy import Table, and_, bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from bot.db.lookup import WANTED, one_of
from bot.db.models import Author, Comment, Post, SyncState, fingerprint, folded, folded_handle, is_waiting, utcnow
from bot.db.upsert import coalesce_new, keep_later, take_new, upsert
from bot.engine import lifecycle
from bot.engine.leases import lock_account
from bot.engine.replystate import nodes_where, refresh_reply_state
from bot.sources.base import CommentRecord, Page


@dataclass
class IngestResult:
    new: int = 0  # comments stored for the first time
    answered: list[int] = field(default_factory=list)
    unanswered: list[int] = field(default_factory=list)


def ingest(
    session: Session,
    account_id: int,
    page: Page,
    *,
    flat_threads: bool = False,
    now: datetime | None = None,
    polled: bool = True,
) -> IngestResult:
    """Store a page, derive reply state, settle nudges, save the cursor; all in the caller's transaction, which
    first waits for the account's lock (one writer per account). A page that was not `polled` (the brand's
    reply sent from Slack, as the platform returned it) leaves the cursor and the poll's times alone."""
    now = now or utcnow()
    lock_account(session, account_id)
    records = _latest_per_id(page.records)
    result = IngestResult()
    if records:
        # Ids only grow, and the account's stored comments are all visible under its lock: those above the highest
        # id before the upsert are the page's new ones (an index lookup, not a read of the page's rows).
        highest_before = session.scalar(select(func.max(Comment.id))) or 0
        post_ids = _upsert_named(
            session,
            Post,
            account_id,
            [{"account_id": account_id, "external_id": r.post_id, "title": r.post_title, "url": r.post_url}
             for r in records],
            {"title": coalesce_new("title"), "url": coalesce_new("url")},
        )
        author_ids = _upsert_named(
            session,
            Author,
            account_id,
            [{"account_id": account_id, "external_id": r.author_id, "name": r.author_name, "handle": r.author_handle,
              "external_id_folded": folded(r.author_id), "name_folded": folded(r.author_name),
              "handle_folded": folded_handle(r.author_handle)}
             for r in records],
            {**take_new("name", "name_folded"), "handle": coalesce_new("handle"),
             "handle_folded": coalesce_new("handle_folded")},
        )
        upsert(
            session,
            Comment.__table__,
            [_comment_row(account_id, r, post_ids, author_ids, flat_threads, now) for r in records],
            ("external_id", "account_id"),
            {
                **take_new("text", "fingerprint", "deleted", "held"),
                "updated_at": keep_later("updated_at"),  # a version without a time keeps the stored edit time
                "url": coalesce_new("url"),
                "extra": coalesce_new("extra"),
            },
            update_when=_not_older,
        )
        touched = nodes_where(session, account_id, Comment.external_id, [r.external_id for r in records])
        result.new = sum(1 for node in touched if node.id > highest_before)
        brand_deleted = [n.id for n in touched if n.is_brand and n.deleted]
        result.answered, result.unanswered = refresh_reply_state(
            session, account_id, flat_threads, touched, brand_deleted
        )
        _mark_scores_stale(
            session, [n.id for n in touched if not n.is_brand] + result.answered + result.unanswered
        )
        _mark_replies_stale(session, account_id, [r.external_id for r in records])
        # Nudges are about comments stored before: the page's new comments have none to open or settle.
        users = [n for n in touched if not n.is_brand and n.id <= highest_before]
        lifecycle.comments_changed(
            session, answered=[i for i in result.answered if i <= highest_before],
            unanswered=[i for i in result.unanswered if i <= highest_before],
            deleted=[n.id for n in users if n.deleted], present=[n.id for n in users if not n.deleted], now=now,
        )
    if polled:
        _save_cursor(session, account_id, page.cursor, _newest_user_comment(records, now), now)
    return result


def _upsert_named(session: Session, model: type[Post] | type[Author], account_id: int, rows: list[dict], updates):
    """Upsert posts or authors, writing only the new and the changed ones (the last row of each wins, a value it
    lacks taken from the earlier ones, as the upsert keeps a stored one: a replay file gives a post's title once);
    returns external id -> id. Most rows of a page name posts and authors already stored, unchanged."""
    table, connection = model.__table__, session.connection()
    dialect = connection.dialect.name
    latest: dict[str, dict] = {}
    for row in rows:
        earlier = latest.get(row["external_id"])
        if earlier is not None and earlier != row:  # most repeats are the same row: no new dictionary for them
            row = {**row, **{name: value for name, value in earlier.items() if row[name] is None}}
        latest[row["external_id"]] = row
    compared = tuple(updates)
    found = connection.execute(_named(dialect, table, compared), {"account": account_id, WANTED: latest})
    stored = {external_id: (id_, tuple(values)) for external_id, id_, *values in found.all()}
    writes = [
        row for external_id, row in latest.items()
        if external_id not in stored or stored[external_id][1] != tuple(row[name] for name in compared)
    ]
    ids = {external_id: id_ for external_id, (id_, _) in stored.items()}
    # The written rows' ids are read back rather than RETURNed: a RETURNING upsert of N rows is a VALUES list of
    # N rows, a statement text for each N that the drivers keep prepared (SQLite up to 128 per connection), so a
    # long backfill's memory grew with the page shapes it met. Rows another replica wrote meanwhile, the same as
    # here (the upsert then leaves them alone), are read back too.
    upsert(session, table, writes, ("external_id", "account_id"), updates, update_when_changed=compared)
    if writes:
        written = [row["external_id"] for row in writes]
        ids.update(connection.execute(_named(dialect, table, ()), {"account": account_id, WANTED: written}).all())
    return ids


@lru_cache(maxsize=None)
def _named(dialect: str, table: Table, compared: tuple[str, ...]):
    """External id, id and the `compared` columns of the posts or authors of an account named in WANTED."""
    return select(table.c.external_id, table.c.id, *(table.c[name] for name in compared)).where(
        table.c.account_id == bindparam("account"), one_of(dialect, table.c.external_id)
    )


def _latest_per_id(records: Sequence[CommentRecord]) -> list[CommentRecord]:
    """A page may repeat a comment (an edit after the original): keep the last version of each, unless an earlier
    one is dated later (see `_not_older`)."""
    latest: dict[str, CommentRecord] = {}
    for record in map(_without_nul, records):
        kept = latest.get(record.external_id)
        if kept is None or not _older(record, kept):
            latest[record.external_id] = record
    return list(latest.values())


def _without_nul(record: CommentRecord) -> CommentRecord:
    """The record with no NUL (0x00) in its strings: PostgreSQL's text cannot hold one, so a commenter's NUL (JSON's
    "\\u0000", in a comment or a display name) failed the page, and every poll after it. Dropped on both databases
    alike."""
    if "\x00" not in "".join(filter(None, _strings(record))):
        return record
    return replace(record, **{name: value.replace("\x00", "") for name, value in zip(_STRINGS, _strings(record))
                              if value})


_STRINGS = ("external_id", "post_id", "author_id", "author_name", "author_handle", "text", "parent_id", "thread_id",
            "url", "post_url", "post_title")
_strings = attrgetter(*_STRINGS)


def _older(record: CommentRecord, than: CommentRecord) -> bool:
    """`_not_older`'s rule in Python, between two versions of a page."""
    return record.updated_at is not None and than.updated_at is not None and record.updated_at < than.updated_at


def _not_older(table: Table, excluded):
    """The comment upsert's condition: a version is written unless both it and the stored one carry an edit time
    (`updated_at`) and its own is earlier, so a stale page (a cache, a lagging replica) never undoes a newer dated
    edit or deletion. A version without a time is taken: WordPress's source stamps only the edits it notices, so
    its approvals and restores come without one, and most platforms date no deletion."""
    return or_(
        table.c.updated_at.is_(None),
        excluded.updated_at.is_(None),
        excluded.updated_at >= table.c.updated_at,
    )


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r} from a source: sources must give timezone-aware times")
    return moment.astimezone(timezone.utc) if moment else None


def _comment_row(account_id, record: CommentRecord, post_ids, author_ids, flat_threads, now) -> dict[str, Any]:
    thread = record.thread_id
    if thread is None and flat_threads:
        thread = record.parent_id or record.external_id
    return {
        "account_id": account_id,
        "external_id": record.external_id,
        "post_id": post_ids[record.post_id],
        "author_id": author_ids[record.author_id],
        "parent_external_id": record.parent_id,
        "thread_external_id": thread,
        "is_brand": record.is_brand,
        "text": record.text,
        "fingerprint": fingerprint(record.text),
        "url": record.url,
        "created_at": _aware(record.created_at),
        "updated_at": _aware(record.updated_at),
        "deleted": record.deleted,
        "held": record.held,
        "private": record.private,
        "ingested_at": now,
        "score": None,
        "reasons": [],
        "extra": record.extra or None,
    }


def _mark_scores_stale(session: Session, changed: list[int]) -> None:
    """Clears the scores `changed` may have moved, for rescore_waiting (engine/rescore.py) to redo them: a score
    counts the author's earlier comments, so each scored waiting comment (a user's, not deleted, not answered) that
    its author wrote at or after one of `changed` loses it, that comment included. `changed` is every user comment
    the page names, changed or not, and every comment whose answer it gave or took away; the page's new comments
    are stored unscored. Comments arrive mostly newest last, so little beyond a poll's own comments is rescored,
    whatever an author's backlog."""
    if changed:
        connection = session.connection()
        connection.execute(_stale_scores(connection.dialect.name), {WANTED: changed})


@lru_cache(maxsize=None)
def _stale_scores(dialect: str):
    changed, later = Comment.__table__.alias("changed"), Comment.__table__.alias("later")
    since_changed = (
        select(later.c.id)
        .join(changed, and_(later.c.author_id == changed.c.author_id, later.c.created_at >= changed.c.created_at))
        .where(
            one_of(dialect, changed.c.id),
            later.c.answered_at.is_(None), later.c.is_brand.is_(False), later.c.deleted.is_(False),
            later.c.score.is_not(None),
        )
    )
    return update(Comment.__table__).where(Comment.id.in_(since_changed)).values(score=None)


def _mark_replies_stale(session: Session, account_id: int, parents: list[str]) -> None:
    """A score also says whether a comment answers the brand or another commenter, so a comment arriving after its
    replies (pages out of order) makes their scores stale too."""
    connection = session.connection()
    connection.execute(_stale_replies(connection.dialect.name), {"account": account_id, WANTED: parents})


@lru_cache(maxsize=None)
def _stale_replies(dialect: str):
    replies = select(Comment.id).where(
        Comment.account_id == bindparam("account"),
        one_of(dialect, Comment.parent_external_id),
        is_waiting(),
        Comment.score.is_not(None),
    )
    return update(Comment).where(Comment.id.in_(replies)).values(score=None)


def _save_cursor(session: Session, account_id: int, cursor: dict | None, newest: datetime | None, now: datetime) -> None:
    """A page without a cursor keeps the stored one: it holds records, not a new position. The newest user
    comment's time only ever moves forward (it paces polling, bot/engine/schedule.py)."""
    updates = take_new("polled_at") if cursor is None else take_new("cursor", "polled_at")
    upsert(
        session,
        SyncState.__table__,
        [{"account_id": account_id, "cursor": cursor, "polled_at": now, "newest_comment_at": newest}],
        ("account_id",),
        {**updates, "newest_comment_at": keep_later("newest_comment_at")},
    )


def _newest_user_comment(records: Sequence[CommentRecord], now: datetime) -> datetime | None:
    """When the page's newest user comment was written; a clock running ahead on the platform counts as now."""
    newest = max((_aware(r.created_at) for r in records if not r.is_brand and not r.deleted), default=None)
    return min(newest, now) if newest else None

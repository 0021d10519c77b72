"""Helpers for the connector tests: poll a real source with the real poller and read back what was stored."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import Comment, SyncState
from bot.engine.poller import poll_account, sync_accounts
from bot.sources import build_source


def source_for(account):
    """The account's real source, with retry pauses shortened so tests of 5xx answers stay fast."""
    source = build_source(account)
    source.http.backoff = 0.001
    return source


def poll(session_factory, account, source=None):
    with session_factory.begin() as session:
        account_id = sync_accounts(session, [account])[account.name]
    source = source or source_for(account)
    return poll_account(session_factory, account_id, account, source), account_id, source


def fetched(source, external_id):
    """The record a full read of the source gives for one comment (what a reply from Slack starts from)."""
    return next(r for page in source.fetch(None) for r in page.records if r.external_id == external_id)


def store_reply(session_factory, account_id, source, posted):
    """Ingest what `reply()` returned, as the Slack reply flow does."""
    from bot.engine.ingest import ingest
    from bot.sources.base import Page

    with session_factory.begin() as session:
        ingest(session, account_id, Page([posted], None), flat_threads=source.flat_threads)


def comments(session_factory, account_id):
    with session_factory() as session:
        rows = session.execute(
            select(Comment.external_id, Comment.text, Comment.deleted, Comment.is_brand, Comment.updated_at,
                   Comment.parent_external_id, Comment.held)
            .where(Comment.account_id == account_id)
        )
        return {row.external_id: row for row in rows}


def stored_cursor(session_factory, account_id):
    with session_factory() as session:
        return session.get(SyncState, account_id).cursor


def paused_until(session_factory, account_id):
    with session_factory() as session:
        return session.get(SyncState, account_id).paused_until


class FailureQueue:
    """One-off answers a fake server gives instead of its own: `add(part, response)` serves `response` to the
    first request whose path contains `part`, once."""

    def __init__(self):
        self.queued: list[tuple[str, object]] = []

    def add(self, part: str, response) -> None:
        self.queued.append((part, response))

    def take(self, path: str):
        for index, (part, response) in enumerate(self.queued):
            if part in path:
                del self.queued[index]
                return response
        return None

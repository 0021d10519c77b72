"""The poller's side of the source contract: cursor-less pages keep the cursor, min_poll_interval slows polling."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.db.models import SyncState
from bot.engine.poller import poll_account
from tests.support.records import T0, account_config, make_account, page, record


class ScriptedSource:
    """A source whose pages and pacing the test sets; it counts how often it was asked to fetch."""

    platform = "scripted"
    flat_threads = False

    def __init__(self, pages, interval=None):
        self.account = account_config()
        self.pages, self.interval, self.fetches = pages, interval, 0

    def fetch(self, cursor):
        self.fetches += 1
        yield from self.pages

    def min_poll_interval(self):
        return self.interval


def stored_cursor(session_factory, account_id):
    with session_factory() as session:
        return session.scalar(select(SyncState.cursor).where(SyncState.account_id == account_id))


def test_a_page_without_cursor_keeps_the_stored_cursor(session_factory):
    account_id = make_account(session_factory)
    source = ScriptedSource([page(record("a"), cursor={"min_id": "7"}), page(record("b"), cursor=None)])
    poll_account(session_factory, account_id, account_config(), source, clock=lambda: T0)
    assert stored_cursor(session_factory, account_id) == {"min_id": "7"}
    source.pages = [page(cursor=None)]
    poll_account(session_factory, account_id, account_config(), source, clock=lambda: T0 + timedelta(minutes=5))
    assert stored_cursor(session_factory, account_id) == {"min_id": "7"}


def test_min_poll_interval_skips_polls_that_come_too_soon(session_factory):
    account_id = make_account(session_factory)
    source = ScriptedSource([page(cursor={"n": 1})], interval=timedelta(minutes=3))
    first = poll_account(session_factory, account_id, account_config(), source, clock=lambda: T0)
    assert first.ok and source.fetches == 1
    early = poll_account(session_factory, account_id, account_config(), source, clock=lambda: T0 + timedelta(minutes=1))
    assert early.ok and early.skipped_until == T0 + timedelta(minutes=3) and source.fetches == 1
    assert "polling slower" in early.describe()
    later = poll_account(session_factory, account_id, account_config(), source, clock=lambda: T0 + timedelta(minutes=3))
    assert later.ok and later.skipped_until is None and source.fetches == 2

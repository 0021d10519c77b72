"""`replynudge run`: the polling loop (and, with Slack configured, the Slack app) until SIGTERM or SIGINT.

A signal lets the cycle in hand finish its page and exits 0.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import timedelta

from bot.config import Settings
from bot.db import SessionFactory, check_connection, make_engine, session_factory, upgrade
from bot.engine.poller import PollOutcome, poll_account, sync_accounts
from bot.slack.delivery import Notifier, deliver_due
from bot.slack.terminal import TerminalNotifier
from bot.sources import Source, build_source

log = logging.getLogger(__name__)


def run_service(settings: Settings, *, interval: timedelta, force_http: bool = False, port: int | None = None) -> int:
    factory = open_database(settings)
    notifier = make_notifier(settings)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    # Sources live as long as the service: they keep sessions (Bluesky) and rate-limit headroom between cycles.
    sources = build_sources(settings)
    while not stop.is_set():
        for outcome in poll_cycle(settings, factory, notifier, sources):
            if not outcome.ok:
                log.warning(outcome.describe())
        stop.wait(interval.total_seconds())
    return 0


def open_database(settings: Settings, *, migrate: bool = True) -> SessionFactory:
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    else:
        check_connection(engine)
    return session_factory(engine)


def make_notifier(settings: Settings) -> Notifier:
    return TerminalNotifier()


def build_sources(settings: Settings) -> dict[str, Source]:
    return {account.name: build_source(account) for account in settings.accounts}


def poll_cycle(
    settings: Settings, factory: SessionFactory, notifier: Notifier, sources: dict[str, Source] | None = None
) -> list[PollOutcome]:
    """One cycle over every configured account, then the nudges and alerts that fell due."""
    sources = sources or build_sources(settings)
    with factory.begin() as session:
        ids = sync_accounts(session, settings.accounts)
    outcomes = [
        poll_account(factory, ids[account.name], account, sources[account.name]) for account in settings.accounts
    ]
    deliver_due(factory, notifier)
    return outcomes

"""`replynudge run`: the polling loop (and, with Slack configured, the Slack app) until SIGTERM or SIGINT.

A signal lets the cycle in hand finish its page and exits 0.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import timedelta
from typing import Sequence

from slack_sdk import WebClient

from bot.config import Settings
from bot.db import SessionFactory, check_connection, make_engine, session_factory, upgrade
from bot.db.models import utcnow
from bot.engine.delivery import deliver_due, escalate_due
from bot.engine.leases import Lease, next_claimable
from bot.engine.notifier import Notifier
from bot.engine.poller import PollOutcome, PollWatcher, poll_due, sync_accounts
from bot.health import Health
from bot.metrics import Metrics
from bot.progress import LogProgress
from bot.slack.app import build_app
from bot.slack.client import make_client
from bot.slack.digest import post_due_digests
from bot.slack.report import post_due_reports
from bot.slack.notifier import SlackNotifier, Tally, no_tally
from bot.slack.server import Running, serve, serve_status
from bot.slack.terminal import TerminalNotifier
from bot.sources import Source, build_source
from bot.suggest import llm_provider, suggester
from bot.suggest.llm import LlmProvider

log = logging.getLogger(__name__)

LOOK_EVERY = timedelta(minutes=1)
MIN_PAUSE = timedelta(seconds=1)


def run_service(settings: Settings, *, force_http: bool = False, port: int | None = None) -> int:
    """The Slack app (with a bot token) and the polling loop in its own thread, until SIGTERM or SIGINT; the status
    pages (health, readiness, metrics) on HEALTH_HOST:HEALTH_PORT in either mode."""
    factory = open_database(settings)
    # Sources live as long as the service: they keep sessions (Bluesky) and rate-limit headroom between cycles.
    sources = build_sources(settings)
    metrics = Metrics(settings.accounts)
    metrics.watch(factory, sources)
    notifier = make_notifier(settings, tally=metrics.nudge)
    slack = notifier if isinstance(notifier, SlackNotifier) else None
    app = build_app(settings, factory, client=slack.client, notifier=slack) if slack else None
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    poller = threading.Thread(target=poll_forever, args=(settings, factory, notifier, stop, sources, metrics),
                              name="poller")
    health = Health.of(settings, factory, {"polling": poller.is_alive})
    servers: list[Running] = []
    try:
        # The ports first: a setting that keeps a server from starting stops the service before anything is polled.
        servers.append(serve_status(settings, health, metrics))
        if app is not None:
            servers.append(serve(app, settings, health, force_http=force_http, port=port))
        poller.start()
        for server in servers:
            log.info(server.where)
        while not stop.wait(1):
            pass
    finally:
        stop.set()
        for server in servers:
            server.stop()
        if poller.ident is not None:
            poller.join()  # the cycle in hand finishes
    return 0


def poll_forever(settings: Settings, factory: SessionFactory, notifier: Notifier, stop: threading.Event,
                 sources: dict[str, Source], metrics: Metrics) -> None:
    lease = Lease.for_this_process(settings.lease)
    llm = llm_provider(settings)  # kept too: a pause after the endpoint failed outlasts the cycle
    progress = LogProgress()
    while not stop.is_set():
        try:
            outcomes = poll_cycle(settings, factory, notifier, sources, lease=lease, due_only=True, llm=llm,
                                  watchers=[metrics, progress])
            for outcome in outcomes:
                if not outcome.ok:
                    log.warning(outcome.describe(), extra={"account": outcome.account, "error_kind": outcome.error_kind})
            pause = until_next_poll(factory, settings)
        except Exception:  # a database outage must not end the service: the next cycle tries again
            log.exception("poll cycle failed")
            pause = LOOK_EVERY
        stop.wait(pause.total_seconds())


def until_next_poll(factory: SessionFactory, settings: Settings) -> timedelta:
    """Sleep until an account can be claimed for its next poll, but look at least every LOOK_EVERY for nudges,
    digests and escalations that fell due in between."""
    names = [account.name for account in settings.accounts]
    now = utcnow()
    with factory() as session:
        due = next_claimable(session, names, now)
    return min(max(MIN_PAUSE, (due or now + LOOK_EVERY) - now), LOOK_EVERY)


def open_database(settings: Settings, *, migrate: bool = True) -> SessionFactory:
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    else:
        check_connection(engine)
    return session_factory(engine)


def make_notifier(settings: Settings, client: WebClient | None = None, *, tally: Tally = no_tally) -> Notifier:
    """Slack when SLACK_BOT_TOKEN is set, else the terminal; `tally` is told what became of each nudge in Slack."""
    if not settings.slack_bot_token:
        return TerminalNotifier()
    return SlackNotifier(client or make_client(settings), tally=tally)


def build_sources(settings: Settings) -> dict[str, Source]:
    return {account.name: build_source(account) for account in settings.accounts}


def poll_cycle(
    settings: Settings,
    factory: SessionFactory,
    notifier: Notifier,
    sources: dict[str, Source] | None = None,
    *,
    lease: Lease | None = None,
    due_only: bool = False,
    llm: LlmProvider | None = None,
    watchers: Sequence[PollWatcher] = (),
) -> list[PollOutcome]:
    """One cycle: poll the accounts this replica claims (every free one, or with `due_only` those due), then post
    the nudges, alerts, escalations, digests and reports that fell due."""
    sources = sources or build_sources(settings)
    lease = lease or Lease.for_this_process(settings.lease)
    with factory.begin() as session:
        ids = sync_accounts(session, settings.accounts)
    accounts = {ids[account.name]: account for account in settings.accounts}
    outcomes = poll_due(factory, accounts, sources, lease, due_only=due_only, watchers=watchers)
    deliver_due(factory, notifier, suggester(factory, llm or llm_provider(settings)), lease=lease, accounts=accounts)
    escalate_due(factory, notifier, accounts, lease=lease)
    post_due_digests(factory, notifier, settings.accounts, lease=lease)
    post_due_reports(factory, notifier, settings.accounts, lease=lease)
    return outcomes

"""`replynudge run`: two loops, polling and delivery, (and with Slack configured the Slack app) until SIGTERM or
SIGINT; `poll --once` and the demo: one cycle of both in turn.

The loops (bot/loops.py) share this replica's lease, so that replicas sharing a database split the accounts and the
nudges between them, and each keeps its own pace: polling sleeps until an account is due, delivery looks every
DELIVER_EVERY for what fell due by the clock (a nudge's wait, an escalation, a digest, a report, a snooze) and is
woken at once when a poll queued nudges. A long poll therefore never holds up a nudge. A signal lets each loop
finish the step in hand (a poll its page) and exits 0.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import timedelta
from typing import Mapping, Sequence

from slack_sdk import WebClient

from bot.config import AccountConfig, Settings
from bot.db import SessionFactory, check_connection, make_engine, session_factory, upgrade
from bot.db.models import utcnow
from bot.engine.delivery import Suggest, deliver_due, escalate_due
from bot.engine.leases import Lease, next_claimable
from bot.engine.notifier import Notifier
from bot.engine.poller import PollOutcome, PollWatcher, poll_due, sync_accounts
from bot.health import Health
from bot.loops import Loop, Loops
from bot.metrics import Metrics
from bot.ongoing_failures import OngoingFailures
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

LOOK_EVERY = timedelta(minutes=1)  # polling looks at least this often (an account added, a replica's lease ran out)
MIN_PAUSE = timedelta(seconds=1)
DELIVER_EVERY = timedelta(seconds=5)


def run_service(settings: Settings, *, force_http: bool = False, port: int | None = None) -> int:
    """The Slack app (with a bot token), and the polling and delivery loops in threads of their own, until SIGTERM
    or SIGINT; the status pages (health, readiness, metrics) on HEALTH_HOST:HEALTH_PORT in either mode."""
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
    with factory.begin() as session:
        ids = sync_accounts(session, settings.accounts)
    accounts = {ids[account.name]: account for account in settings.accounts}
    lease = Lease.for_this_process(settings.lease)
    loops = Loops()
    delivery = loops.add("delivery", delivering(settings, factory, notifier, accounts, lease), after_error=LOOK_EVERY)
    loops.add("polling", polling(settings, factory, accounts, sources, lease, [metrics, LogProgress(),
                                                                            WakeOnQueued(delivery)]),
              after_error=LOOK_EVERY)
    health = Health.of(settings, factory, loops.alive())
    servers: list[Running] = []
    try:
        # The ports first: a setting that keeps a server from starting stops the service before anything is polled.
        servers.append(serve_status(settings, health, metrics))
        if app is not None:
            servers.append(serve(app, settings, health, force_http=force_http, port=port))
        loops.start()
        if app is None:
            log.info("no SLACK_BOT_TOKEN: the nudges print here, and nothing answers Slack (docs/slack-setup.md)")
        for server in servers:
            log.info(server.where)
        while not stop.wait(1):
            pass
    finally:
        for server in servers:
            server.stop()
        loops.stop()  # each finishes the step in hand
    return 0


def polling(settings: Settings, factory: SessionFactory, accounts: Mapping[int, AccountConfig],
            sources: dict[str, Source], lease: Lease, watchers: Sequence[PollWatcher]):
    """The polling loop's step: poll the accounts due that this replica claims, then wait for the next. Failed
    polls are logged as FailureLog says: when a failure starts or changes, and when it ends."""
    watchers = [*watchers, FailureLog()]

    def step() -> timedelta:
        poll_due(factory, accounts, sources, lease, due_only=True, watchers=watchers)
        return until_next_poll(factory, settings)

    return step


def delivering(settings: Settings, factory: SessionFactory, notifier: Notifier, accounts: Mapping[int, AccountConfig],
               lease: Lease):
    """The delivery loop's step: post what fell due, then look again after DELIVER_EVERY."""
    suggest = suggester(factory, llm_provider(settings))  # kept: a pause after the LLM failed outlasts the step
    failing_alerts = OngoingFailures[str | None]()  # kept: an alert Slack fails to take is said once, not every step

    def step() -> timedelta:
        deliver(settings, factory, notifier, accounts, lease, suggest, failing_alerts)
        return DELIVER_EVERY

    return step


class FailureLog:
    """Logs an account's failed polls when the failure starts or its kind or error changes, and once when a poll
    works again: an outage of hours is two lines, not one a poll (the channel is told by the account alerts)."""

    def __init__(self) -> None:
        self._failures = OngoingFailures[str]()  # by account

    def started(self, account: str) -> None:
        pass

    def paged(self, outcome: PollOutcome) -> None:
        pass

    def polled(self, outcome: PollOutcome) -> None:
        extra = {"account": outcome.account, "error_kind": outcome.error_kind}
        if outcome.ok:
            if outcome.skipped_until is None and self._failures.ended(outcome.account) is not None:
                log.info("%s: polls again", outcome.account, extra=extra)
        # By kind and error, not by status(): a poll skipped while the account is paused is the same failure.
        elif self._failures.is_news(outcome.account, f"{outcome.error_kind}: {outcome.error}"):
            log.warning(outcome.describe(), extra=extra)


class WakeOnQueued:
    """Wakes the delivery loop when a poll queued nudges, so that they go out at once, not after its pause."""

    def __init__(self, delivery: Loop):
        self._delivery = delivery

    def started(self, account: str) -> None:
        pass

    def paged(self, outcome: PollOutcome) -> None:
        pass

    def polled(self, outcome: PollOutcome) -> None:
        if outcome.queued:
            self._delivery.wake()


def until_next_poll(factory: SessionFactory, settings: Settings) -> timedelta:
    """Sleep until an account can be claimed for its next poll (at most LOOK_EVERY)."""
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
    """One cycle (`poll --once`, the demo): poll the accounts this replica claims (every free one, or with
    `due_only` those due), then deliver what fell due."""
    sources = sources or build_sources(settings)
    lease = lease or Lease.for_this_process(settings.lease)
    with factory.begin() as session:
        ids = sync_accounts(session, settings.accounts)
    accounts = {ids[account.name]: account for account in settings.accounts}
    outcomes = poll_due(factory, accounts, sources, lease, due_only=due_only, watchers=watchers)
    deliver(settings, factory, notifier, accounts, lease, suggester(factory, llm or llm_provider(settings)))
    return outcomes


def deliver(settings: Settings, factory: SessionFactory, notifier: Notifier, accounts: Mapping[int, AccountConfig],
            lease: Lease, suggest: Suggest, failing_alerts: OngoingFailures[str | None] | None = None) -> None:
    """Post the nudges, alerts, escalations, digests and reports that fell due (claimed under `lease`);
    `failing_alerts`: the alerts' failures said in earlier cycles (deliver_due)."""
    deliver_due(factory, notifier, suggest, lease=lease, accounts=accounts, failing_alerts=failing_alerts)
    escalate_due(factory, notifier, accounts, lease=lease)
    post_due_digests(factory, notifier, settings.accounts, lease=lease)
    post_due_reports(factory, notifier, settings.accounts, lease=lease)

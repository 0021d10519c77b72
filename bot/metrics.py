"""What `GET /metrics` tells a Prometheus server, in its text exposition format (prometheus-client).

Counters count what this process did since it started (polls and their outcome, new comments stored, nudges
posted, summarized, edited and failed, as the Slack notifier tells them): with several replicas each counts its own share, and a query sums them. Gauges are
read when scraped: from the database (poll lag, the waiting backlog: the same figures in every replica) and from
the sources this process polls with (the rate-limit headroom and quota its platforms reported last).

Each service has a registry of its own, not prometheus-client's global one, so that two services in one process
(tests) count apart.
"""

from __future__ import annotations

import logging
from typing import Callable, Iterable, Mapping, Sequence

from prometheus_client import CollectorRegistry, Counter, disable_created_metrics
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import choose_encoder
from prometheus_client.registry import Collector

from bot.clock import utcnow
from bot.config import AccountConfig
from bot.db import SessionFactory
from bot.db.queries import WaitingComment, backlog, polling_states
from bot.engine.poller import PollOutcome
from bot.sources.base import Source, headroom
from bot.sources.youtube_quota import QuotaBudget

log = logging.getLogger(__name__)
disable_created_metrics()  # a `_created` series beside every counter says only when the process started

OK, SKIPPED = "ok", "skipped"
# A poll's outcome: ok, skipped (paused, or waiting for rate-limit headroom), or the kind of its error.
OUTCOMES = (OK, SKIPPED, "auth", "quota", "rate_limited", "temporary", "bug", "lease_lost")
NUDGE_ACTIONS = ("posted", "summarized", "edited", "failed")


class Metrics:
    """The registry of one service, and the counters its poller and Slack notifier move."""

    def __init__(self, accounts: Sequence[AccountConfig]):
        self.registry = CollectorRegistry(auto_describe=True)
        self.platforms = {account.name: account.platform for account in accounts}
        self._counted: dict[str, int] = {}  # account -> new comments of its poll in hand counted so far
        labels = ("account", "platform")
        self.polls = Counter("replynudge_polls", "Polls of an account by this process, by outcome: ok, skipped "
                             "(paused or waiting for headroom) or the kind of error",
                             (*labels, "outcome"), registry=self.registry)
        self.comments = Counter("replynudge_comments_ingested", "New comments (brand replies included) this "
                                "process stored; a comment read again is not counted", labels, registry=self.registry)
        self.nudges = Counter("replynudge_nudges", "Nudges this process posted to Slack as messages of their own, "
                              "listed in a flood summary, edited (answered, done, snoozed...), or failed to post or "
                              "edit", (*labels, "action"), registry=self.registry)
        for account, platform in self.platforms.items():  # every series exists from the start, at 0
            for outcome in OUTCOMES:
                self.polls.labels(account, platform, outcome)
            self.comments.labels(account, platform)
            for action in NUDGE_ACTIONS:
                self.nudges.labels(account, platform, action)

    def started(self, account: str) -> None:
        self._counted[account] = 0

    def paged(self, outcome: PollOutcome) -> None:
        """Comments count as their pages are stored, so that a long first sync shows its pace."""
        counted = self._counted.get(outcome.account, 0)
        self.comments.labels(outcome.account, self.platforms.get(outcome.account, "")).inc(outcome.new - counted)
        self._counted[outcome.account] = outcome.new

    def polled(self, outcome: PollOutcome) -> None:
        self._counted.pop(outcome.account, None)
        if outcome.skipped_until:
            kind = SKIPPED
        else:
            kind = OK if outcome.ok else outcome.error_kind or "bug"
        self.polls.labels(outcome.account, self.platforms.get(outcome.account, ""), kind).inc()

    def nudge(self, item: WaitingComment, action: str) -> None:
        """The Slack notifier's tally (bot/slack/notifier.py)."""
        self.nudges.labels(item.account, item.platform, action).inc()

    def watch(self, factory: SessionFactory, sources: Mapping[str, Source]) -> None:
        """Read the gauges from the database and from `sources` at every scrape."""
        self.registry.register(StateCollector(factory, self.platforms, sources))

    def exposition(self, accept: str) -> tuple[bytes, str]:
        """The samples in the format the scraper's Accept header asks for (Prometheus text or OpenMetrics), and
        that format's content type."""
        encode, content_type = choose_encoder(accept)
        return encode(self.registry), content_type


class StateCollector(Collector):
    def __init__(self, factory: SessionFactory, platforms: Mapping[str, str], sources: Mapping[str, Source],
                 clock: Callable = utcnow):
        self.factory, self.platforms, self.sources, self.clock = factory, platforms, sources, clock

    def describe(self) -> list[Metric]:
        return []  # read at scrape time: nothing to check at registration

    def collect(self) -> Iterable[Metric]:
        yield from self._headroom()
        database = GaugeMetricFamily("replynudge_database_up", "1 when the database answered this scrape's queries")
        try:
            gauges = self._from_database()
        except Exception as error:  # the scrape still answers, with the database's state in it
            log.warning("metrics: reading the database failed: %s", error)
            database.add_metric([], 0)
            yield database
            return
        database.add_metric([], 1)
        yield database
        yield from gauges

    def _from_database(self) -> list[Metric]:
        names, now = list(self.platforms), self.clock()
        with self.factory() as session:
            states = polling_states(session)
            waiting = backlog(session, names)
        lag = GaugeMetricFamily("replynudge_poll_lag_seconds",
                                "Seconds since the account's last successful poll (by any replica)",
                                labels=("account", "platform"))
        for name in names:
            state = states.get(name)
            if state and state.succeeded_at:
                lag.add_metric([name, self.platforms[name]], (now - state.succeeded_at).total_seconds())
        count = GaugeMetricFamily("replynudge_waiting_comments",
                                  "Comments waiting for an answer that deserve a nudge (what /unanswered lists)",
                                  labels=("account", "platform"))
        oldest = GaugeMetricFamily("replynudge_oldest_waiting_comment_age_seconds",
                                   "Age of the oldest comment waiting for an answer that deserves a nudge; 0 when "
                                   "none waits", labels=("account", "platform"))
        for entry in waiting:
            count.add_metric([entry.account, entry.platform], entry.waiting)
            age = (now - entry.oldest).total_seconds() if entry.oldest else 0
            oldest.add_metric([entry.account, entry.platform], max(0.0, age))
        return [lag, count, oldest]

    def _headroom(self) -> Iterable[Metric]:
        labels = ("account", "platform")
        remaining = GaugeMetricFamily("replynudge_rate_limit_remaining",
                                      "Requests left in the rate-limit window, as the platform's last answer to this "
                                      "process said (Meta: percent of its usage quota left)", labels=labels)
        limit = GaugeMetricFamily("replynudge_rate_limit_limit", "Requests the rate-limit window allows, where the "
                                  "platform says", labels=labels)
        reset = GaugeMetricFamily("replynudge_rate_limit_reset_timestamp_seconds",
                                  "When the rate-limit window resets (Unix time), where the platform says",
                                  labels=labels)
        used = GaugeMetricFamily("replynudge_quota_used_units", "Units of the daily quota spent today (YouTube)",
                                 labels=labels)
        budget = GaugeMetricFamily("replynudge_quota_budget_units", "The daily quota budget (YouTube's "
                                   "quota_budget)", labels=labels)
        for name, source in self.sources.items():
            values = [name, self.platforms.get(name, "")]
            if reported := headroom(source):
                remaining.add_metric(values, reported.remaining)
                if reported.limit is not None:
                    limit.add_metric(values, reported.limit)
                if reported.reset_at is not None:
                    reset.add_metric(values, reported.reset_at.timestamp())
            if isinstance(quota := getattr(source, "quota", None), QuotaBudget):
                used.add_metric(values, quota.used)
                budget.add_metric(values, quota.budget)
        return [remaining, limit, reset, used, budget]


"""One poll of one account: fetch pages from its source and ingest each in its own transaction.

Errors stay with their account: an expired token pauses that account (and the notifier tells its channel once),
a rate limit waits for the time the platform gave, anything else is retried at the next poll. Whatever the
reason, polls failing for longer than the account's `alert_after` tell its channel too (bot/engine/outbox.py).
After the fetch, the completeness audit compares the platform's counts with the store (bot/engine/audit.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Mapping, Protocol, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.config import AccountConfig
from bot.db import SessionFactory
from bot.db.models import Account, SyncState, utcnow
from bot.db.upsert import insert_ignoring_conflicts, keep_old, set_null, take_new, upsert
from bot.engine.audit import IDLE_BUDGET, audit, audit_after_fetch, audit_instead_of_fetch, audits, requests_sent
from bot.engine.hours import OfficeHours
from bot.engine.ingest import ingest
from bot.engine.leases import Lease, LeaseLost, claim_account, release_account, renew_account
from bot.engine.nudges import enqueue_due
from bot.engine.rescore import rescore_waiting
from bot.engine.routing import Routing, apply_config_mutes
from bot.engine.schedule import PAUSED, WAIT_AFTER_ERROR, NextPoll, next_poll
from bot.sources.base import AuthError, QuotaExhausted, RateLimited, Source, SourceError, paced_by, pacing

log = logging.getLogger(__name__)

AUTH_RETRY = timedelta(minutes=30)  # how often a paused account tries its credentials again
MAX_NUDGE_AGE = timedelta(days=14)


@dataclass
class PollOutcome:
    account: str
    ok: bool
    pages: int = 0
    records: int = 0
    new: int = 0  # comments among the records stored for the first time
    expected: int | None = None  # how many records the fetch reads in all, where the platform says
    queued: int = 0  # nudges the poll queued
    error: str | None = None
    error_kind: str | None = None  # auth | quota | rate_limited | temporary | bug | lease_lost
    skipped_until: datetime | None = None

    def describe(self) -> str:
        return f"{self.account}: {self.status()}"

    def status(self) -> str:
        if self.skipped_until:
            return f"paused until {self.skipped_until:%Y-%m-%d %H:%M} UTC ({self.error})"
        if self.ok:
            return f"ok, {self.records} comments in {self.pages} pages"
        return f"{self.error_kind}: {self.error}"


class PollWatcher(Protocol):
    """Told as polls go (metrics, progress): when the poll of an account starts, after each stored page with the
    poll's counts so far, and when it ends."""

    def started(self, account: str) -> None: ...

    def paged(self, outcome: PollOutcome) -> None: ...

    def polled(self, outcome: PollOutcome) -> None: ...


def sync_accounts(session: Session, accounts: Sequence[AccountConfig]) -> dict[str, int]:
    """Bring the account rows in line with the config file; returns name -> account id. The demo's accounts (`make
    demo` leaves them in replynudge.db, marked `demo`) go once a config names others: Acme Coffee's comments are not
    the team's. An account the config no longer names keeps its rows: named again, it is polled on from its cursor."""
    names = [a.name for a in accounts]
    demo = session.scalars(select(Account.name).where(Account.demo, Account.name.not_in(names))
                           .order_by(Account.name)).all()
    if demo:
        session.execute(delete(Account).where(Account.name.in_(demo)))
        log.warning("removed the demo's accounts (%s) and their comments from the database", ", ".join(demo))
    upsert(
        session,
        Account.__table__,
        [
            {
                "name": a.name,
                "platform": a.platform,
                "channel": a.channel,
                "min_score": a.min_score,
                "nudge_after_seconds": int(a.nudge_after.total_seconds()),
                "alert_after_seconds": int(a.alert_after.total_seconds()),
                "created_at": utcnow(),
            }
            for a in sorted(accounts, key=lambda a: a.name)  # one lock order for replicas syncing at once
        ],
        ("name",),
        take_new("platform", "channel", "min_score", "nudge_after_seconds", "alert_after_seconds"),
    )
    ids = dict(session.execute(select(Account.name, Account.id).where(Account.name.in_(names))).all())
    insert_ignoring_conflicts(
        session, SyncState.__table__, [{"account_id": ids[name]} for name in sorted(names)], ("account_id",)
    )
    return ids


def poll_due(
    session_factory: SessionFactory,
    accounts: Mapping[int, AccountConfig],
    sources: Mapping[str, Source],
    lease: Lease,
    *,
    due_only: bool = True,
    clock: Callable[[], datetime] = utcnow,
    watchers: Sequence[PollWatcher] = (),
) -> list[PollOutcome]:
    """Claim accounts one at a time and poll each, until none is left that is due and free.

    Replicas sharing the database each run this: an account is polled by whoever claims it first, and a claim
    that outlives its replica expires. Without `due_only`, every free account is polled once (`poll --once`).
    """
    outcomes: dict[int, PollOutcome] = {}
    while True:
        with session_factory.begin() as session:
            account_id = claim_account(session, accounts.keys() - outcomes.keys(), lease, clock(), due_only=due_only)
        if account_id is None:
            break
        account = accounts[account_id]
        source = sources[account.name]
        for watcher in watchers:
            watcher.started(account.name)
        outcomes[account_id] = poll_account(session_factory, account_id, account, source, clock, lease, watchers)
        for watcher in watchers:
            watcher.polled(outcomes[account_id])
        with session_factory.begin() as session:
            release_account(session, account_id, lease, plan_next_poll(session, account_id, account, source, clock()))
    order = list(accounts)
    return [outcomes[account_id] for account_id in sorted(outcomes, key=order.index)]


def plan_next_poll(session: Session, account_id: int, account: AccountConfig, source: Source, now: datetime) -> NextPoll:
    """After a poll: the account's activity sets the pace, the platform's budget and any pause only delay it."""
    state = session.get(SyncState, account_id)
    limits = []
    if budget := pacing(source):
        limits.append(NextPoll(now + budget, paced_by(source)))
    if state.paused_until and state.paused_until > now:
        limits.append(NextPoll(state.paused_until, WAIT_AFTER_ERROR.get(state.error_kind, PAUSED)))
    return next_poll(account.poll_intervals, state.newest_comment_at, now, limits)


def poll_account(
    session_factory: SessionFactory,
    account_id: int,
    account: AccountConfig,
    source: Source,
    clock: Callable[[], datetime] = utcnow,
    lease: Lease | None = None,
    watchers: Sequence[PollWatcher] = (),
) -> PollOutcome:
    """Poll one account; with a `lease`, every page's transaction also renews this replica's claim on it."""
    outcome = PollOutcome(account.name, ok=True)
    with session_factory() as session:
        state = session.get(SyncState, account_id)
        cursor = state.cursor if state else None
        audit_only = audit_instead_of_fetch(source, state, clock())
        audited_at = state.audited_at if state else None
        if state and state.paused_until and state.paused_until > clock():
            return PollOutcome(
                account.name, ok=state.error_kind != "auth", error=state.error, error_kind=state.error_kind,
                skipped_until=state.paused_until,
            )
        interval = pacing(source)
        if state and state.polled_at and interval and state.polled_at + interval > clock():
            return PollOutcome(
                account.name, ok=True, error="rate-limit headroom is low, polling slower",
                skipped_until=state.polled_at + interval,
            )
    try:
        if audit_only:
            audit(session_factory, account_id, source, IDLE_BUDGET, clock)
        else:
            _fetch(session_factory, account_id, source, cursor, audited_at, clock, lease, outcome, watchers)
    except LeaseLost as error:  # another replica polls this account now: its page is not stored, nor is more
        log.warning("polling %s stopped: %s", account.name, error, extra={"account": account.name})
        outcome.ok, outcome.error_kind, outcome.error = False, "lease_lost", str(error)
        return outcome
    except AuthError as error:
        _record_failure(session_factory, account_id, outcome, "auth", str(error), clock() + AUTH_RETRY, clock())
    except QuotaExhausted as error:
        _record_failure(session_factory, account_id, outcome, "quota", str(error), error.retry_at, clock())
    except RateLimited as error:
        _record_failure(session_factory, account_id, outcome, "rate_limited", str(error), error.retry_at, clock())
    except SourceError as error:
        _record_failure(session_factory, account_id, outcome, "temporary", str(error), None, clock())
    except Exception as error:  # a bug in a source must not stop the other accounts
        log.exception("polling %s failed", account.name, extra={"account": account.name})
        _record_failure(session_factory, account_id, outcome, "bug", f"{type(error).__name__}: {error}", None, clock())
    else:
        _record_success(session_factory, account_id, clock())
    with session_factory.begin() as session:
        rescore_waiting(session, account_id)
        apply_config_mutes(session, account_id, account.muted_commenters, clock())
        outcome.queued = enqueue_due(
            session,
            account_id,
            nudge_after=account.nudge_after,
            min_score=account.min_score,
            max_age=MAX_NUDGE_AGE,
            channel=account.channel,
            now=clock(),
            hours=OfficeHours.of(account),
            routing=Routing.of(account),
        )
    return outcome


def _fetch(session_factory, account_id, source, cursor, audited_at, clock, lease, outcome, watchers) -> None:
    """Store the source's pages, then audit (bot/engine/audit.py)."""
    before = requests_sent(source)
    for page in source.fetch(cursor):
        with session_factory.begin() as session:
            if lease:  # first: the account's row stays locked until this page commits
                renew_account(session, account_id, lease, clock())
            outcome.new += ingest(session, account_id, page, flat_threads=source.flat_threads, now=clock()).new
        outcome.pages += 1
        outcome.records += len(page.records)
        outcome.expected = page.expected if page.expected is not None else outcome.expected
        for watcher in watchers:
            watcher.paged(outcome)
    if audits(source):
        used = requests_sent(source) - before if before is not None else 0
        audit_after_fetch(session_factory, account_id, source, audited_at, used, bool(outcome.records), clock)


def _record_failure(session_factory, account_id, outcome, kind, message, paused_until, now) -> None:
    outcome.ok, outcome.error_kind, outcome.error = False, kind, message
    with session_factory.begin() as session:
        upsert(
            session,
            SyncState.__table__,
            [{"account_id": account_id, "error": message, "error_kind": kind, "error_at": now, "polled_at": now,
              "paused_until": paused_until, "failing_since": now}],
            ("account_id",),
            {
                **take_new("error", "error_kind", "error_at", "polled_at", "paused_until"),
                "failing_since": keep_old("failing_since"),
            },
        )


def _record_success(session_factory, account_id, now) -> None:
    """Clear the failure; `alerted_at` stays until the notifier has told the channel of the recovery."""
    with session_factory.begin() as session:
        upsert(
            session,
            SyncState.__table__,
            [{"account_id": account_id, "polled_at": now, "succeeded_at": now}],
            ("account_id",),
            {
                **take_new("polled_at", "succeeded_at"),
                "error": set_null,
                "error_kind": set_null,
                "paused_until": set_null,
                "failing_since": set_null,
            },
        )

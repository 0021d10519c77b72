"""When an account is polled next: its activity sets the pace within its bounds, quotas and rate limits only delay."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.config import ConfigError, PollIntervals
from bot.config_file import parse_accounts
from bot.db.models import Account, SyncState
from bot.engine.ingest import ingest
from bot.engine.leases import Lease
from bot.engine.poller import poll_due
from bot.engine.schedule import NextPoll, by_activity, next_poll
from bot.sources.base import Headroom
from bot.sources.replay import ReplaySource
from bot.sources.youtube_quota import QuotaBudget, next_reset
from tests.support.records import T0, account_config, make_account, page, record

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
SIX_MINUTES = PollIntervals(usual=timedelta(minutes=6), shortest=timedelta(minutes=1), longest=timedelta(hours=1))


def wait(plan: NextPoll) -> tuple[timedelta, str]:
    return plan.at - NOW, plan.reason


@pytest.mark.parametrize(
    ("newest_comment", "expected"),
    [
        (timedelta(hours=1), (timedelta(minutes=6), "steady")),  # an hour quiet: poll_interval itself
        (timedelta(minutes=30), (timedelta(minutes=3), "busy")),
        (timedelta(minutes=10), (timedelta(minutes=1), "busy")),
        (timedelta(minutes=2), (timedelta(minutes=1), "busy")),  # never below poll_interval_min
        (timedelta(hours=3), (timedelta(minutes=18), "quiet")),
        (timedelta(days=2), (timedelta(hours=1), "quiet")),  # never above poll_interval_max
        (-timedelta(minutes=5), (timedelta(minutes=1), "busy")),  # a platform clock running ahead
    ],
)
def test_activity_scales_poll_interval_by_how_long_the_account_has_been_quiet(newest_comment, expected):
    assert wait(by_activity(SIX_MINUTES, NOW - newest_comment, NOW)) == expected


def test_an_account_without_comments_is_quiet():
    assert wait(by_activity(SIX_MINUTES, None, NOW)) == (timedelta(hours=1), "quiet")


def test_fixed_bounds_poll_at_a_fixed_pace():
    fixed = PollIntervals(timedelta(seconds=5), timedelta(seconds=5), timedelta(seconds=5))
    for age in (timedelta(0), timedelta(hours=1), timedelta(days=3)):
        assert wait(by_activity(fixed, NOW - age, NOW)) == (timedelta(seconds=5), "steady")


def test_a_limit_only_ever_delays_and_the_furthest_one_is_the_reason():
    busy = NOW - timedelta(minutes=10)
    soon = NextPoll(NOW + timedelta(seconds=20), "rate limit")
    assert wait(next_poll(SIX_MINUTES, busy, NOW, [soon])) == (timedelta(minutes=1), "busy")
    later, latest = NextPoll(NOW + timedelta(minutes=5), "rate limit"), NextPoll(NOW + timedelta(minutes=40), "quota")
    assert wait(next_poll(SIX_MINUTES, busy, NOW, [later, latest])) == (timedelta(minutes=40), "quota")
    assert wait(next_poll(SIX_MINUTES, busy, NOW, [latest, later])) == (timedelta(minutes=40), "quota")


def test_youtubes_daily_budget_holds_a_busy_account_back():
    """9,000 polling units, 8,900 spent at 04:00 Pacific: 100 one-unit polls over the 20 hours to the reset."""
    at_four_pacific = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
    quota = QuotaBudget(10_000, 1_000, {"day": "2026-11-23", "used": 8_900}, at_four_pacific)
    budget = quota.min_interval(1.0, at_four_pacific)
    assert budget == (next_reset(at_four_pacific) - at_four_pacific) / 100 == timedelta(minutes=12)
    plan = next_poll(SIX_MINUTES, NOW - timedelta(minutes=10), NOW, [NextPoll(NOW + budget, "quota")])
    assert wait(plan) == (timedelta(minutes=12), "quota")
    spent = QuotaBudget(10_000, 1_000, {"day": "2026-11-23", "used": 9_000}, at_four_pacific)
    assert NOW + spent.min_interval(1.0, at_four_pacific) == next_reset(at_four_pacific)  # nothing left: the reset


def test_low_rate_limit_headroom_holds_a_busy_account_back():
    """10 requests left of 300 in the next 10 minutes, 2 a poll: 5 polls, one every 2 minutes."""
    headroom = Headroom(remaining=10, limit=300, reset_at=NOW + timedelta(minutes=10))
    plan = next_poll(SIX_MINUTES, NOW - timedelta(minutes=10), NOW,
                     [NextPoll(NOW + headroom.pace(2, NOW), "rate limit")])
    assert wait(plan) == (timedelta(minutes=2), "rate limit")
    plenty = Headroom(remaining=250, limit=300, reset_at=NOW + timedelta(minutes=10))
    assert plenty.pace(2, NOW) is None


def intervals(**keys) -> PollIntervals:
    entry = {"name": "blog", "platform": "replay", **keys}
    return parse_accounts({"accounts": [entry]}, "f.toml", {})[0].poll_intervals


def test_poll_interval_bounds_default_to_half_and_ten_times_it():
    assert intervals() == PollIntervals(timedelta(minutes=1), timedelta(seconds=30), timedelta(minutes=10))
    assert intervals(poll_interval="5m") == PollIntervals(
        timedelta(minutes=5), timedelta(minutes=2, seconds=30), timedelta(minutes=50)
    )
    assert intervals(poll_interval="1s") == PollIntervals(timedelta(seconds=1), timedelta(seconds=1), timedelta(seconds=10))
    assert intervals(poll_interval="6h").longest == timedelta(days=1)
    document = {"defaults": {"poll_interval_max": "2h"},
                "accounts": [{"name": "a", "platform": "replay"}, {"name": "b", "platform": "replay", "poll_interval": "3m"}]}
    a, b = parse_accounts(document, "f.toml", {})
    assert (a.poll_intervals.longest, b.poll_intervals.usual, b.poll_intervals.longest) == (
        timedelta(hours=2), timedelta(minutes=3), timedelta(hours=2)
    )


@pytest.mark.parametrize(
    ("keys", "error"),
    [
        ({"poll_interval": "often"}, r"^f\.toml: accounts\[blog\]\.poll_interval: 'often' is not a duration"),
        ({"poll_interval": 60}, r"^f\.toml: accounts\[blog\]\.poll_interval: must be a string"),
        ({"poll_interval": "0.5s"}, r"^f\.toml: accounts\[blog\]\.poll_interval: '0.5s' must be from 1s to 1d"),
        ({"poll_interval_max": "2d"}, r"^f\.toml: accounts\[blog\]\.poll_interval_max: '2d' must be from 1s to 1d"),
        ({"poll_interval_min": "2m"},
         r"^f\.toml: accounts\[blog\]\.poll_interval_min: 2m is longer than poll_interval \(1m\)$"),
        ({"poll_interval": "15m", "poll_interval_max": "10m"},
         r"^f\.toml: accounts\[blog\]\.poll_interval_max: 10m is shorter than poll_interval \(15m\)$"),
    ],
)
def test_bad_poll_intervals_name_the_key(keys, error):
    with pytest.raises(ConfigError, match=error):
        intervals(**keys)


def replay_line(external_id: str, created_at: datetime) -> str:
    return json.dumps({"id": external_id, "post": "p", "author": "fan", "text": "Does it come in blue?",
                       "created_at": created_at.isoformat()}) + "\n"


def test_the_poller_polls_a_busy_account_again_sooner_than_a_quiet_one(session_factory, tmp_path):
    lease = Lease("replica-1")
    configs, paths = {}, {}
    for name, written in (("busy", NOW - timedelta(minutes=5)), ("quiet", NOW - timedelta(days=5))):
        paths[name] = tmp_path / f"{name}.jsonl"
        paths[name].write_text(replay_line(f"{name}1", written))
        configs[make_account(session_factory, name)] = account_config(name, options={"path": str(paths[name])})
    sources = {config.name: ReplaySource(config) for config in configs.values()}

    def poll_at(moment: datetime) -> dict[str, tuple[datetime, str]]:
        polled = poll_due(session_factory, configs, sources, lease, clock=lambda: moment)
        with session_factory() as session:
            rows = session.execute(
                select(Account.name, SyncState.next_poll_at, SyncState.next_poll_reason).join(SyncState)
            ).all()
        return {outcome.account for outcome in polled}, {row.name: (row.next_poll_at, row.next_poll_reason) for row in rows}

    polled, plans = poll_at(NOW)
    assert polled == {"busy", "quiet"}
    assert plans == {"busy": (NOW + timedelta(seconds=30), "busy"), "quiet": (NOW + timedelta(minutes=10), "quiet")}

    polled, plans = poll_at(NOW + timedelta(seconds=30))
    assert polled == {"busy"} and plans["busy"] == (NOW + timedelta(minutes=1), "busy")  # 5.5m quiet: still busy

    with paths["quiet"].open("a") as handle:  # the quiet account wakes up
        handle.write(replay_line("quiet2", NOW + timedelta(minutes=9)))
    polled, plans = poll_at(NOW + timedelta(minutes=10))
    assert polled == {"busy", "quiet"}
    assert plans["quiet"] == (NOW + timedelta(minutes=10, seconds=30), "busy")
    assert plans["busy"] == (NOW + timedelta(minutes=10, seconds=30), "busy")

    later = NOW + timedelta(hours=3)  # both fell silent: the pace slows with the silence
    polled, plans = poll_at(later)
    assert plans == {"busy": (later + timedelta(minutes=3, seconds=5), "quiet"),
                     "quiet": (later + timedelta(minutes=2, seconds=51), "quiet")}


def test_ingest_keeps_the_newest_user_comments_time(session_factory):
    account_id = make_account(session_factory)

    def ingest_at(*records, now=T0):
        with session_factory.begin() as session:
            ingest(session, account_id, page(*records, cursor={}), now=now)
        with session_factory() as session:
            return session.scalar(select(SyncState.newest_comment_at).where(SyncState.account_id == account_id))

    assert ingest_at(record("brand", minute=-1, brand=True)) is None  # the brand's own comments are no activity
    assert ingest_at(record("a", minute=-10), record("b", minute=-30)) == T0 - timedelta(minutes=10)
    assert ingest_at(record("older", minute=-50)) == T0 - timedelta(minutes=10)  # an older one found later
    assert ingest_at(record("gone", minute=-2, deleted=True)) == T0 - timedelta(minutes=10)
    assert ingest_at(record("ahead", minute=30)) == T0  # the platform's clock ran ahead of ours

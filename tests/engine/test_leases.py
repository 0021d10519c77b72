"""Claims on accounts and nudges: one holder at a time, free again when released or when the lease runs out."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.config import ConfigError, PollIntervals
from bot.config_file import load_settings
from bot.db.models import Comment, Nudge, SyncState
from bot.engine import lifecycle, outbox
from bot.engine.ingest import ingest
from bot.engine.leases import Lease, claim_account, next_claimable, release_account
from bot.engine.nudges import enqueue_due
from bot.engine.poller import poll_due
from bot.engine.rescore import rescore_waiting
from bot.engine.schedule import NextPoll
from bot.engine.delivery import deliver_due
from bot.suggest import suggester
from bot.slack.terminal import TerminalNotifier
from bot.sources.replay import ReplaySource
from tests.support.records import T0, account_config, make_account, page, record

LEASE = timedelta(minutes=2)
ONE, TWO = Lease("replica-1", LEASE), Lease("replica-2", LEASE)
EVERY_MINUTE = PollIntervals(timedelta(minutes=1), timedelta(minutes=1), timedelta(minutes=1))


def test_an_account_has_one_holder_until_released_or_expired(session_factory):
    first, second = make_account(session_factory, "first"), make_account(session_factory, "second")
    ids = {first, second}
    with session_factory.begin() as session:
        assert claim_account(session, ids, ONE, T0) == first
        assert claim_account(session, ids, TWO, T0) == second
        assert claim_account(session, ids, TWO, T0) is None  # both held
        release_account(session, first, TWO, NextPoll(T0, "steady"))  # not TWO's to release
        assert claim_account(session, ids, TWO, T0) is None
        release_account(session, first, ONE, NextPoll(T0 + timedelta(minutes=5), "steady"))
        assert claim_account(session, ids, TWO, T0 + timedelta(minutes=1)) is None  # free but not due
        assert claim_account(session, ids, TWO, T0, due_only=False) == first
        # second's holder died: its lease runs out and anyone may take the account over
        assert claim_account(session, {second}, ONE, T0 + LEASE - timedelta(seconds=1)) is None
        assert claim_account(session, {second}, ONE, T0 + LEASE) == second


def test_due_nudges_are_claimed_once_oldest_first_and_retried_after_a_failure_and_its_backoff(session_factory):
    account_id = make_account(session_factory, min_score=0)
    with session_factory.begin() as session:
        records = [record(f"c{n}", minute=-n) for n in range(5)]
        ingest(session, account_id, page(*records, cursor={}), flat_threads=False, now=T0)
        rescore_waiting(session, account_id)
        assert enqueue_due(session, account_id, nudge_after=timedelta(0), min_score=0, max_age=timedelta(days=1),
                           channel="C1", now=T0) == 5
    with session_factory.begin() as session:
        first = outbox.due_nudges(session, T0, ONE, limit=3)
        second = outbox.due_nudges(session, T0, TWO)
        assert outbox.due_nudges(session, T0, TWO) == []
        names = dict(session.execute(select(Comment.id, Comment.external_id)).all())
    assert [names[n.comment_id] for n in first + second] == ["c4", "c3", "c2", "c1", "c0"]
    with session_factory.begin() as session:
        assert lifecycle.fail(session, first[0].nudge_id, ONE.owner, "Slack said no", T0) is False
        posted = lifecycle.post(session, first[1].nudge_id, ONE.owner, channel="C1", ts="1.2", suggestions=[], now=T0)
        assert posted is lifecycle.Posted.OPEN
        assert outbox.due_nudges(session, T0, TWO) == []  # a failure waits out its backoff
        (retried,) = outbox.due_nudges(session, T0 + lifecycle.FIRST_RETRY, TWO)
        assert (retried.nudge_id, retried.tried) == (first[0].nudge_id, True)  # its message may be in Slack
        # ONE died holding first[2], TWO holding `second`: their leases run out, the posted one stays done
        taken_over = outbox.due_nudges(session, T0 + LEASE, ONE)
        assert [n.nudge_id for n in taken_over] == [n.nudge_id for n in [first[2], *second]]
        assert all(n.tried for n in taken_over)
        assert session.get(Nudge, first[1].nudge_id).lease_owner is None


def test_the_service_sleeps_until_an_account_can_be_claimed(session_factory):
    first, second = make_account(session_factory, "first"), make_account(session_factory, "second")
    with session_factory.begin() as session:
        assert next_claimable(session, ["first", "second"], T0) == T0  # never polled: due now
        assert next_claimable(session, ["nobody"], T0) is None
        for account_id, wait in ((first, timedelta(minutes=5)), (second, timedelta(minutes=3))):
            assert claim_account(session, {account_id}, ONE, T0) == account_id
            release_account(session, account_id, ONE, NextPoll(T0 + wait, "steady"))
        assert next_claimable(session, ["first", "second"], T0) == T0 + timedelta(minutes=3)
        assert claim_account(session, {second}, TWO, T0 + timedelta(minutes=3)) == second
        # TWO holds second: free again when TWO releases it, or at the latest when TWO's lease runs out
        assert next_claimable(session, ["first", "second"], T0) == T0 + timedelta(minutes=5)
        assert next_claimable(session, ["second"], T0) == T0 + timedelta(minutes=3) + LEASE


def test_poll_due_polls_each_account_once_per_interval(session_factory, tmp_path):
    configs = {}
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps({"id": f"{name}1", "post": "p", "author": "x", "text": "hi?",
                                    "created_at": T0.isoformat()}) + "\n")
        configs[make_account(session_factory, name)] = account_config(
            name, options={"path": str(path)}, poll_intervals=EVERY_MINUTE
        )
    sources = {config.name: ReplaySource(config) for config in configs.values()}

    def poll(lease, at, due_only=True):
        outcomes = poll_due(session_factory, configs, sources, lease, due_only=due_only, clock=lambda: at)
        return [outcome.account for outcome in outcomes]

    assert poll(ONE, T0) == ["a", "b", "c"]
    assert poll(TWO, T0 + timedelta(seconds=59)) == []
    assert poll(TWO, T0 + timedelta(seconds=59), due_only=False) == ["a", "b", "c"]  # poll --once
    assert poll(ONE, T0 + timedelta(minutes=2)) == ["a", "b", "c"]
    with session_factory() as session:
        states = session.scalars(select(SyncState)).all()
    assert {(s.lease_owner, s.next_poll_at, s.next_poll_reason) for s in states} == {
        (None, T0 + timedelta(minutes=3), "steady")
    }


def test_a_bad_lease_setting_names_the_variable():
    for value in ("soon", "0s"):
        with pytest.raises(ConfigError, match="^environment: REPLYNUDGE_LEASE: "):
            load_settings({"REPLYNUDGE_LEASE": value}, require_config=False)
    assert load_settings({"REPLYNUDGE_LEASE": "45s"}, require_config=False).lease == timedelta(seconds=45)


class RecordingNotifier(TerminalNotifier):
    """Prints nothing; notes which replica posted which comment and can act between posts."""

    def __init__(self, name: str, posts: list, between_posts=lambda count: None):
        super().__init__(io.StringIO())
        self.name, self.posts, self.between_posts = name, posts, between_posts

    def post_nudge(self, item, suggestions, channel, *, tried=False, status=None):
        self.between_posts(sum(1 for who, _ in self.posts if who == self.name))
        self.posts.append((self.name, item.id))


def test_a_replica_whose_claim_lapsed_mid_batch_leaves_the_rest_to_the_one_that_took_over(session_factory):
    account_id = make_account(session_factory, min_score=0)
    with session_factory.begin() as session:
        ingest(session, account_id, page(*[record(f"c{n}", minute=-n) for n in range(4)], cursor={}),
               flat_threads=False, now=T0)
        rescore_waiting(session, account_id)
        enqueue_due(session, account_id, nudge_after=timedelta(0), min_score=0, max_age=timedelta(days=1),
                    channel="C1", now=T0)
    now = [T0]
    posts: list = []

    def slow_replica(count):
        if count == 1:  # ONE is slow: by its second post the rest of its batch has lapsed and TWO takes that over
            now[0] = T0 + LEASE + timedelta(seconds=1)
            deliver_due(session_factory, RecordingNotifier("two", posts), suggester(session_factory),
                        clock=lambda: now[0], lease=TWO)
        else:
            now[0] = T0 + LEASE - timedelta(seconds=1)

    deliver_due(session_factory, RecordingNotifier("one", posts, slow_replica), suggester(session_factory),
                clock=lambda: now[0], lease=ONE)
    # ONE renewed its claim on its second nudge before posting it, so TWO took only the two after it
    assert [who for who, _ in posts] == ["one", "two", "two", "one"]
    assert len({comment for _, comment in posts}) == 4
    with session_factory() as session:
        assert set(session.scalars(select(Nudge.state))) == {Nudge.POSTED}

"""Replicas sharing a database edit each nudge message once, and the last edit shows the nudge as it is now.

Two replicas, each with its own engine, session factory and lease, run their delivery cycles against the stand-in
Slack API while the platform's changes (the brand's answer, that answer deleted) are polled in; a third one takes
over an edit whose replica died. Every test failed before nudge edits were claimed (engine/lifecycle.py).
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event, select

from bot.db import make_engine, session_factory as make_session_factory
from bot.db.models import Account, utcnow
from bot.engine.delivery import deliver_due
from bot.engine.leases import Lease
from bot.engine.poller import poll_due
from bot.engine.triage import nudge_status
from bot.slack.blocks import status_line
from bot.slack.client import make_client
from bot.slack.notifier import SlackNotifier
from bot.sources.replay import ReplaySource
from bot.suggest import suggester
from tests.support.slack_world import CHANNEL, World, make_world

LEASE = timedelta(minutes=2)
MEET = 3.0  # seconds an edit waits at Slack for the other replica's edit to arrive, when it comes at all


class Replica:
    """One `replynudge run` process: its own connections to the database, its lease and its Slack client."""

    def __init__(self, name: str, world: World, database_url: str):
        self.engine = make_engine(database_url)
        self.factory = make_session_factory(self.engine)
        self.lease = Lease(name, LEASE)
        self.notifier = SlackNotifier(make_client(world.settings), interval=0.0)

    def cycle(self, at: datetime) -> None:
        deliver_due(self.factory, self.notifier, suggester(self.factory), clock=lambda: at, lease=self.lease)

    def close(self) -> None:
        self.engine.dispose()


def poll_without_delivery(world: World) -> None:
    """The polling loop's turn: the platform's changes reach the database; the delivery loop has not run yet."""
    (account,) = world.settings.accounts
    with world.factory() as session:
        account_id = session.scalar(select(Account.id).where(Account.name == account.name))
    poll_due(world.factory, {account_id: account}, {account.name: ReplaySource(account)}, Lease("poller", LEASE),
             due_only=False)


def answered_by_the_brand(world: World, *external_ids: str) -> None:
    for external_id in external_ids:
        world.add(f"a-{external_id}", "Yes, from April!", parent=external_id, brand=True, author="brand",
                  ago=timedelta(minutes=1))
    poll_without_delivery(world)


def edits_per_message(world: World) -> Counter:
    return Counter(call.params["ts"] for call in world.api.calls_to("chat.update"))


def assert_shows_the_database_state(world: World, external_id: str) -> None:
    nudge = world.nudge(external_id)
    assert not nudge.needs_update
    with world.factory() as session:
        status = nudge_status(session, nudge.comment_id)
    (message,) = [m for m in world.api.messages(CHANNEL) if m["ts"] == nudge.slack_ts]
    has_buttons = any(block["type"] == "actions" for block in message["blocks"])
    assert has_buttons == status.is_open, (status, message["blocks"])
    line = status_line(status)
    assert line is None or line in json.dumps(message["blocks"], ensure_ascii=False), (line, message["blocks"])


def in_thread(work) -> threading.Thread:
    thread = threading.Thread(target=work)
    thread.start()
    return thread


def test_two_replicas_delivering_at_once_edit_each_message_once(tmp_path, database_url, session_factory, slack_api):
    world = make_world(tmp_path, session_factory, slack_api)
    for external_id in ("c1", "c2", "c3"):
        world.add(external_id)
    world.poll()
    answered_by_the_brand(world, "c1", "c2", "c3")
    meet = threading.Barrier(2, timeout=MEET)

    def at_slack(params):  # each replica's edits wait for the other's: both are in their edit pass at once
        try:
            meet.wait()
        except threading.BrokenBarrierError:
            pass  # the other replica has nothing to edit

    slack_api.on("chat.update", at_slack)
    replicas = [Replica("replica-1", world, database_url), Replica("replica-2", world, database_url)]
    now = utcnow()
    try:
        for thread in [in_thread(lambda replica=replica: replica.cycle(now)) for replica in replicas]:
            thread.join()
    finally:
        for replica in replicas:
            replica.close()

    assert sorted(edits_per_message(world).values()) == [1, 1, 1]
    for external_id in ("c1", "c2", "c3"):
        assert world.nudge(external_id).handled_how == "answered"
        assert_shows_the_database_state(world, external_id)


def test_an_edit_of_an_older_state_never_lands_after_the_newer_one_for_good(tmp_path, database_url, session_factory,
                                                                            slack_api):
    """Replica 1 edits the message to say the comment was answered; Slack is slow to take it. Meanwhile the brand's
    answer is deleted on the platform (the nudge opens again) and replica 2 runs its cycle. Before: replica 2 edited
    the message back to open and lowered the flag, then replica 1's older edit landed: the message said answered,
    for good, about a comment still waiting."""
    world = make_world(tmp_path, session_factory, slack_api)
    world.add("c1")
    world.poll()
    ts = world.nudge("c1").slack_ts
    answered_by_the_brand(world, "c1")
    first_edit_held, first_edit_goes = threading.Event(), threading.Event()

    def at_slack(params):
        if not first_edit_held.is_set():
            first_edit_held.set()
            first_edit_goes.wait(10)

    slack_api.on("chat.update", at_slack)
    one, two = Replica("replica-1", world, database_url), Replica("replica-2", world, database_url)
    now = utcnow()
    try:
        editing = in_thread(lambda: one.cycle(now))
        assert first_edit_held.wait(10)
        world.add("a-c1", "Yes, from April!", parent="c1", brand=True, author="brand", ago=timedelta(minutes=1),
                  deleted=True)
        poll_without_delivery(world)
        assert world.nudge("c1").state == "posted"
        two.cycle(now + timedelta(seconds=5))
        first_edit_goes.set()
        editing.join()
        for replica in (one, two):  # the next cycles
            replica.cycle(now + timedelta(seconds=10))
    finally:
        one.close()
        two.close()

    assert edits_per_message(world)[ts] == 2  # answered, then open again: each state edited in once
    assert_shows_the_database_state(world, "c1")


def test_an_edit_whose_replica_died_is_made_by_another_once_its_claim_ran_out(tmp_path, database_url,
                                                                             session_factory, slack_api):
    world = make_world(tmp_path, session_factory, slack_api)
    world.add("c1")
    world.poll()
    ts = world.nudge("c1").slack_ts
    answered_by_the_brand(world, "c1")
    dying, taking_over = Replica("replica-1", world, database_url), Replica("replica-2", world, database_url)
    now = utcnow()

    edited_in_slack = threading.Event()
    slack_api.on("chat.update", lambda params: edited_in_slack.set())

    def power_cut(conn, cursor, statement, parameters, context, executemany):
        if edited_in_slack.is_set():  # the process dies as Slack takes its edit: nothing more reaches the database
            raise RuntimeError("power cut after chat.update")

    event.listen(dying.engine, "before_cursor_execute", power_cut)
    try:
        with pytest.raises(RuntimeError, match="power cut"):
            dying.cycle(now)
        assert edits_per_message(world)[ts] == 1

        taking_over.cycle(now + LEASE - timedelta(seconds=1))  # the dead replica's claim still holds
        assert edits_per_message(world)[ts] == 1
        taking_over.cycle(now + LEASE)
    finally:
        dying.close()
        taking_over.close()

    assert edits_per_message(world)[ts] == 2
    assert_shows_the_database_state(world, "c1")

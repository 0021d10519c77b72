"""Replicas sharing a database edit each nudge message once, and the last edit shows the nudge as it is now.

Two replicas, each with its own engine, session factory and lease, run their delivery cycles against the stand-in
Slack API while the platform's changes (the brand's answer, that answer deleted) are polled in; a third one takes
over an edit whose replica died. Every test failed before nudge edits were claimed (engine/lifecycle.py); the
snooze reminders' ones before a reminder stayed due until the replica holding the edit recorded it posted.
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
from tests.support.slack_world import (CHANNEL, World, action_body, make_world, reminders, signed_request,
                                      snoozed_for_an_hour)

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

    def dies_when(self, happened: threading.Event, what: str) -> None:
        """Once `happened` is set the process is dead: nothing more it does reaches the database."""

        def power_cut(conn, cursor, statement, parameters, context, executemany):
            if happened.is_set():
                raise RuntimeError(f"power cut {what}")

        event.listen(self.engine, "before_cursor_execute", power_cut)

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

    dying.dies_when(edited_in_slack, "after chat.update")  # as Slack takes its edit
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


REMINDER = ":alarm_clock: Snooze over: user-c1 is still waiting for an answer."


def test_a_snooze_that_runs_out_while_another_replica_edits_the_nudge_is_reminded_once(tmp_path, database_url,
                                                                                     session_factory, slack_api):
    """Replica 1 claims the edit of a snoozed nudge (assigned from Slack, whose edit Slack failed to take) and reads
    it, snoozed; before it edits, the snooze runs out in replica 2's cycle. Before: replica 1 took the reminder that
    wake made due and dropped it, having read the nudge snoozed; the next cycle edited again, and no one was
    reminded."""
    world = make_world(tmp_path, session_factory, slack_api)
    ends = snoozed_for_an_hour(world)
    slack_api.fail("chat.update", status=200, retry_after=None, error="internal_error", times=1, channel=CHANNEL)
    body = action_body(slack_api, "nudge_assign", world.comment_id("c1"), message_ts=world.nudge("c1").slack_ts,
                       type="users_select", value=None, selected_user="U0BEN")
    assert world.app().dispatch(signed_request(body)).status == 200
    slack_api.wait_for("conversations.open")
    assert world.nudge("c1").needs_update
    one, two = Replica("replica-1", world, database_url), Replica("replica-2", world, database_url)
    claimed, status_read = threading.Event(), threading.Event()
    read_and_held, goes_on = threading.Event(), threading.Event()

    def after_read(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("UPDATE nudges SET lease_owner") and "needs_update" in statement:  # claim_edits
            claimed.set()
        elif claimed.is_set() and "nudges.suggestions" in statement:  # then engine/triage.py's status read
            status_read.set()

    def once_read(dbapi_connection, connection_record):  # the reading transaction over: no lock held (SQLite's)
        if status_read.is_set() and not read_and_held.is_set():
            read_and_held.set()
            goes_on.wait(10)

    event.listen(one.engine, "after_cursor_execute", after_read)
    event.listen(one.engine.pool, "checkin", once_read)
    try:
        editing = in_thread(lambda: one.cycle(ends - timedelta(minutes=1)))
        assert read_and_held.wait(10)
        two.cycle(ends + timedelta(seconds=5))
        assert world.nudge("c1").reminder_due and world.nudge("c1").snoozed_until is None
        goes_on.set()
        editing.join()
        assert reminders(world) == []  # its edit showed the nudge snoozed, as it was read
        two.cycle(ends + timedelta(seconds=10))
    finally:
        one.close()
        two.close()

    assert reminders(world) == [REMINDER]
    assert_shows_the_database_state(world, "c1")


def test_a_snooze_reminder_whose_replica_died_before_posting_it_is_posted_by_the_one_taking_the_edit_over(
        tmp_path, database_url, session_factory, slack_api):
    """The replica editing a nudge whose snooze ran out dies while its edit is at Slack, before it reminds. Before:
    it had claimed the reminder first, and the replica taking the edit over once the claim ran out reminded no one."""
    world = make_world(tmp_path, session_factory, slack_api)
    now = snoozed_for_an_hour(world) + timedelta(seconds=5)
    dying, taking_over = Replica("replica-1", world, database_url), Replica("replica-2", world, database_url)
    at_slack = threading.Event()
    slack_api.on("chat.update", lambda params: at_slack.set())
    # the edit is not made: its answer would reach a dead process, which never gets to remind
    slack_api.fail("chat.update", status=200, retry_after=None, error="internal_error", times=1, channel=CHANNEL)

    dying.dies_when(at_slack, "during chat.update")  # while Slack handles its edit
    try:
        with pytest.raises(RuntimeError, match="power cut"):
            dying.cycle(now)
        taking_over.cycle(now + LEASE - timedelta(seconds=1))  # the dead replica's claim still holds
        assert reminders(world) == []
        taking_over.cycle(now + LEASE)
    finally:
        dying.close()
        taking_over.close()

    assert reminders(world) == [REMINDER]
    assert_shows_the_database_state(world, "c1")

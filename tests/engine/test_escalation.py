"""Escalation against the stand-in Slack API over real HTTP, on SQLite and PostgreSQL: follow-ups in the nudge's
thread, counted, after business hours, never twice across replicas."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from bot.cli import main
from bot.engine.hours import parse_business_hours
from bot.db.models import Account, Nudge, Outcome
from bot.engine import lifecycle
from bot.engine.leases import Lease
from bot.engine.delivery import escalate_due, update_changed
from tests.support.slack_world import CHANNEL, make_world

HOUR = timedelta(hours=1)


@pytest.fixture
def world(tmp_path, session_factory, slack_api):
    return make_world(tmp_path, session_factory, slack_api, escalate_after=2 * HOUR, escalate_to="S0SUPPORT")


def accounts_of(world, **changes):
    account = replace(world.settings.accounts[0], **changes)
    with world.factory() as session:
        return {session.scalar(select(Account.id).where(Account.name == account.name)): account}


def posted(world, external_id="c1"):
    world.add(external_id)
    world.poll()
    return world.nudge(external_id)


def escalate(world, at, accounts=None, lease=None):
    return escalate_due(world.factory, world.notifier(), accounts or accounts_of(world), clock=lambda: at,
                        lease=lease or Lease.for_this_process())


def follow_ups(world):
    return [message for message in world.api.messages(CHANNEL) if message.get("thread_ts")]


def test_an_open_nudge_is_escalated_once_in_its_thread_mentioning_the_group(world):
    nudge = posted(world)
    start = nudge.escalate_from
    assert start == nudge.posted_at

    assert escalate(world, start + 2 * HOUR - timedelta(seconds=1)) == 0
    assert escalate(world, start + 2 * HOUR) == 1
    assert escalate(world, start + 10 * HOUR) == 0

    (reply,) = follow_ups(world)
    assert reply["thread_ts"] == nudge.slack_ts
    assert reply["text"].startswith(":rotating_light: <!subteam^S0SUPPORT>, can someone take this? user-c1 on blog")
    (call,) = [c for c in world.api.calls_to("chat.postMessage") if c.params.get("thread_ts")]
    assert call.params["reply_broadcast"] is False
    after = world.nudge("c1")
    assert (after.escalations, after.escalated_at, after.lease_owner) == (1, start + 2 * HOUR, None)


def test_max_escalations_follow_ups_each_escalate_after_the_last(world):
    nudge = posted(world)
    accounts = accounts_of(world, max_escalations=2)
    start = nudge.escalate_from
    assert escalate(world, start + 2 * HOUR, accounts) == 1
    assert escalate(world, start + 4 * HOUR - timedelta(seconds=1), accounts) == 0
    assert escalate(world, start + 4 * HOUR, accounts) == 1
    assert escalate(world, start + 40 * HOUR, accounts) == 0
    texts = [message["text"] for message in follow_ups(world)]
    assert len(texts) == 2 and "follow-up" not in texts[0] and texts[1].endswith("(follow-up 2).")
    assert world.nudge("c1").escalations == 2


def test_the_assignee_is_mentioned_and_without_anyone_it_goes_to_the_channel(world):
    first = posted(world, "c1")
    second = posted(world, "c2")
    with world.factory.begin() as session:
        lifecycle.assign(session, world.comment_id("c1"), "U0ANA")
    accounts = accounts_of(world, escalate_to=None)
    assert escalate(world, max(first.escalate_from, second.escalate_from) + 2 * HOUR, accounts) == 2

    calls = {call.params["thread_ts"]: call.params for call in world.api.calls_to("chat.postMessage")
             if call.params.get("thread_ts")}
    assert "<@U0ANA>, can someone take this?" in calls[first.slack_ts]["text"]
    assert calls[first.slack_ts]["reply_broadcast"] is False
    assert "can someone" not in calls[second.slack_ts]["text"]
    assert calls[second.slack_ts]["reply_broadcast"] is True


def test_answered_done_and_snoozed_nudges_are_not_escalated_and_a_snooze_restarts_the_clock(world):
    for external_id in ("c1", "c2", "c3"):
        posted(world, external_id)
    start = max(world.nudge(e).escalate_from for e in ("c1", "c2", "c3"))
    world.add("r1", "Descale it monthly!", parent="c1", brand=True, author="Brand", ago=timedelta(minutes=1))
    world.poll()
    done, snoozed = world.comment_id("c2"), world.comment_id("c3")
    with world.factory.begin() as session:
        lifecycle.close(session, done, Outcome.DONE, "U0ANA", start)
        lifecycle.snooze(session, snoozed, start + 3 * HOUR, start)

    assert escalate(world, start + 2 * HOUR) == 0
    # The snooze runs out at +3h: the reminder goes out and the escalation clock starts again from there.
    update_changed(world.factory, world.notifier(), clock=lambda: start + 3 * HOUR)
    assert escalate(world, start + 5 * HOUR - timedelta(seconds=1)) == 0
    assert escalate(world, start + 5 * HOUR) == 1
    assert [m["thread_ts"] for m in follow_ups(world)] == [world.nudge("c3").slack_ts] * 2  # reminder, escalation


@pytest.mark.parametrize("count, quiet, due", [
    # posted Friday 16:30 UTC, escalate_after 2h, open mon-fri 09:00-17:00
    ("calendar", datetime(2026, 11, 30, 8, 59, tzinfo=timezone.utc), datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)),
    ("business", datetime(2026, 11, 30, 10, 29, tzinfo=timezone.utc), datetime(2026, 11, 30, 10, 30, tzinfo=timezone.utc)),
])
def test_an_escalation_due_while_closed_waits_for_business_hours(world, count, quiet, due):
    posted(world)
    friday = datetime(2026, 11, 27, 16, 30, tzinfo=timezone.utc)
    with world.factory.begin() as session:
        session.execute(update(Nudge).values(escalate_from=friday))
    accounts = accounts_of(world, business_hours=parse_business_hours("mon-fri 09:00-17:00"), count=count)

    assert escalate(world, datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc), accounts) == 0  # Saturday
    assert escalate(world, quiet, accounts) == 0
    assert escalate(world, due, accounts) == 1


def test_replicas_escalating_at_once_post_each_follow_up_once(world):
    for external_id in ("c1", "c2", "c3"):
        posted(world, external_id)
    at = max(world.nudge(e).escalate_from for e in ("c1", "c2", "c3")) + 2 * HOUR
    accounts = accounts_of(world)
    start = threading.Barrier(3)
    counts = []

    def replica():
        start.wait()
        counts.append(escalate(world, at, accounts))

    threads = [threading.Thread(target=replica) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(counts) == 3
    assert len(follow_ups(world)) == 3
    assert [world.nudge(e).escalations for e in ("c1", "c2", "c3")] == [1, 1, 1]


def test_a_failed_follow_up_is_tried_again_after_its_backoff(world):
    nudge = posted(world)
    at = nudge.escalate_from + 2 * HOUR
    world.api.fail("chat.postMessage", status=200, retry_after=None, error="channel_not_found")
    assert escalate(world, at) == 0
    assert world.nudge("c1").lease_owner is None and world.nudge("c1").escalations == 0
    assert escalate(world, at + timedelta(seconds=59)) == 0
    assert escalate(world, at + timedelta(minutes=1)) == 1
    assert len(follow_ups(world)) == 1


def test_a_follow_up_its_channel_refuses_backs_off_and_is_skipped_saying_so_once(world, caplog):
    nudge = posted(world)
    world.api.fail("chat.postMessage", status=200, retry_after=None, error="is_archived", times=100, channel=CHANNEL)
    caplog.set_level(logging.WARNING)
    at = nudge.escalate_from + 2 * HOUR
    for _ in range(13):  # a minute of delivery cycles
        escalate(world, at)
        at += timedelta(seconds=5)
    assert len(world.api.calls_to("chat.postMessage")) == 1 + 2  # the nudge, then a try and one after a minute
    for _ in range(6):  # three hours
        escalate(world, at)
        at += timedelta(minutes=30)
    assert len(world.api.calls_to("chat.postMessage")) == 1 + 6
    (skipped,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert f"could not post follow-up 1 of nudge {nudge.id} (blog) in {CHANNEL} after 6 attempts" in skipped
    assert "is_archived" in skipped and world.nudge("c1").escalations == 1


def test_the_poll_cycle_escalates(world):
    nudge = posted(world)
    with world.factory.begin() as session:  # two hours pass
        session.execute(update(Nudge).values(escalate_from=nudge.escalate_from - 2 * HOUR))
    world.poll()
    world.poll()
    assert len(follow_ups(world)) == 1


@pytest.mark.parametrize("line, expected", [
    ('escalate_after = "soon"', "accounts[blog].escalate_after: 'soon' is not a duration"),
    ('escalate_after = "30s"', "accounts[blog].escalate_after: '30s' is shorter than 1m"),
    ('escalate_to = "#support"', "accounts[blog].escalate_to: '#support' must be a user group id"),
    ("max_escalations = 0", "accounts[blog].max_escalations: must be a whole number from 1 to 10"),
])
def test_escalation_settings_mistakes_name_the_key(workdir, capsys, line, expected):
    (workdir / "replynudge.toml").write_text(
        f'[defaults]\n{line}\n[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "c.jsonl"\n'
    )
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1

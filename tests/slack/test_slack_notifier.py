"""The Slack notifier against the stand-in Web API over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from bot.config import Route
from bot.db.models import Nudge, utcnow
from bot.engine.leases import DEFAULT_LEASE
from bot.engine.delivery import deliver_due
from bot.suggest import suggester
from tests.support.slack_api import DROP
from tests.support.slack_world import CHANNEL, make_world, power_cut_when_recording_a_post


def test_a_due_comment_becomes_one_message_with_metadata_and_its_ts_is_recorded(slack_world):
    slack_world.add("c1", "Which grinder do you use for the espresso in the video?")
    slack_world.poll()

    (post,) = slack_world.api.calls_to("chat.postMessage")
    comment_id = slack_world.comment_id("c1")
    assert post.params["channel"] == CHANNEL
    assert post.params["metadata"] == {"event_type": "reply_nudge", "event_payload": {"comment_id": comment_id}}
    assert "grinder" in post.params["text"]
    actions = next(block for block in post.params["blocks"] if block["type"] == "actions")
    assert [element["action_id"] for element in actions["elements"]] == [
        "nudge_reply", "nudge_done", "nudge_snooze", "nudge_assign"
    ]
    assert actions["elements"][0]["value"] == str(comment_id)
    nudge = slack_world.nudge("c1")
    assert nudge.state == Nudge.POSTED and nudge.slack_ts == slack_world.api.messages(CHANNEL)[0]["ts"]

    slack_world.poll()
    assert len(slack_world.api.calls_to("chat.postMessage")) == 1


def test_a_429_is_retried_after_retry_after_and_posts_once(slack_world):
    slack_world.add("c1")
    slack_world.api.fail("chat.postMessage", status=429, retry_after=1)
    started = time.monotonic()
    slack_world.poll()

    assert time.monotonic() - started >= 1.0
    assert len(slack_world.api.calls_to("chat.postMessage")) == 2
    assert len(slack_world.api.messages(CHANNEL)) == 1
    assert slack_world.nudge("c1").slack_ts == slack_world.api.messages(CHANNEL)[0]["ts"]


def test_server_errors_and_dropped_connections_are_retried_and_post_once(slack_world):
    slack_world.add("c1")
    slack_world.api.fail("chat.postMessage", status=503, retry_after=None, error="service_unavailable")
    slack_world.api.fail("chat.postMessage", status=DROP)
    slack_world.poll()

    assert len(slack_world.api.calls_to("chat.postMessage")) == 3
    (message,) = slack_world.api.messages(CHANNEL)
    assert slack_world.nudge("c1").slack_ts == message["ts"]


def test_a_crash_between_posting_and_recording_the_ts_posts_nothing_twice(slack_world, engine):
    slack_world.add("c1")
    slack_world.add("c2", ago=timedelta(hours=2))

    with power_cut_when_recording_a_post(engine), pytest.raises(RuntimeError, match="power cut"):
        slack_world.poll()
    assert len(slack_world.api.messages(CHANNEL)) == 1
    assert slack_world.nudge("c1").slack_ts is None

    # A new process (a fresh notifier), once the dead one's claim on the nudges has run out.
    later = utcnow() + DEFAULT_LEASE + timedelta(seconds=1)
    deliver_due(slack_world.factory, slack_world.notifier(), suggester(slack_world.factory), clock=lambda: later)

    messages = slack_world.api.messages(CHANNEL)
    assert len(messages) == 2
    assert [call.params["include_all_metadata"] for call in slack_world.api.calls_to("conversations.history")]
    assert slack_world.nudge("c1").slack_ts == messages[0]["ts"]
    assert slack_world.nudge("c2").slack_ts == messages[1]["ts"]


def test_an_answer_on_the_platform_edits_the_message_in_place(slack_world):
    slack_world.add("c1")
    slack_world.poll()
    ts = slack_world.nudge("c1").slack_ts

    slack_world.add("r1", "Descale monthly!", parent="c1", brand=True, author="Brand", ago=timedelta(minutes=5))
    slack_world.poll()

    (update,) = slack_world.api.calls_to("chat.update")
    assert update.params["ts"] == ts and update.params["channel"] == CHANNEL
    assert not [block for block in update.params["blocks"] if block["type"] == "actions"]
    assert "Answered on the platform" in str(update.params["blocks"])
    assert slack_world.nudge("c1").needs_update is False
    slack_world.poll()
    assert len(slack_world.api.calls_to("chat.update")) == 1


def test_messages_to_one_channel_are_paced(slack_world):
    for index in range(3):
        slack_world.add(f"c{index}")
    slack_world.poll(slack_world.notifier(interval=0.3))

    posts = slack_world.api.calls_to("chat.postMessage")
    assert len(posts) == 3
    gaps = [later.at - earlier.at for earlier, later in zip(posts, posts[1:])]
    assert min(gaps) >= 0.29


def test_channels_take_turns_so_one_channels_pace_holds_up_no_other(slack_api, session_factory, tmp_path):
    world = make_world(tmp_path, session_factory, slack_api, routes=(Route(("refund",), "C-support"),))
    for index in range(3):
        world.add(f"n{index}", "How do I descale the machine?", ago=timedelta(hours=3, minutes=10 - index))
    world.add("r0", "Can I get a refund for the broken grinder?", ago=timedelta(hours=3))
    world.poll(world.notifier(interval=0.3))

    posts = slack_api.calls_to("chat.postMessage")
    assert [post.params["channel"] for post in posts] == [CHANNEL, "C-support", CHANNEL, CHANNEL]
    assert [post.params["metadata"]["event_payload"]["comment_id"] for post in posts] == [
        world.comment_id(name) for name in ("n0", "r0", "n1", "n2")
    ]
    # the support message went out at once, not after the nudges channel's paced run
    assert posts[1].at - posts[0].at < 0.29

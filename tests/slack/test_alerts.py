"""Account alerts, nudge edits and snooze reminders that Slack refuses (the bot removed from the channel, the channel
archived, the token revoked) or fails to take (an outage), through `poll --once`'s cycle, `replynudge run`'s steps
and the delivery pass, against the stand-in Slack API over real HTTP, on SQLite and PostgreSQL: each is said once,
none is tried again every cycle without end, and none is lost to a failure that passes."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from bot.engine.delivery import update_changed
from bot.engine.leases import Lease
from bot.engine.poller import sync_accounts
from bot.service import build_sources, delivering, polling
from tests.support.records import account_config
from tests.support.slack_world import CHANNEL, make_world, reminders, snoozed_for_an_hour

ARCHIVED = "C0ARCHIVED"


def test_an_alert_its_channel_refuses_goes_to_the_log_once_and_holds_up_no_other_channel(
    tmp_path, session_factory, slack_api, caplog
):
    world = make_world(tmp_path, session_factory, slack_api)
    missing = tmp_path / "shop.jsonl"  # every poll of shop fails until it exists
    shop = account_config("shop", channel=ARCHIVED, min_score=0, alert_after=timedelta(0),
                          options={"path": str(missing)})
    world.settings = replace(world.settings, accounts=(*world.settings.accounts, shop))
    world.add("c1")
    slack_api.fail("chat.postMessage", status=200, retry_after=None, error="is_archived", times=100, channel=ARCHIVED)
    caplog.set_level(logging.WARNING)

    def to_archived() -> int:
        return len([c for c in slack_api.calls_to("chat.postMessage") if c.params["channel"] == ARCHIVED])

    def told(words: str) -> list[str]:
        return [r.getMessage() for r in caplog.records if words in r.getMessage() and r.levelno >= logging.ERROR]

    world.poll()
    assert [m["text"] for m in slack_api.messages(CHANNEL)] == [
        "user-c1 on blog (replay) waits for an answer: How do I descale the machine?"
    ]
    (alert,) = told("keeps failing to poll *shop* (replay)")
    assert f"(not posted to {ARCHIVED}: " in alert and "is_archived" in alert
    assert to_archived() == 1

    world.poll()
    world.poll()
    assert len(told("keeps failing to poll *shop*")) == 1 and to_archived() == 1  # once, not every cycle

    missing.touch()
    world.poll()
    world.poll()
    (recovered,) = told("polls *shop* (replay) again")
    assert "is_archived" in recovered and to_archived() == 2


def test_an_edit_its_channel_refuses_backs_off_and_gives_up_saying_so_once(slack_world, caplog):
    world = slack_world
    world.add("c1")
    world.poll()
    assert world.nudge("c1").slack_ts is not None
    world.api.fail("chat.update", status=200, retry_after=None, error="is_archived", times=100, channel=CHANNEL)
    world.add("b1", "Descale it monthly.", ago=timedelta(minutes=1), parent="c1", brand=True, author="Brand")
    caplog.set_level(logging.WARNING)
    world.poll()  # the answer is read and the nudge's edit refused
    assert len(world.api.calls_to("chat.update")) == 1

    notifier, moment = world.notifier(), datetime.now(timezone.utc)
    for _ in range(12):  # a minute of delivery cycles: the backoff holds the next try
        moment += timedelta(seconds=5)
        update_changed(world.factory, notifier, clock=lambda: moment)
    assert len(world.api.calls_to("chat.update")) == 2
    for _ in range(12):  # six hours: past every attempt
        moment += timedelta(minutes=30)
        update_changed(world.factory, notifier, clock=lambda: moment)
    assert len(world.api.calls_to("chat.update")) == 6
    (gave_up,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert f"could not edit nudge {world.nudge('c1').id} (blog) in {CHANNEL} after 6 attempts" in gave_up
    assert "is_archived" in gave_up


def test_an_alert_slack_fails_to_take_during_an_outage_is_posted_when_it_is_back(
    tmp_path, session_factory, slack_api, caplog
):
    """Slack answering 500 past its client's retries is an outage, not a refusal: the alert stays due and reaches
    the channel at the next cycle, instead of going to the log only."""
    world = make_world(tmp_path, session_factory, slack_api)
    shop_channel = "C0SHOP"
    shop = account_config("shop", channel=shop_channel, min_score=0, alert_after=timedelta(0),
                          options={"path": str(tmp_path / "shop.jsonl")})  # missing: every poll of shop fails
    world.settings = replace(world.settings, accounts=(*world.settings.accounts, shop))
    slack_api.fail("chat.postMessage", status=500, retry_after=None, error="internal_error", times=3,
                   channel=shop_channel)  # the first try and the client's two retries
    caplog.set_level(logging.WARNING)

    world.poll()
    assert slack_api.messages(shop_channel) == []
    assert any("not posted yet" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    world.poll()
    (alert,) = [m["text"] for m in slack_api.messages(shop_channel)]
    assert "keeps failing to poll *shop* (replay)" in alert
    world.poll()
    assert len(slack_api.messages(shop_channel)) == 1  # told once


@pytest.mark.parametrize("failing", ["chat.update", "chat.postMessage"])
def test_a_snooze_reminder_slack_fails_to_take_in_an_outage_goes_out_after_the_backoff(slack_world, caplog, failing):
    """The snooze ran out while Slack was in trouble (5xx past the client's retries) for the edit, or for the
    reminder itself: the reminder stays due with the edit, waits its backoff, and is posted once Slack takes it."""
    world = slack_world
    moment = snoozed_for_an_hour(world) + timedelta(seconds=5)
    world.api.fail(failing, status=500, retry_after=None, error="internal_error", times=3, channel=CHANNEL)
    caplog.set_level(logging.WARNING)
    notifier = world.notifier()

    update_changed(world.factory, notifier, clock=lambda: moment)
    assert reminders(world) == [] and world.nudge("c1").snoozed_until is None
    update_changed(world.factory, notifier, clock=lambda: moment + timedelta(seconds=5))
    assert reminders(world) == []  # the backoff holds the next try
    update_changed(world.factory, notifier, clock=lambda: moment + timedelta(minutes=2))
    assert reminders(world) == [":alarm_clock: Snooze over: user-c1 is still waiting for an answer."]
    update_changed(world.factory, notifier, clock=lambda: moment + timedelta(minutes=10))
    assert len(reminders(world)) == 1 and world.nudge("c1").needs_update is False
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_a_snooze_reminder_whose_edit_slack_refuses_gives_up_saying_so_once(slack_world, caplog):
    world = slack_world
    moment = snoozed_for_an_hour(world)
    world.api.fail("chat.update", status=200, retry_after=None, error="message_not_found", times=100, channel=CHANNEL)
    caplog.set_level(logging.WARNING)
    notifier = world.notifier()
    for _ in range(24):  # twelve hours: past every attempt
        moment += timedelta(minutes=30)
        update_changed(world.factory, notifier, clock=lambda: moment)

    assert len(world.api.calls_to("chat.update")) == 1 + 6 and reminders(world) == []
    (gave_up,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert f"could not edit nudge {world.nudge('c1').id} (blog) in {CHANNEL} after 6 attempts" in gave_up
    assert "the team was not reminded that its snooze ran out" in gave_up and "message_not_found" in gave_up


def test_an_alert_slack_keeps_failing_to_take_is_logged_once_a_failure_and_once_when_it_is_posted(
    tmp_path, session_factory, slack_api, caplog
):
    """`replynudge run`'s polling and delivery steps, a delivery cycle every 5 s: an alert Slack keeps failing to
    take (its `fatal_error`, then `service_unavailable`) stays due and is tried every cycle, but the log says so
    once a kind of failure, and once when it is posted."""
    world = make_world(tmp_path, session_factory, slack_api)
    shop = account_config("shop", channel="C0SHOP", min_score=0, alert_after=timedelta(0),
                          options={"path": str(tmp_path / "shop.jsonl")})  # missing: every poll of shop fails
    world.settings = replace(world.settings, accounts=(*world.settings.accounts, shop))
    slack_api.fail("chat.postMessage", status=200, retry_after=None, error="fatal_error", times=3, channel="C0SHOP")
    slack_api.fail("chat.postMessage", status=200, retry_after=None, error="service_unavailable", times=3,
                   channel="C0SHOP")
    with session_factory.begin() as session:
        ids = sync_accounts(session, world.settings.accounts)
    accounts = {ids[account.name]: account for account in world.settings.accounts}
    lease, notifier = Lease.for_this_process(), world.notifier()
    polling(world.settings, session_factory, accounts, build_sources(world.settings), lease, [])()
    deliver = delivering(world.settings, session_factory, notifier, accounts, lease)
    caplog.set_level(logging.INFO, logger="bot.engine.delivery")

    for _ in range(8):
        deliver()
    assert [c.params["channel"] for c in slack_api.calls_to("chat.postMessage")].count("C0SHOP") == 7
    (alert,) = [m["text"] for m in slack_api.messages("C0SHOP")]
    assert "keeps failing to poll *shop* (replay)" in alert
    said = [(r.levelname, r.getMessage()) for r in caplog.records if "C0SHOP" in r.getMessage()]
    assert [level for level, _ in said] == ["WARNING", "WARNING", "INFO"]
    assert "fatal_error" in said[0][1] and "service_unavailable" in said[1][1]
    assert said[2][1].startswith("the alerts to C0SHOP are posted again")

"""The nudge's buttons through Bolt's real pipeline: signed block_actions requests, the stand-in Web API."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import datetime, time as clock_time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.engine.hours import parse_business_hours
from bot.db.models import Nudge, utcnow
from bot.slack.access import CACHE_FOR
from bot.slack.app import build_app
from bot.engine.delivery import deliver_due, update_changed
from bot.engine.poller import poll_account, sync_accounts
from bot.sources import build_source
from bot.suggest import suggester
from tests.support.slack_world import CHANNEL, action_body, make_world, signed_request

BERLIN = ZoneInfo("Europe/Berlin")


def posted(world, external_id="c1"):
    world.add(external_id)
    world.poll()
    return world.comment_id(external_id), world.nudge(external_id).slack_ts


def test_done_marks_it_handled_and_edits_the_message_saying_who_and_when(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()

    response = app.dispatch(signed_request(action_body(slack_world.api, "nudge_done", comment_id, message_ts=ts)))

    assert response.status == 200
    (update,) = slack_world.api.wait_for("chat.update")
    assert update.params["ts"] == ts and "Marked done by <@U0ANA>" in str(update.params["blocks"])
    assert "<!date^" in str(update.params["blocks"])
    nudge = slack_world.nudge("c1")
    assert (nudge.state, nudge.handled_by, nudge.handled_how, nudge.needs_update) == (
        Nudge.HANDLED, "U0ANA", "done", False)


def test_two_simultaneous_done_clicks_change_the_state_once_and_edit_once(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    requests = [signed_request(action_body(slack_world.api, "nudge_done", comment_id, user=user, message_ts=ts))
                for user in ("U0ANA", "U0BEN")]
    statuses = []
    start = threading.Barrier(2)

    def click(request):
        start.wait()
        statuses.append(app.dispatch(request).status)

    threads = [threading.Thread(target=click, args=(request,)) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [200, 200]
    (told,) = slack_world.api.wait_for("response_url")
    assert "already handled" in told.params["text"]
    time.sleep(0.3)
    assert len(slack_world.api.calls_to("chat.update")) == 1
    assert slack_world.nudge("c1").handled_by in ("U0ANA", "U0BEN")


def test_snooze_edits_the_message_and_raises_it_again_when_the_time_is_up(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    body = action_body(slack_world.api, "nudge_snooze", comment_id, message_ts=ts, type="static_select",
                       value=None, selected_option={"value": f"{comment_id}:1h"})

    assert app.dispatch(signed_request(body)).status == 200

    (update,) = slack_world.api.wait_for("chat.update")
    assert "Snoozed until" in str(update.params["blocks"]) and "<@U0ANA> snoozed this" in str(update.params["blocks"])
    nudge = slack_world.nudge("c1")
    assert nudge.state == Nudge.POSTED
    assert timedelta(minutes=59) < nudge.snoozed_until - utcnow() <= timedelta(hours=1)

    update_changed(slack_world.factory, slack_world.notifier(), clock=lambda: utcnow() + timedelta(minutes=61))

    assert len(slack_world.api.calls_to("chat.update")) == 2
    reminder = slack_world.api.calls_to("chat.postMessage")[-1]
    assert reminder.params["thread_ts"] == ts and reminder.params["reply_broadcast"] in (True, "true", "1")
    assert slack_world.nudge("c1").snoozed_until is None


def deliver_as_the_service(world, clock):
    """Delivery as `replynudge run` does it with the world's config: its accounts synced, by id."""
    with world.factory.begin() as session:
        ids = sync_accounts(session, world.settings.accounts)
    deliver_due(world.factory, world.notifier(), suggester(world.factory), clock,
                accounts={ids[account.name]: account for account in world.settings.accounts})


def test_the_nudges_of_an_account_taken_out_of_the_config_wait_until_it_is_named_again(slack_world, tmp_path):
    """Nobody can act on them (their buttons say why): a snooze that runs out does not raise one again, and one
    queued but not posted yet is not posted; named again, the account's nudges go on."""
    comment_id, ts = posted(slack_world)
    body = action_body(slack_world.api, "nudge_snooze", comment_id, message_ts=ts, type="static_select",
                       value=None, selected_option={"value": f"{comment_id}:1h"})
    assert slack_world.app().dispatch(signed_request(body)).status == 200
    slack_world.api.wait_for("chat.update")
    blog = slack_world.settings.accounts[0]
    slack_world.add("c2", "Does the grinder fit the small hopper?")
    poll_account(slack_world.factory, slack_world.nudge("c1").account_id, blog, build_source(blog), utcnow)
    assert slack_world.nudge("c2").state == Nudge.PENDING  # queued by the poll, not posted yet

    (tmp_path / "shop.jsonl").touch()
    shop = replace(blog, name="shop", options={"path": str(tmp_path / "shop.jsonl")})
    slack_world.settings = replace(slack_world.settings, accounts=(shop,))
    later = utcnow() + timedelta(minutes=61)
    deliver_as_the_service(slack_world, lambda: later)

    assert len(slack_world.api.calls_to("chat.postMessage")) == 1  # neither c1's reminder nor c2's nudge
    assert slack_world.app().dispatch(signed_request(action_body(slack_world.api, "nudge_done", comment_id,
                                                                 message_ts=ts))).status == 200
    (refused,) = slack_world.api.wait_for("response_url")
    assert "This comment's account is no longer configured." in refused.params["text"]

    slack_world.settings = replace(slack_world.settings, accounts=(blog, shop))
    deliver_as_the_service(slack_world, lambda: later)

    posts = slack_world.api.calls_to("chat.postMessage")[1:]
    assert sorted(str(post.params.get("thread_ts")) for post in posts) == sorted([ts, "None"])
    assert "small hopper" in str(next(post.params for post in posts if not post.params.get("thread_ts")))


@pytest.mark.parametrize("weekday", [2, 4], ids=["on a wednesday", "on a friday"])
def test_snooze_offers_four_choices_and_tomorrow_and_next_week_wake_at_opening_time(tmp_path, session_factory,
                                                                                     slack_api, time_machine, weekday):
    # Open hours, so the first poll posts: 10:00 in Berlin on the coming Wednesday or Friday, whatever today is.
    today = datetime.now(BERLIN).date()
    time_machine.move_to(datetime.combine(today + timedelta(days=(weekday - today.weekday()) % 7 or 7),
                                          clock_time(10), tzinfo=BERLIN), tick=True)
    world = make_world(tmp_path, session_factory, slack_api, timezone=BERLIN,
                       business_hours=parse_business_hours("mon-fri 08:30-17:00"))
    world.add("c1")
    world.add("c2", "Is the grinder back in stock?")
    world.poll()
    (first, _) = world.api.calls_to("chat.postMessage")
    select = next(element for block in first.params["blocks"] if block["type"] == "actions"
                  for element in block["elements"] if element["action_id"] == "nudge_snooze")
    assert [option["text"]["text"] for option in select["options"]] == [
        "1 hour", "4 hours", "Tomorrow at opening time", "Next week"]

    # Worked out here from the calendar: the next weekday after today, and next week's Monday, at 08:30 Berlin.
    today = datetime.now(BERLIN).date()
    tomorrow = today + timedelta(days=1)
    while tomorrow.weekday() >= 5:
        tomorrow += timedelta(days=1)
    monday = today + timedelta(days=7 - today.weekday())
    app = world.app()
    for external_id, choice, day in (("c1", "tomorrow", tomorrow), ("c2", "next_week", monday)):
        comment_id, nudge = world.comment_id(external_id), world.nudge(external_id)
        body = action_body(world.api, "nudge_snooze", comment_id, message_ts=nudge.slack_ts, type="static_select",
                           value=None, selected_option={"value": f"{comment_id}:{choice}"})
        assert app.dispatch(signed_request(body)).status == 200
        world.api.wait_for("chat.update", count=1 if choice == "tomorrow" else 2)
        expected = datetime.combine(day, clock_time(8, 30), tzinfo=BERLIN)
        assert world.nudge(external_id).snoozed_until == expected, choice


def test_a_comment_deleted_on_the_platform_edits_its_nudge(slack_world):
    comment_id, ts = posted(slack_world)
    slack_world.add("c1", "How do I descale the machine?", deleted=True)  # the platform reports it deleted
    slack_world.poll()

    (update,) = slack_world.api.calls_to("chat.update")
    assert update.params["ts"] == ts
    assert "The comment was deleted" in str(update.params["blocks"])
    assert not [block for block in update.params["blocks"] if block["type"] == "actions"]
    assert (slack_world.nudge("c1").state, slack_world.nudge("c1").handled_how) == (Nudge.HANDLED, "deleted")
    slack_world.poll()
    assert len(slack_world.api.calls_to("chat.update")) == 1


def test_assign_dms_the_assignee_and_says_so_on_the_message(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    body = action_body(slack_world.api, "nudge_assign", comment_id, message_ts=ts, type="users_select",
                       value=None, selected_user="U0BEN")

    assert app.dispatch(signed_request(body)).status == 200

    (opened,) = slack_world.api.wait_for("conversations.open")
    assert opened.params["users"] == "U0BEN"
    dm = slack_world.api.wait_for("chat.postMessage", count=2)[-1]
    assert dm.params["channel"] == "D0BEN" and "<@U0ANA> assigned you" in dm.params["text"]
    (update,) = slack_world.api.calls_to("chat.update")
    assert "Assigned to <@U0BEN>" in str(update.params["blocks"])
    assert slack_world.nudge("c1").assigned_to == "U0BEN"


def test_bad_and_stale_signatures_get_401_and_change_nothing(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    body = action_body(slack_world.api, "nudge_done", comment_id, message_ts=ts)

    assert app.dispatch(signed_request(body, secret="not-the-secret")).status == 401
    assert app.dispatch(signed_request(body, timestamp=int(time.time()) - 600)).status == 401

    time.sleep(0.2)
    assert slack_world.api.calls_to("chat.update") == []
    assert slack_world.nudge("c1").state == Nudge.POSTED
    assert CHANNEL in slack_world.api.history


def test_a_role_taken_away_in_slack_ends_when_the_apps_clock_passes_the_access_cache(tmp_path, session_factory,
                                                                                        slack_api):
    """Slack's answers about who may triage are kept CACHE_FOR by the app's clock, the one every listener uses."""
    world = make_world(tmp_path, session_factory, slack_api, roles={"triage": ("S0TEAM",)})
    slack_api.usergroups["S0TEAM"] = ["U0ANA"]
    now = [utcnow()]
    app = build_app(world.settings, world.factory, clock=lambda: now[0])
    (first, ts1), (second, ts2), (third, ts3) = (posted(world, name) for name in ("c1", "c2", "c3"))
    assert app.dispatch(signed_request(action_body(slack_api, "nudge_done", first, message_ts=ts1))).status == 200
    slack_api.wait_for("chat.update")
    assert world.nudge("c1").state == Nudge.HANDLED

    slack_api.usergroups["S0TEAM"] = []  # U0ANA leaves the team in Slack
    assert app.dispatch(signed_request(action_body(slack_api, "nudge_done", second, message_ts=ts2))).status == 200
    slack_api.wait_for("chat.update", count=2)
    assert world.nudge("c2").state == Nudge.HANDLED  # Slack's answer is still the cached one

    now[0] += CACHE_FOR + timedelta(seconds=1)
    assert app.dispatch(signed_request(action_body(slack_api, "nudge_done", third, message_ts=ts3))).status == 200
    (refusal,) = slack_api.wait_for("response_url")
    assert "Only <!subteam^S0TEAM> may triage the comments of *blog*" in refusal.params["text"]
    assert world.nudge("c3").state != Nudge.HANDLED

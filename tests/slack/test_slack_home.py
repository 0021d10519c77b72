"""The App Home tab through Bolt's real pipeline: app_home_opened events, buttons on the tab, views.publish."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.db.models import utcnow
from bot.slack.home import SECTIONS, home_view
from tests.support.blockkit import check_view
from tests.support.slack_world import event_body, home_action_body, signed_request, view_submission_body

OPENED = {"type": "app_home_opened", "user": "U0ANA", "channel": "D0ANA", "tab": "home"}


def open_home(world, app, count=1) -> dict:
    assert app.dispatch(signed_request(event_body(OPENED))).status == 200
    published = world.api.wait_for("views.publish", count=count)
    assert len(published) == count
    assert published[-1].params["user_id"] == "U0ANA"
    view = published[-1].params["view"]
    check_view(view)
    return view


def test_home_shows_the_backlog_per_account_the_oldest_with_buttons_and_this_week(slack_world):
    for n, hours in enumerate((2, 5, 9, 30, 50, 70, 90)):
        slack_world.add(f"c{n}", f"Question {n}: is the grinder adjustable?", ago=timedelta(hours=hours))
    slack_world.add("a1", "Thanks, that helped!", parent="c0", brand=True, ago=timedelta(hours=1))
    slack_world.poll()

    view = open_home(slack_world, slack_world.app())

    text = json.dumps(view)
    assert view["type"] == "home"
    assert "Waiting for an answer: 6" in text and "*blog* (replay): 6 waiting, the oldest for 3d 18h" in text
    actions = [block for block in view["blocks"] if block["type"] == "actions"]
    assert [int(block["block_id"].split(":")[1]) for block in actions] == [
        slack_world.comment_id(f"c{n}") for n in (6, 5, 4, 3, 2)]  # the five oldest, oldest first
    assert "1 more: `/unanswered` lists them" in text
    assert "1 comment answered in the last 7 days" in text


def test_the_messages_tab_publishes_nothing(slack_world):
    app = slack_world.app()
    assert app.dispatch(signed_request(event_body({**OPENED, "tab": "messages"}))).status == 200
    open_home(slack_world, app)  # the next home opening is the first publish
    assert len(slack_world.api.calls_to("views.publish")) == 1


def test_done_on_the_home_tab_edits_the_nudge_and_publishes_the_tab_again(slack_world):
    slack_world.add("c1")
    slack_world.poll()
    app = slack_world.app()
    open_home(slack_world, app)
    comment_id = slack_world.comment_id("c1")

    assert app.dispatch(signed_request(home_action_body("nudge_done", comment_id))).status == 200

    view = slack_world.api.wait_for("views.publish", count=2)[-1].params["view"]
    check_view(view)
    assert "Waiting for an answer: 0" in json.dumps(view)  # done: out of the backlog
    assert not [block for block in view["blocks"] if block["type"] == "actions"]
    (update,) = slack_world.api.wait_for("chat.update")
    assert "Marked done by <@U0ANA>" in json.dumps(update.params["blocks"])
    assert update.params["ts"] == slack_world.nudge("c1").slack_ts
    assert slack_world.api.calls_to("response_url") == []  # the Home tab has no response URL to answer on

    assert app.dispatch(signed_request(home_action_body("nudge_done", comment_id, user="U0BEN"))).status == 200
    assert len(slack_world.api.wait_for("views.publish", count=3)) == 3  # already handled: the tab still refreshes


def test_a_reply_from_the_home_tab_counts_this_week_and_publishes_the_tab_again(slack_world):
    slack_world.add("c1")
    slack_world.poll()
    app = slack_world.app()
    comment_id = slack_world.comment_id("c1")

    app.dispatch(signed_request(home_action_body("nudge_reply", comment_id)))
    (opened,) = slack_world.api.wait_for("views.open")
    response = app.dispatch(signed_request(view_submission_body(
        opened.params["view"], {"reply:0": {"reply_text": "It is, in 40 steps."}})))

    assert (response.status, response.body) == (200, "")
    (published,) = slack_world.api.wait_for("views.publish")
    assert published.params["user_id"] == "U0ANA"
    assert "1 comment answered in the last 7 days, 1 of them from Slack" in json.dumps(published.params["view"])
    assert slack_world.nudge("c1").handled_how == "replied"


def test_sections_are_a_list_another_section_can_join_within_the_100_block_limit(slack_world):
    def stats_section(session, now, accounts):
        return [{"type": "section", "text": {"type": "mrkdwn", "text": "*Response rate:* 90%"}}]

    def huge_section(session, now, accounts):
        return [{"type": "section", "text": {"type": "mrkdwn", "text": f"line {n}"}} for n in range(60)]

    with slack_world.factory() as session:
        view = home_view(session, utcnow(), slack_world.settings.accounts,
                         [*SECTIONS, stats_section, huge_section, huge_section])

    check_view(view)
    text = json.dumps(view)
    assert "Response rate" in text and "line 59" in text and len(view["blocks"]) <= 100
    assert text.index("This week") < text.index("Response rate")


def test_a_new_install_has_a_home_too(slack_world):
    text = json.dumps(open_home(slack_world, slack_world.app()))
    assert "No accounts yet" in text and "0 comments answered" in text and "Oldest waiting" not in text
    slack_world.poll()
    assert "*blog* (replay): nothing waiting" in json.dumps(open_home(slack_world, slack_world.app(), count=2))

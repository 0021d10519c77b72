"""`/nudge stats` and the App Home's stats through Bolt's real pipeline against the hand-computed fixture of tests/db/test_stats.py."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bot.engine.hours import parse_business_hours
from bot.slack.app import build_app
from tests.support.blockkit import check_view
from tests.support.records import account_config
from tests.support.slack_world import CHANNEL, event_body, make_world, signed_request
from tests.slack.test_slack_commands import ask
from tests.slack.test_slack_home import OPENED
from tests.db.test_stats import NOW, team  # noqa: F401 (the fixture)


def with_video(world):
    """Both accounts configured, nudging in the same channel, so that the team sees both."""
    video = account_config("video", platform="youtube", channel=CHANNEL, min_score=0)
    return replace(world, settings=replace(world.settings, accounts=(*world.settings.accounts, video)))


@pytest.fixture
def world(tmp_path, team, slack_api):  # noqa: F811
    return with_video(make_world(tmp_path, team, slack_api))


def stats_app(world):
    return build_app(world.settings, world.factory, clock=lambda: NOW)


def test_nudge_stats_shows_the_last_seven_days_figures(world):
    answer = ask(world, stats_app(world), "/nudge", "stats")
    assert answer["text"] == "\n".join([
        "*Last 7 days* (comments written since Fri 13 Nov 12:00 UTC)",
        "• Response rate: *57%* (4 of 7 answered)",
        "• Time to first reply: median *3h*, 90% within *12h 30m*",
        "• Answered after a nudge: 1 · before any nudge: 3",
        "• Conversations continued (they came back after our reply): 1",
        "• Waiting now: *4* · by account: blog 3, video 1 · by platform: wordpress 3, youtube 1",
    ])


def test_nudge_stats_takes_a_window_and_refuses_anything_else(world):
    app = stats_app(world)
    month = ask(world, app, "/nudge", "stats 30d")["text"]
    assert month.startswith("*Last 30 days* (comments written since Wed 21 Oct 12:00 UTC)")
    assert "*56%* (5 of 9 answered)" in month and "90% within *1d*" in month
    for bad in ("stats 2x", "stats 12h", "stats 400d", "stats 7d blog"):
        assert ask(world, app, "/nudge", bad)["text"].startswith("Usage: `/nudge stats [7d|30d|90d]`")
    assert "`/nudge stats [7d|30d|90d]`" in ask(world, app, "/nudge", "help")["text"]


def test_an_account_counting_business_hours_says_so_in_stats_and_home(tmp_path, team, slack_api):  # noqa: F811
    # blog open mon-fri 09:00-17:00 UTC: its replies took 30m, 2h and 3h of open time; video's 12h 30m counts as is.
    world = with_video(make_world(tmp_path, team, slack_api,
                                  business_hours=parse_business_hours("mon-fri 09:00-17:00"), count="business"))
    app = stats_app(world)
    text = ask(world, app, "/nudge", "stats")["text"]
    assert "• Time to first reply: median *2h 30m*, 90% within *12h 30m* (open hours only for blog)" in text
    assert app.dispatch(signed_request(event_body(OPENED))).status == 200
    (published,) = world.api.wait_for("views.publish")
    assert json.dumps(text)[1:-1] in json.dumps(published.params["view"])


def test_an_empty_window_says_so(tmp_path, session_factory, slack_api):
    world = make_world(tmp_path, session_factory, slack_api)
    text = ask(world, stats_app(world), "/nudge", "stats 90d")["text"]
    assert "• No comments were written in this time." in text and "Waiting now: nothing" in text


def test_the_app_home_shows_the_same_seven_days(world):
    app = stats_app(world)
    assert app.dispatch(signed_request(event_body(OPENED))).status == 200
    (published,) = world.api.wait_for("views.publish")
    check_view(published.params["view"])
    text = json.dumps(published.params["view"])
    assert "Team stats" in text
    assert json.dumps(ask(world, app, "/nudge", "stats")["text"])[1:-1] in text

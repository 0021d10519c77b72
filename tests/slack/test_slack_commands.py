"""Slash commands through Bolt's real pipeline: signed requests, answers on the response URL of the stand-in API."""

from __future__ import annotations

import time
from datetime import timedelta
from urllib.parse import parse_qsl

from slack_bolt import BoltRequest
from sqlalchemy import func, select

from bot.db.models import Comment, Nudge
from bot.slack.listeners.commands.unanswered import MAX_LIMIT, USAGE
from tests.support.blockkit import check_blocks
from tests.support.slack_world import action_body, command_body, make_world, signed_request


def ask(world, app, command, text="", count=None):
    """Dispatch a signed slash command; returns the answer posted to its response URL."""
    count = count or len(world.api.calls_to("response_url")) + 1
    started = time.monotonic()
    response = app.dispatch(signed_request(command_body(world.api, command, text)))
    assert response.status == 200 and time.monotonic() - started < 3  # acknowledged within Slack's window
    answers = world.api.wait_for("response_url", count=count)
    assert len(answers) >= count, f"no answer to {command} {text[:50]!r}"
    answer = answers[count - 1].params
    assert answer["response_type"] == "ephemeral"
    if "blocks" in answer:
        check_blocks(answer["blocks"])
    return answer


def listed_ids(answer) -> list[int]:
    return [int(block["block_id"].split(":")[1]) for block in answer.get("blocks", []) if block["type"] == "actions"]


def waiting(world, count, *, hours=3):
    for n in range(count):
        world.add(f"c{n}", f"Question number {n}: does it work with oat milk?", ago=timedelta(hours=hours + n))
    world.poll()


def test_unanswered_lists_the_oldest_first_with_the_total_and_a_hint_for_the_rest(slack_world):
    waiting(slack_world, 20)
    app = slack_world.app()
    started = time.monotonic()

    answer = ask(slack_world, app, "/unanswered")

    assert time.monotonic() - started < 3  # answered, not just acknowledged, within 3 seconds
    oldest_first = [slack_world.comment_id(f"c{n}") for n in range(19, 9, -1)]
    assert listed_ids(answer) == oldest_first
    assert "*20 comments waiting*" in answer["blocks"][0]["text"]["text"]
    assert "Showing 10 of 20" in str(answer["blocks"][-1])
    assert "Question number 19" in str(answer["blocks"][1])


def test_filters_by_account_or_platform_age_and_limit_in_any_order(slack_world):
    waiting(slack_world, 6)  # c0 is 3h old ... c5 is 8h old
    app = slack_world.app()

    assert listed_ids(ask(slack_world, app, "/unanswered", "blog 6h 2")) == [
        slack_world.comment_id("c5"), slack_world.comment_id("c4")]
    assert len(listed_ids(ask(slack_world, app, "/unanswered", "3 replay"))) == 3
    assert "older than 1d" in ask(slack_world, app, "/unanswered", "1d")["text"]
    many = ask(slack_world, app, "/unanswered", "500")
    assert len(listed_ids(many)) == 6 and len(many["blocks"]) == 1 + 6 * 3


def test_a_long_backlog_stays_within_block_kit_limits(slack_world):
    waiting(slack_world, MAX_LIMIT + 4)
    answer = ask(slack_world, slack_world.app(), "/unanswered", "100")
    assert len(listed_ids(answer)) == MAX_LIMIT and len(answer["blocks"]) <= 50
    assert f"at most {MAX_LIMIT}" in str(answer["blocks"][-1])


def test_hostile_or_unknown_arguments_get_the_usage_text(slack_world):
    waiting(slack_world, 2)
    app = slack_world.app()
    hostile = ["'; DROP TABLE comments; --", '"blog"', "blog' OR '1'='1", "x" * 5000, "nosuchaccount",
               "blog blog", "0", "-5", "blog 2h 3 extra", "2h 3h", "99999999999999999999w", "%", "<!channel>",
               "blog\x00", "１０"]
    for text in hostile:
        answer = ask(slack_world, app, "/unanswered", text)
        assert answer["text"] == USAGE, text
    with slack_world.factory() as session:
        assert session.scalar(select(func.count()).select_from(Comment)) == 2


def test_done_from_the_list_works_for_a_comment_whose_nudge_is_not_due_yet(slack_world):
    slack_world.add("fresh", "Is there a discount for students?", ago=timedelta(minutes=10))
    slack_world.poll()
    app = slack_world.app()
    (comment_id,) = listed_ids(ask(slack_world, app, "/unanswered"))
    assert slack_world.nudge("fresh") is None and slack_world.api.calls_to("chat.postMessage") == []

    app.dispatch(signed_request(action_body(slack_world.api, "nudge_done", comment_id)))

    deadline = time.monotonic() + 5
    while slack_world.nudge("fresh") is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (slack_world.nudge("fresh").state, slack_world.nudge("fresh").handled_how) == (Nudge.HANDLED, "done")
    slack_world.poll()
    assert slack_world.api.calls_to("chat.postMessage") == []
    assert "Nothing is waiting" in ask(slack_world, app, "/unanswered")["text"]  # done: out of the backlog


def test_nudge_help_and_unknown_subcommands_list_the_commands(slack_world):
    app = slack_world.app()
    for text in ("help", "", "frobnicate", "x" * 5000, "'; DROP TABLE nudges; --"):
        answer = ask(slack_world, app, "/nudge", text)
        assert "/nudge snooze <id>" in answer["text"] and "/nudge mute @commenter" in answer["text"], text
        assert "/nudge unmute @commenter" in answer["text"]


def test_nudge_snooze_quiets_a_posted_nudge_and_edits_it(slack_world):
    waiting(slack_world, 1)
    app = slack_world.app()
    comment_id = slack_world.comment_id("c0")

    answer = ask(slack_world, app, "/nudge", f"snooze {comment_id} 2h")

    assert answer["text"].startswith(f"Snoozed #{comment_id} until <!date^")
    nudge = slack_world.nudge("c0")
    assert nudge.state == Nudge.POSTED and nudge.snoozed_until is not None
    (update,) = slack_world.api.wait_for("chat.update")
    assert update.params["ts"] == nudge.slack_ts and "Snoozed until" in str(update.params["blocks"])
    assert "no open comment #99999" in ask(slack_world, app, "/nudge", "snooze 99999 2h")["text"]
    for bad in (f"snooze {comment_id}", f"snooze {comment_id} soon", "snooze x 2h", f"snooze {comment_id} 0s"):
        assert ask(slack_world, app, "/nudge", bad)["text"].startswith("Usage: `/nudge snooze"), bad


def test_nudge_mute_closes_open_nudges_and_never_nudges_about_them_again(slack_world):
    slack_world.add("p1", "Where can I buy the grinder?", author="Priya")
    slack_world.add("b1", "Do you ship to Norway?", author="Ben")
    slack_world.poll()
    app = slack_world.app()

    answer = ask(slack_world, app, "/nudge", "mute @priya")

    assert answer["text"] == "Muted @priya: Reply Nudge will never nudge about them again; 1 open nudge closed."
    nudge = slack_world.nudge("p1")
    assert (nudge.state, nudge.handled_how, nudge.handled_by) == (Nudge.HANDLED, "muted", "U0ANA")
    (update,) = slack_world.api.wait_for("chat.update")
    assert update.params["ts"] == nudge.slack_ts and "Author muted by <@U0ANA>" in str(update.params["blocks"])
    slack_world.add("p2", "Hello again, any news on the grinder?", author="Priya")
    slack_world.poll()
    assert slack_world.nudge("p2") is None
    assert listed_ids(ask(slack_world, app, "/unanswered")) == [slack_world.comment_id("b1")]
    assert "No commenter is known as nobody" in ask(slack_world, app, "/nudge", "mute nobody")["text"]


def test_nudge_unmute_lifts_a_slack_mute_but_not_the_config_files(tmp_path, session_factory, slack_api):
    world = make_world(tmp_path, session_factory, slack_api, muted_commenters=("Ben",))
    world.add("p1", "Where can I buy the grinder?", author="Priya")
    world.add("b1", "Do you ship to Norway?", author="Ben")
    world.poll()
    app = world.app()
    assert ask(world, app, "/nudge", "mute priya")["text"].startswith("Muted priya")
    assert world.nudge("b1") is None  # muted by the config file: never nudged

    assert ask(world, app, "/nudge", "unmute @Priya")["text"] == (
        "Unmuted @Priya: Reply Nudge nudges about their new comments again.")
    assert ask(world, app, "/nudge", "unmute ben")["text"] == (
        "ben is muted in the config file: take them off `muted_commenters` there.")
    assert ask(world, app, "/nudge", "unmute priya")["text"] == "priya is not muted."
    assert "No commenter is known as nobody" in ask(world, app, "/nudge", "unmute nobody")["text"]
    assert ask(world, app, "/nudge", "unmute")["text"].startswith("Usage: `/nudge unmute @commenter`")

    world.add("p2", "Back again: does the grinder come in red?", author="Priya")
    world.add("b2", "Back again: do you ship to Sweden?", author="Ben")
    world.poll()
    assert world.nudge("p1").handled_how == "muted"  # closed by the mute, and stays closed
    assert world.nudge("p2").state == Nudge.POSTED and world.nudge("b2") is None


def test_socket_mode_commands_reach_the_same_listeners(slack_world):
    waiting(slack_world, 1)
    payload = dict(parse_qsl(command_body(slack_world.api, "/unanswered", "")))

    response = slack_world.app().dispatch(BoltRequest(mode="socket_mode", body=payload))

    assert response.status == 200
    (answer,) = slack_world.api.wait_for("response_url")
    assert listed_ids(answer.params) == [slack_world.comment_id("c0")]

"""Instagram end to end: a local Graph API speaking its wire format, the real poller, real databases."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from werkzeug import Response

from bot.config import ConfigError
from bot.config_file import parse_accounts
from bot.sources import build_source
from tests.support import connectors
from tests.support.connectors import comments, fetched, paused_until, store_reply, stored_cursor
from tests.support.fake_meta import IG_USER, TOKEN, VERSION, FakeGraph, account, graph_error, ig_user, serve
from tests.support.records import reply_state


@pytest.fixture
def graph(httpserver):
    return serve(httpserver)


def config(fake: FakeGraph, name: str = "insta", **keys):
    return account(fake, "instagram", name, user_id=IG_USER["id"], **keys)


def poll(session_factory, fake, source=None):
    return connectors.poll(session_factory, config(fake), source)


def test_first_sync_over_several_pages_with_nested_replies_then_idle_and_incremental(session_factory, graph):
    media = graph.ig_media("New single origin from Huila")
    asked = [graph.comment(media, ig_user(n % 7), f"Tasting notes, take {n}?") for n in range(70)]
    chatty = graph.comment(media, ig_user(1), "Is it a light roast?")
    replies = [graph.comment(media, ig_user(n), f"Following, {n}", reply_to=chatty) for n in range(5)]
    outcome, account_id, _ = poll(session_factory, graph)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(asked) | {chatty} | set(replies) == set(stored)
    assert all(stored[r].parent_external_id == chatty for r in replies)
    assert len([p for p in graph.paths() if p.endswith(f"{media}/comments")]) == 2  # 50 + 21
    assert graph.paths().count(f"/{VERSION}/{chatty}/replies") == 1  # 3 nested, the other 2 read on
    cursor = stored_cursor(session_factory, account_id)
    assert cursor["username"] == IG_USER["username"] and set(cursor["posts"]) == {media}

    graph.requests.clear()
    outcome, _, source = poll(session_factory, graph)
    assert outcome.ok and outcome.records == 0
    assert graph.paths() == [f"/{VERSION}/{IG_USER['id']}/media"]  # an idle poll is one request

    late = graph.comment(media, ig_user(9), "Still available?")
    outcome, _, _ = poll(session_factory, graph, source)
    assert outcome.ok and outcome.records == 1 and late in comments(session_factory, account_id)


def test_the_first_poll_does_not_read_media_without_comments(session_factory, graph):
    quiet = [graph.ig_media(f"Quiet post {n}") for n in range(3)]
    talked = graph.ig_media("A post people talk about")
    asked = graph.comment(talked, ig_user(1), "Decaf?")
    outcome, account_id, _ = poll(session_factory, graph)
    assert outcome.ok and set(comments(session_factory, account_id)) == {asked}
    assert not any(path.endswith(f"{media}/comments") for media in quiet for path in graph.paths())
    assert set(stored_cursor(session_factory, account_id)["posts"]) == {*quiet, talked}  # watched all the same
    late = graph.comment(quiet[0], ig_user(2), "First!")
    outcome, _, _ = poll(session_factory, graph)
    assert outcome.ok and late in comments(session_factory, account_id)


def test_flat_thread_with_brand_reply_returning_user_and_reply_from_slack(session_factory, graph):
    media = graph.ig_media("Latte art Friday")
    question = graph.comment(media, ig_user(1), "Which milk do you use?")
    friend = graph.comment(media, ig_user(2), "@user_1 oat, surely", reply_to=question)
    outcome, account_id, source = poll(session_factory, graph)
    assert outcome.ok
    assert reply_state(session_factory, account_id) == {question: None, friend: None}

    answer = graph.comment(media, IG_USER, "@user_1 whole milk, steamed to 60°C", reply_to=question)
    poll(session_factory, graph, source)
    # flat threads: the brand's reply answers every user comment before it in the thread
    assert reply_state(session_factory, account_id) == {question: answer, friend: answer}
    assert comments(session_factory, account_id)[answer].is_brand

    back = graph.comment(media, ig_user(1), "@acmecoffee and for the vegan option?", reply_to=answer)
    poll(session_factory, graph, source)
    assert reply_state(session_factory, account_id)[back] is None
    assert comments(session_factory, account_id)[back].parent_external_id == question

    record = fetched(source, back)
    posted = source.reply(record, "@user_1 oat milk.")
    assert graph.requests[-1][:2] == ("POST", f"/{VERSION}/{question}/replies")  # replies go to the top level
    assert posted.is_brand and posted.author_handle == IG_USER["username"] and posted.parent_id == question
    assert posted.external_id in graph.comments and posted.text == "@user_1 oat milk."
    store_reply(session_factory, account_id, source, posted)
    assert reply_state(session_factory, account_id)[back] == posted.external_id
    outcome, _, _ = poll(session_factory, graph, source)  # the poll reads the reply back as the same comment
    assert outcome.ok and reply_state(session_factory, account_id)[back] == posted.external_id


def test_usage_and_errors_share_the_graph_handling(session_factory, graph):
    graph.ig_media("Hello")
    graph.business_usage = {"call_count": 95, "total_cputime": 3, "total_time": 3, "estimated_time_to_regain_access": 0}
    outcome, account_id, source = poll(session_factory, graph)
    assert outcome.ok and source.min_poll_interval() == timedelta(minutes=54)

    graph.fail_next("media", graph_error(32, "Page request limit reached", **{
        "X-Business-Use-Case-Usage": '{"1": [{"type": "instagram", "call_count": 100, '
                                     '"estimated_time_to_regain_access": 40}]}'}))
    outcome, _, _ = connectors.poll(session_factory, config(graph))
    assert outcome.error_kind == "rate_limited"
    waited = paused_until(session_factory, account_id).replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)
    assert timedelta(minutes=39) < waited <= timedelta(minutes=40)  # the time Meta named


def test_expired_token_is_an_auth_error_saying_so(session_factory, graph):
    graph.token = "rotated"
    outcome, _, _ = poll(session_factory, graph)
    assert outcome.error_kind == "auth" and "access token has expired" in outcome.error
    assert TOKEN not in outcome.error and "access_token_env" in outcome.error


def test_malformed_comment_is_a_temporary_error_and_the_medium_is_read_again(session_factory, graph):
    media = graph.ig_media("Hello")
    graph.comment(media, ig_user(1), "Hi!")
    graph.fail_next(f"{media}/comments", Response('{"data": [{"text": "no id"}]}', content_type="application/json"))
    outcome, _, _ = poll(session_factory, graph)
    assert outcome.error_kind == "temporary" and f"{media}/comments" in outcome.error
    outcome, _, _ = poll(session_factory, graph)
    assert outcome.ok and outcome.records == 1


def test_old_media_are_left_out_and_config_keys_validated(session_factory, graph):
    old = graph.ig_media("Two months ago", days_ago=60)
    graph.comment(old, ig_user(1), "Late to the party")
    outcome, account_id, _ = poll(session_factory, graph)
    assert outcome.ok and outcome.records == 0
    assert not any(path.endswith(f"{old}/comments") for path in graph.paths())
    assert build_source(config(graph)).check() == f"@{IG_USER['username']} ({IG_USER['id']})"
    with pytest.raises(ConfigError, match=r"accounts\[insta\]\.username: unknown key for platform 'instagram'"):
        config(graph, username="acme")
    entry = {"name": "i", "platform": "instagram", "access_token_env": "IG_TOKEN"}
    with pytest.raises(ConfigError, match=r"accounts\[i\]\.user_id is required"):
        build_source(parse_accounts({"accounts": [entry]}, "f.toml", {"IG_TOKEN": TOKEN})[0])

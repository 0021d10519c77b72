"""Threads end to end: a local Threads API speaking its wire format, the real poller, real databases."""

from __future__ import annotations


import pytest
from werkzeug import Response

from bot.config import ConfigError
from bot.config_file import parse_accounts
from bot.sources import build_source
from tests.support import connectors
from tests.support.connectors import comments, fetched, store_reply, stored_cursor
from tests.support.fake_meta import THREADS_USER, THREADS_VERSION, TOKEN, FakeGraph, account, graph_error, ig_user, serve
from tests.support.records import reply_state


@pytest.fixture
def graph(httpserver):
    return serve(httpserver)


def config(fake: FakeGraph, name: str = "threads", **keys):
    return account(fake, "threads", name, version=THREADS_VERSION, **keys)


def poll(session_factory, fake, source=None):
    return connectors.poll(session_factory, config(fake), source)


def conversation_reads(fake: FakeGraph, post_id: str) -> list[dict]:
    return [args for method, path, args in fake.requests if path.endswith(f"{post_id}/conversation")]


def test_first_sync_over_several_pages_then_idle_and_incremental(session_factory, graph):
    busy = graph.thread("We're opening a second café. Where should it be?")
    graph.thread("Just a photo of our roaster, no replies yet")
    asked = [graph.comment(busy, ig_user(n % 11), f"Neighbourhood idea number {n}?") for n in range(130)]
    nested = graph.comment(busy, ig_user(1), "@user_2 yes, near the station!", reply_to=asked[2])
    outcome, account_id, source = poll(session_factory, graph)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(asked) | {nested} == set(stored)
    assert stored[nested].parent_external_id == asked[2] and stored[asked[0]].parent_external_id is None
    reads = conversation_reads(graph, busy)
    assert len(reads) == 2 and reads[0]["reverse"] == "true" and "after" in reads[1]  # 100 + 31
    assert stored_cursor(session_factory, account_id)["username"] == THREADS_USER["username"]

    graph.requests.clear()
    outcome, _, _ = poll(session_factory, graph, source)
    assert outcome.ok and outcome.records == 0
    # one request for the list, one for the post that has replies; the post without replies costs nothing
    assert graph.paths() == [f"/{THREADS_VERSION}/me/threads", f"/{THREADS_VERSION}/{busy}/conversation"]

    later = graph.comment(busy, ig_user(4), "What about the old harbour?")
    graph.requests.clear()
    outcome, _, _ = poll(session_factory, graph, source)
    assert outcome.ok and outcome.records == 1 and later in comments(session_factory, account_id)
    assert len(conversation_reads(graph, busy)) == 1  # newest first: stops at what it read before


def test_posts_with_replies_are_read_in_turn_so_an_idle_poll_costs_two_requests(session_factory, graph):
    posts = [graph.thread(f"Roast {n} is out") for n in range(3)]
    for n, post in enumerate(posts):
        graph.comment(post, ig_user(n), f"How fresh is roast {n}?")
    outcome, account_id, source = poll(session_factory, graph)
    assert outcome.ok and all(len(conversation_reads(graph, post)) == 1 for post in posts)  # first sync: all

    turns = []
    for _ in range(3):
        graph.requests.clear()
        assert poll(session_factory, graph, source)[0].ok
        assert len(graph.requests) == 2 and graph.paths()[0] == f"/{THREADS_VERSION}/me/threads"
        turns.append(graph.paths()[1])
    assert sorted(turns) == sorted(f"/{THREADS_VERSION}/{post}/conversation" for post in posts)  # each in turn

    fresh = graph.thread("A new blend")
    first = graph.comment(fresh, ig_user(7), "Decaf too?")
    graph.requests.clear()
    assert poll(session_factory, graph, source)[0].ok  # its first replies: read at once, with the post in turn
    assert first in comments(session_factory, account_id) and len(graph.requests) == 3


def test_nested_thread_with_brand_reply_returning_user_and_reply_from_slack(session_factory, graph):
    post = graph.thread("New oat flat white is out")
    question = graph.comment(post, ig_user(1), "Is it sweetened?")
    other = graph.comment(post, ig_user(2), "Price?")
    outcome, account_id, source = poll(session_factory, graph)
    assert outcome.ok
    assert reply_state(session_factory, account_id) == {question: None, other: None}

    answer = graph.comment(post, THREADS_USER, "No sugar added!", reply_to=question)  # typed in the Threads app
    poll(session_factory, graph, source)
    assert reply_state(session_factory, account_id) == {question: answer, other: None}  # replies nest

    back = graph.comment(post, ig_user(1), "Great, and is it vegan?", reply_to=answer)
    poll(session_factory, graph, source)
    assert reply_state(session_factory, account_id) == {question: answer, other: None, back: None}

    record = fetched(source, back)
    assert record.parent_id == answer
    posted = source.reply(record, "Yes, fully vegan.")
    (created, published) = graph.requests[-2:]
    assert created[:2] == ("POST", f"/{THREADS_VERSION}/me/threads") and created[2]["reply_to_id"] == back
    assert created[2]["media_type"] == "TEXT" and published[1] == f"/{THREADS_VERSION}/me/threads_publish"
    assert posted.is_brand and posted.parent_id == back and posted.post_id == post
    assert posted.external_id in graph.comments and graph.comments[posted.external_id]["parent"] == back
    store_reply(session_factory, account_id, source, posted)
    assert reply_state(session_factory, account_id)[back] == posted.external_id


def test_hidden_replies_are_not_waiting(session_factory, graph):
    post = graph.thread("Ask me anything")
    rude = graph.comment(post, ig_user(5), "buy followers at spam dot example")
    graph.comments[rude]["hide_status"] = "HIDDEN"
    outcome, account_id, _ = poll(session_factory, graph)
    assert outcome.ok and comments(session_factory, account_id)[rude].deleted


def test_replies_of_a_private_profile_come_without_username_and_each_is_its_own_author(session_factory, graph):
    post = graph.thread("Ask me anything")
    shy = {**ig_user(8), "private": True}
    first, second = graph.comment(post, shy, "Is it decaf?"), graph.comment(post, shy, "And vegan?")
    outcome, account_id, source = poll(session_factory, graph)
    assert outcome.ok and {first, second} <= set(comments(session_factory, account_id))
    records = [fetched(source, reply) for reply in (first, second)]
    assert [record.author_name for record in records] == ["Threads user", "Threads user"]
    assert records[0].author_id != records[1].author_id  # nothing says the two are one person
    assert records[0].url == graph.posts[post]["url"]  # no permalink either: the nudge links the post


def test_errors_are_the_graph_apis(session_factory, graph):
    post = graph.thread("Hello")
    graph.comment(post, ig_user(1), "Hi!")
    graph.fail_next("conversation", graph_error(190, "Error validating access token: The session has been "
                                                     "invalidated because the user changed their password."))
    outcome, _, _ = poll(session_factory, graph)
    assert outcome.error_kind == "auth" and "access token has expired" in outcome.error
    assert "threads_read_replies" in outcome.error and TOKEN not in outcome.error

    graph.fail_next("me/threads", graph_error(4, "Application request limit reached", status=403))
    outcome, _, _ = connectors.poll(session_factory, config(graph, name="other"))
    assert outcome.error_kind == "rate_limited"

    graph.fail_next("conversation", Response('{"data": [{"id": "1", "text": "no time"}]}',
                                             content_type="application/json"))
    outcome, _, _ = connectors.poll(session_factory, config(graph, name="third"))
    assert outcome.error_kind == "temporary" and f"{post}/conversation" in outcome.error and "timestamp" in outcome.error


def test_check_and_config_keys(graph):
    assert build_source(config(graph)).check() == f"@{THREADS_USER['username']} ({THREADS_USER['id']})"
    with pytest.raises(ConfigError, match=r"accounts\[threads\]\.user_id: unknown key for platform 'threads'"):
        config(graph, user_id="1")
    with pytest.raises(ConfigError, match=r"accounts\[t\]\.access_token_env is required"):
        build_source(parse_accounts({"accounts": [{"name": "t", "platform": "threads"}]}, "f.toml", {})[0])

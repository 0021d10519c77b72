"""Facebook Pages end to end: a local Graph API speaking its wire format, the real poller, real databases."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone

import pytest
from werkzeug import Response

from bot.config import ConfigError, Settings
from bot.config_file import parse_accounts
from bot.service import poll_cycle
from bot.slack.terminal import TerminalNotifier
from bot.sources import build_source
from bot.db.models import Comment
from bot.sources.base import AuthError, RateLimited
from tests.support import connectors
from tests.support.connectors import comments, fetched, paused_until, source_for, store_reply, stored_cursor
from tests.support.fake_meta import PAGE, TOKEN, VERSION, FakeGraph, account, fb_user, graph_error, serve
from tests.support.records import reply_state


@pytest.fixture
def graph(httpserver):
    return serve(httpserver)


def config(fake: FakeGraph, name: str = "page", **keys):
    return account(fake, "facebook", name, page_id=PAGE["id"], **keys)


def poll(session_factory, fake, account=None, source=None):
    return connectors.poll(session_factory, account or config(fake), source)


def test_first_sync_over_several_pages_then_idle_and_incremental(session_factory, graph):
    busy = graph.fb_post("Our winter blend is here")
    quiet = graph.fb_post("Opening hours over the holidays")
    asked = [graph.comment(busy, fb_user(n % 9), f"Is the winter blend good as espresso, take {n}?") for n in range(230)]
    hours = graph.comment(quiet, fb_user(1), "Open on the 26th?")
    outcome, account_id, _ = poll(session_factory, graph)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(asked) | {hours} == set(stored)
    pages = [args for path, args in ((p, a) for m, p, a in graph.requests) if path.endswith(f"{busy}/comments")]
    assert len(pages) == 3 and pages[0]["filter"] == "stream" and "after" in pages[2]  # 100 + 100 + 30
    assert stored[hours].text == "Open on the 26th?"
    assert set(stored_cursor(session_factory, account_id)["posts"]) == {busy, quiet}

    graph.requests.clear()
    outcome, _, _ = poll(session_factory, graph)
    assert outcome.ok and outcome.records == 0
    assert graph.paths() == [f"/{VERSION}/{PAGE['id']}/published_posts"]  # an idle poll is one request

    later = graph.comment(quiet, fb_user(2), "And on New Year's Day?")
    graph.requests.clear()
    outcome, _, _ = poll(session_factory, graph)
    assert outcome.ok and outcome.records == 1 and later in comments(session_factory, account_id)
    (read,) = [args for _, path, args in graph.requests if path.endswith("/comments")]
    assert int(read["since"]) <= int(graph.comments[hours]["created"].timestamp())  # only what is new is asked for


def test_comments_are_filtered_by_the_watermark_when_since_is_ignored(session_factory, graph):
    graph.honour_since = False
    post = graph.fb_post("New mugs")
    graph.comment(post, fb_user(1), "Dishwasher safe?")
    first = graph.comment(post, fb_user(2), "Which colours?")
    _, account_id, _ = poll(session_factory, graph)
    twin = graph.comment(post, fb_user(3), "Also in green?", same_second=False)
    graph.comments[twin]["created"] = graph.comments[first]["created"]  # written in the same second as the last one
    outcome, _, _ = poll(session_factory, graph)
    assert outcome.ok and outcome.records == 1 and twin in comments(session_factory, account_id)


def test_thread_with_a_page_reply_a_returning_user_and_a_reply_from_slack(session_factory, graph):
    post = graph.fb_post("Ask us anything about brewing")
    question = graph.comment(post, fb_user(1), "What grind for a French press?")
    other = graph.comment(post, fb_user(2), "Do you ship to Norway?")
    outcome, account_id, source = poll(session_factory, graph)
    assert outcome.ok
    assert reply_state(session_factory, account_id) == {question: None, other: None}

    answer = graph.comment(post, PAGE, "Coarse, like sea salt!", reply_to=question)  # typed in Meta Business Suite
    poll(session_factory, graph, source=source)
    assert reply_state(session_factory, account_id)[question] == answer
    assert comments(session_factory, account_id)[answer].is_brand

    back = graph.comment(post, fb_user(1), "Thanks! And how long to steep?", reply_to=answer)
    poll(session_factory, graph, source=source)
    assert reply_state(session_factory, account_id) == {question: answer, other: None, back: None}  # a new turn
    assert comments(session_factory, account_id)[back].parent_external_id == question  # two levels deep

    record = fetched(source, back)
    posted = source.reply(record, "Four minutes.")
    assert posted.is_brand and posted.author_id == PAGE["id"] and posted.text == "Four minutes."
    assert posted.parent_id == question and posted.post_id == post and posted.post_url == record.post_url
    assert graph.requests[-1][:2] == ("POST", f"/{VERSION}/{question}/comments")  # to the top-level comment
    store_reply(session_factory, account_id, source, posted)
    assert reply_state(session_factory, account_id)[back] == posted.external_id


def test_usage_headers_slow_polling_down_then_stop_it(session_factory, graph):
    graph.fb_post("Autumn menu")
    graph.app_usage = {"call_count": 80, "total_cputime": 10, "total_time": 12}
    outcome, account_id, source = poll(session_factory, graph)
    assert outcome.ok
    assert source.headroom().remaining == 20
    assert source.min_poll_interval() == timedelta(minutes=36)  # 80 %: 30 of the 50 points above half an hour
    outcome, _, _ = poll(session_factory, graph, source=source)
    assert outcome.skipped_until is not None and "polling slower" in outcome.error

    graph.app_usage = {"call_count": 30}
    graph.business_usage = {"call_count": 100, "total_cputime": 40, "total_time": 40,
                            "estimated_time_to_regain_access": 25}
    source = source_for(config(graph))
    with pytest.raises(RateLimited, match="no requests left"):  # /me answered, and said to wait: no debug_token
        source.check()
    graph.requests.clear()
    with pytest.raises(RateLimited, match="no requests left") as error:
        list(source.fetch(None))
    assert graph.requests == []  # Meta named a time to regain access: nothing is sent before it
    waited = error.value.retry_at - datetime.now(timezone.utc)
    assert timedelta(minutes=24) < waited <= timedelta(minutes=25)


@pytest.mark.parametrize("code", [4, 17, 32, 613, 80001])
def test_throttling_codes_are_rate_limited(session_factory, graph, code):
    graph.fb_post("Autumn menu")
    graph.fail_next("published_posts", graph_error(code, "(#%d) Application request limit reached" % code,
                                                   status=403 if code == 4 else 400))
    outcome, account_id, _ = poll(session_factory, graph)
    assert outcome.error_kind == "rate_limited" and f"Graph error {code}" in outcome.error
    waited = paused_until(session_factory, account_id).replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)
    assert timedelta(minutes=14) < waited <= timedelta(minutes=15)


def test_expired_token_alerts_once_and_other_accounts_keep_polling(session_factory, graph):
    good, bad = config(graph, "page"), config(graph, "old-page", token_var="BAD")
    settings = Settings(accounts=(good, bad))
    out = io.StringIO()
    post = graph.fb_post("Hello")
    graph.comment(post, fb_user(1), "First question?")
    outcomes = {o.account: o for o in poll_cycle(settings, session_factory, TerminalNotifier(out))}
    assert outcomes["page"].ok and outcomes["page"].records == 1
    assert outcomes["old-page"].error_kind == "auth"
    assert "access token has expired" in outcomes["old-page"].error and "Graph error 190/463" in outcomes["old-page"].error
    assert "access_token_env" in outcomes["old-page"].error and "EAAexpired" not in outcomes["old-page"].error
    assert out.getvalue().count("stopped polling *old-page*") == 1

    graph.comment(post, fb_user(2), "Second question?")
    outcomes = {o.account: o for o in poll_cycle(settings, session_factory, TerminalNotifier(out))}
    assert outcomes["page"].ok and outcomes["page"].records == 1
    assert outcomes["old-page"].skipped_until is not None
    assert out.getvalue().count("stopped polling *old-page*") == 1  # told once


def test_missing_permission_is_an_auth_error(graph):
    graph.fail_next("published_posts", graph_error(200, "(#200) Requires pages_read_engagement permission"))
    source = source_for(config(graph))
    with pytest.raises(Exception, match="lacks a permission.*pages_read_engagement") as error:
        list(source.fetch(None))
    assert type(error.value).__name__ == "AuthError"


def test_check_proves_the_token_is_the_pages_own_and_may_read_and_reply(graph):
    source = source_for(config(graph))
    assert source.check() == (f"Page {PAGE['name']} ({PAGE['id']}), a Page access token with pages_read_engagement, "
                              "pages_read_user_engagement, pages_manage_engagement")
    assert TOKEN not in source.check()
    graph.scopes.remove("pages_manage_engagement")
    with pytest.raises(AuthError, match="lacks pages_manage_engagement"):
        source.check()
    graph.page_token = False  # a Page admin's user token: Graph would leave out every commenter
    with pytest.raises(AuthError, match=f"Ana Admin's .*not Page {PAGE['id']}'s own") as error:
        source.check()
    assert TOKEN not in str(error.value)


def test_comments_without_from_stop_the_account_saying_why_once(session_factory, graph):
    post = graph.fb_post("Hello")
    graph.comment(post, fb_user(1), "Anyone there?")
    graph.page_token = False
    settings = Settings(accounts=[config(graph)])
    out = io.StringIO()
    for _ in range(3):
        outcomes = poll_cycle(settings, session_factory, TerminalNotifier(out))
    assert outcomes[0].error_kind == "auth" or outcomes[0].skipped_until is not None
    assert out.getvalue().count("without their authors (`from`)") == 1
    with session_factory() as session:
        assert not session.query(Comment).count()  # nothing stored under "Facebook user"


def test_5xx_then_success(session_factory, graph):
    post = graph.fb_post("Hello")
    asked = graph.comment(post, fb_user(1), "Anyone there?")
    graph.fail_next("comments", Response("<h1>502 Bad Gateway</h1>", status=502))
    graph.fail_next("comments", graph_error(2, "An unexpected error has occurred. Please retry.", status=500))
    outcome, account_id, _ = poll(session_factory, graph)
    assert outcome.ok and asked in comments(session_factory, account_id)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("<html>Sorry, something went wrong.</html>", "did not answer JSON"),
        (json.dumps({"data": {"id": "1"}}), "unexpected response shape"),
        (json.dumps({"data": [{"id": "1_2", "from": fb_user(1), "message": "hi"}]}), "created_time"),
        (json.dumps({"data": [{"id": "1_2", "from": fb_user(1), "message": "hi", "created_time": "yesterday"}]}),
         "not an ISO 8601"),
        (json.dumps({"data": [{"id": "1_2", "from": "User 1", "message": "hi",
                               "created_time": "2026-11-20T08:00:00+0000"}]}), "unexpected response shape"),
    ],
)
def test_malformed_payloads_are_temporary_errors_naming_the_url(session_factory, graph, body, says):
    post = graph.fb_post("Hello")
    graph.comment(post, fb_user(1), "Anyone there?")
    graph.fail_next(f"{post}/comments", Response(body, status=200, content_type="application/json"))
    outcome, account_id, _ = poll(session_factory, graph)
    assert outcome.error_kind == "temporary" and says in outcome.error
    assert f"{post}/comments" in outcome.error and TOKEN not in outcome.error
    outcome, _, _ = poll(session_factory, graph)  # the post was not marked read: the next poll gets it
    assert outcome.ok and outcome.records == 1


def test_recency_window_and_posts_leaving_it(session_factory, graph):
    old = graph.fb_post("Last year's launch", days_ago=45)
    graph.comment(old, fb_user(1), "Still on sale?")
    new = graph.fb_post("This week's launch")
    graph.comment(new, fb_user(2), "How much?")
    outcome, account_id, _ = poll(session_factory, graph, config(graph, recent_days=30))
    assert outcome.ok and outcome.records == 1
    assert set(stored_cursor(session_factory, account_id)["posts"]) == {new}
    graph.posts[new]["created"] -= timedelta(days=40)  # the window moved past it
    outcome, _, _ = poll(session_factory, graph, config(graph, recent_days=30))
    assert outcome.ok and stored_cursor(session_factory, account_id)["posts"] == {}


def test_config_keys_are_validated(graph):
    with pytest.raises(ConfigError, match=r"accounts\[page\]\.pageid: unknown key for platform 'facebook'"):
        config(graph, pageid="1")
    entry = {"name": "p", "platform": "facebook", "access_token_env": "FB_TOKEN"}
    account = parse_accounts({"accounts": [entry]}, "f.toml", {"FB_TOKEN": TOKEN})[0]
    with pytest.raises(ConfigError, match=r"accounts\[p\]\.page_id is required"):
        build_source(account)
    with pytest.raises(ConfigError, match=r"accounts\[page\]\.api_url: must be an http\(s\) URL"):
        build_source(config(graph, api_url="graph.facebook.com"))

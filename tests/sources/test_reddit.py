"""Reddit against a local server speaking its wire format, polled by the real poller into SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from werkzeug import Response

from bot.config import ConfigError
from bot.config_file import parse_accounts
from bot.engine.poller import poll_account
from bot.sources import build_source
from bot.sources.base import AuthError, RateLimited, TemporaryError
from bot.sources.tokens import forget_token
from tests.support.fake_reddit import T0, FakeReddit
from tests.support.records import account_config, make_account, reply_state


@pytest.fixture
def reddit(httpserver):
    fake = FakeReddit()
    fake.url = fake.install(httpserver)
    yield fake
    forget_token((fake.url, fake.client_id, fake.brand.lower()))


def reddit_account(fake: FakeReddit, **options):
    return account_config(
        "rd",
        platform="reddit",
        options={"username": fake.brand, "client_id": fake.client_id, "api_url": fake.url, "auth_url": fake.url,
                 **options},
        secrets={"client_secret": fake.client_secret, "password": fake.password},
    )


def poll(session_factory, fake, account_id, **options):
    account = reddit_account(fake, **options)
    return poll_account(session_factory, account_id, account, build_source(account))


def api_calls(fake: FakeReddit) -> list[str]:
    return [path for method, path, _ in fake.requests if path != "/api/v1/access_token"]


def test_first_sync_reads_inbox_pages_own_comments_and_post_trees(session_factory, reddit):
    # 150 replies to the brand's comments on other people's posts: two inbox pages of 100
    reddit.post("other", "Someone else's post", T0, author="alice")
    reddit.comment("b0", reddit.brand, "We can help!", T0 + 1, "t3_other", "other")
    for n in range(150):
        reddit.comment(f"u{n}", f"user{n}", f"Question {n}?", T0 + 10 + n, "t1_b0", "other")
    reddit.post("own1", "Our launch", T0 + 500)
    reddit.comment("c1", "priya", "When does it ship?", T0 + 600, "t3_own1", "own1")
    reddit.comment("c2", reddit.brand, "Next week!", T0 + 700, "t1_c1", "own1")
    account_id = make_account(session_factory, "rd", platform="reddit")

    outcome = poll(session_factory, reddit, account_id)

    assert outcome.ok, outcome.error
    state = reply_state(session_factory, account_id)
    assert len(state) == 151  # 150 inbox comments + priya's; the private message is not a comment
    assert state["c1"] == "c2"
    assert state["u3"] is None
    inbox_pages = [args for method, path, args in reddit.requests if path == "/message/inbox"]
    assert len(inbox_pages) == 2 and inbox_pages[1]["after"].startswith("t1_u")
    assert reddit.token_requests == 1


def test_idle_polls_cost_two_requests_taking_turns_and_read_only_what_is_new(session_factory, reddit):
    reddit.post("own1", "Our launch", T0)
    reddit.comment("c1", "priya", "When?", T0 + 10, "t3_own1", "own1")
    account_id = make_account(session_factory, "rd", platform="reddit")
    assert poll(session_factory, reddit, account_id).ok
    brand = reddit.brand

    idle = []
    for _ in range(2):
        reddit.requests.clear()
        assert poll(session_factory, reddit, account_id).ok
        idle.append(api_calls(reddit))
    assert idle == [["/message/inbox", f"/user/{brand}/comments"], ["/message/inbox", f"/user/{brand}/submitted"]]

    reddit.comment("c3", "sam", "Also curious", T0 + 20, "t1_c1", "own1")  # answers priya: not in the brand's inbox
    reddit.requests.clear()
    assert poll(session_factory, reddit, account_id).ok  # the brand's comments' turn
    assert "c3" not in reply_state(session_factory, account_id)
    assert poll(session_factory, reddit, account_id).ok  # the posts' turn: num_comments moved, the tree is read
    assert "/comments/own1" in api_calls(reddit)
    assert reply_state(session_factory, account_id) == {"c1": None, "c3": None}

    reddit.comment("c4", "lee", "Any news?", T0 + 30, "t3_own1", "own1")  # in the inbox: this poll reads it all
    reddit.requests.clear()
    assert poll(session_factory, reddit, account_id).ok
    assert api_calls(reddit) == ["/message/inbox", f"/user/{brand}/comments", f"/user/{brand}/submitted",
                                 "/comments/own1"]
    assert "c4" in reply_state(session_factory, account_id)
    assert reddit.token_requests == 1  # the token is cached until it expires


def test_brand_reply_and_returning_user_in_a_nested_thread(session_factory, reddit):
    reddit.post("own1", "Our launch", T0)
    reddit.comment("c1", "priya", "Does it work offline?", T0 + 10, "t3_own1", "own1")
    account_id = make_account(session_factory, "rd", platform="reddit")
    assert poll(session_factory, reddit, account_id).ok
    assert reply_state(session_factory, account_id) == {"c1": None}

    reddit.comment("b1", reddit.brand, "Yes, fully.", T0 + 20, "t1_c1", "own1")
    assert poll(session_factory, reddit, account_id).ok
    assert reply_state(session_factory, account_id) == {"c1": "b1"}

    reddit.comment("c2", "priya", "And on Android?", T0 + 30, "t1_b1", "own1")  # she comes back
    assert poll(session_factory, reddit, account_id).ok
    assert reply_state(session_factory, account_id) == {"c1": "b1", "c2": None}


def test_more_stubs_are_expanded_through_morechildren(session_factory, reddit):
    reddit.post("own1", "Our launch", T0)
    for n in range(5):
        reddit.comment(f"c{n}", f"user{n}", "Hello?", T0 + n, "t3_own1", "own1")
    reddit.comment("c9", "user9", "Nested under c0", T0 + 9, "t1_c0", "own1")
    reddit.more_after = 2
    account_id = make_account(session_factory, "rd", platform="reddit")

    assert poll(session_factory, reddit, account_id).ok

    assert set(reply_state(session_factory, account_id)) == {"c0", "c1", "c2", "c3", "c4", "c9"}
    assert "/api/morechildren" in api_calls(reddit)


def test_ratelimit_headers_stop_polling_before_the_window_runs_dry(session_factory, reddit):
    reddit.post("own1", "Our launch", T0)
    reddit.ratelimit = {"remaining": "0", "reset": "120", "used": "1000"}
    account_id = make_account(session_factory, "rd", platform="reddit")

    outcome = poll(session_factory, reddit, account_id)

    assert outcome.error_kind == "rate_limited" and "no requests left" in outcome.error
    assert api_calls(reddit) == ["/message/inbox"]  # the first answer said the window is spent: nothing more sent


def test_low_headroom_spreads_the_rest_of_the_window_over_polls(reddit):
    source = build_source(reddit_account(reddit))
    reddit.ratelimit = {"remaining": "63.0", "reset": "600", "used": "937"}
    list(source.fetch(None))
    assert source.headroom().limit == 1000
    interval = source.min_poll_interval().total_seconds()
    assert 18 <= interval <= 20  # 600 s left, 63 calls, 2 calls a poll: one poll every 600/31 s


def test_http_429_is_rate_limited_with_the_reset(reddit):
    reddit.failures.append(Response("{}", 429, headers={"x-ratelimit-reset": "42", "x-ratelimit-remaining": "0"}))
    source = build_source(reddit_account(reddit))
    with pytest.raises(RateLimited) as error:
        list(source.fetch(None))
    waited = (error.value.retry_at - datetime.now(timezone.utc)).total_seconds()
    assert 30 < waited <= 42


def test_wrong_password_is_an_auth_error_without_the_secret(reddit):
    account = reddit_account(reddit)
    source = build_source(account.__class__(**{**account.__dict__, "secrets": {"client_secret": "csecret",
                                                                                 "password": "wrong-pass"}}))
    with pytest.raises(AuthError) as error:
        list(source.fetch(None))
    assert "wrong-pass" not in str(error.value) and "password_env" in str(error.value)


def test_revoked_token_is_an_auth_error_and_is_forgotten(reddit):
    source = build_source(reddit_account(reddit))
    list(source.fetch(None))
    reddit.failures.append(Response(json.dumps({"message": "Unauthorized", "error": 401}), 401))
    with pytest.raises(AuthError):
        list(source.fetch(None))
    reddit.token_requests = 0
    list(source.fetch(None))
    assert reddit.token_requests == 1


def test_server_errors_are_retried_then_temporary(reddit):
    source = build_source(reddit_account(reddit))
    source.http.backoff = 0.001
    source.check()
    reddit.failures.append(Response("<html>down</html>", 503))
    assert list(source.fetch(None))  # retried once, then fine
    reddit.failures.extend([Response("<html>down</html>", 503)] * 4)
    with pytest.raises(TemporaryError, match="503"):
        list(source.fetch(None))


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps({"kind": "Listing"}),
        json.dumps({"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {"id": "x"}}]}}),
        json.dumps({"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {"id": "x", "body": "hi",
                                                                                      "created_utc": "soon"}}]}}),
    ],
)
def test_malformed_payloads_are_temporary_errors_naming_the_url(reddit, body):
    source = build_source(reddit_account(reddit))
    source._call("GET", "/api/v1/me")  # the token is in hand: the next answer is the inbox
    reddit.failures.append(Response(body, 200, content_type="application/json"))
    with pytest.raises(TemporaryError) as error:
        list(source.fetch(None))
    assert reddit.url in str(error.value)


def test_reply_posts_through_api_comment_and_comes_back_as_the_brand(reddit):
    reddit.post("own1", "Our launch", T0)
    reddit.comment("c1", "priya", "When?", T0 + 10, "t3_own1", "own1")
    source = build_source(reddit_account(reddit))
    records = [r for page in source.fetch(None) for r in page.records]
    question = next(r for r in records if r.external_id == "c1")

    answer = source.reply(question, "Next **Tuesday** & <after> lunch.")

    assert answer.is_brand and answer.parent_id == "c1" and answer.post_id == "own1"
    assert answer.text == "Next **Tuesday** & <after> lunch."  # raw_json=1: stored as written, not as &amp;
    method, path, _ = reddit.requests[-1]
    assert (method, path) == ("POST", "/api/comment")


def test_reply_refused_for_doing_that_too_much_is_rate_limited(reddit):
    reddit.comment("c1", "priya", "When?", T0 + 10, "t3_own1", "own1")
    body = {"json": {"errors": [["RATELIMIT", "You're doing that too much. Try again in 3 minutes.", "ratelimit"]]}}
    source = build_source(reddit_account(reddit))
    source.check()
    reddit.failures.append(Response(json.dumps(body), 200, content_type="application/json"))
    record = source._record({"id": "c1", "body": "When?", "author": "priya", "created_utc": T0, "parent_id": "t3_own1",
                             "link_id": "t3_own1"})
    with pytest.raises(RateLimited) as error:
        source.reply(record, "Soon")
    waited = (error.value.retry_at - datetime.now(timezone.utc)).total_seconds()
    assert 170 < waited <= 180


def test_user_agent_is_descriptive_and_check_names_the_account(reddit, httpserver):
    source = build_source(reddit_account(reddit))
    assert source.check() == f"u/{reddit.brand}"
    agent = httpserver.log[-1][0].headers["User-Agent"]
    assert agent == f"python:reply-nudge:0.1 (by /u/{reddit.brand})"


def test_config_errors_name_the_key(reddit):
    entry = {"name": "rd", "platform": "reddit", "username": "b", "client_id": "c",
             "client_secret_env": "RD_SECRET", "password_env": "RD_PASSWORD"}
    environ = {"RD_SECRET": "s", "RD_PASSWORD": "p"}
    (account,) = parse_accounts({"accounts": [entry]}, "replynudge.toml", environ)
    assert build_source(account).username == "b"
    with pytest.raises(ConfigError, match=r"accounts\[rd\]\.subreddit: unknown key for platform 'reddit'"):
        parse_accounts({"accounts": [{**entry, "subreddit": "x"}]}, "replynudge.toml", environ)
    with pytest.raises(ConfigError, match=r"accounts\[rd\]\.recent_days"):
        build_source(parse_accounts({"accounts": [{**entry, "recent_days": 0}]}, "replynudge.toml", environ)[0])
    del entry["password_env"]
    with pytest.raises(ConfigError, match=r"accounts\[rd\]\.password_env is required"):
        build_source(parse_accounts({"accounts": [entry]}, "replynudge.toml", environ)[0])


def test_recency_window_leaves_old_posts_out_of_the_first_sync(reddit):
    reddit.post("old", "Last year", T0 - 400 * 86400)
    reddit.comment("c1", "priya", "Old question", T0 - 399 * 86400, "t3_old", "old")
    reddit.post("new", "This week", T0)
    reddit.comment("c2", "sam", "New question", T0 + 10, "t3_new", "new")
    source = build_source(reddit_account(reddit))
    ids = {r.external_id for page in source.fetch(None) for r in page.records}
    assert ids == {"c2"}
    assert "/comments/old" not in api_calls(reddit)
    # an old post that gets a new comment reaches us through the inbox
    reddit.comment("c3", "sam", "Still relevant?", T0 + 20, "t3_old", "old")
    cursor = None
    for page in build_source(reddit_account(reddit)).fetch(None):
        cursor = page.cursor
    reddit.comment("c4", "lee", "Me too", T0 + 30, "t3_old", "old")
    later = {r.external_id for page in build_source(reddit_account(reddit)).fetch(cursor) for r in page.records}
    assert later == {"c4"}

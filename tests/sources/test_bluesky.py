"""Bluesky end to end: a local XRPC server speaking the PDS/AppView wire format, the real poller, real databases."""

from __future__ import annotations

import io
import re
import time
from datetime import timedelta

import pytest
from werkzeug import Response

from bot.cli import main
from bot.config import ConfigError, Settings
from bot.config_file import parse_accounts
from bot.engine.ingest import ingest
from bot.service import poll_cycle
from bot.slack.terminal import TerminalNotifier
from bot.sources import build_source
from bot.sources.base import Page, TemporaryError
from bot.db.models import SyncState
from bot.sources.bluesky import SWEEP_SECONDS
from bot.sources.tokens import forget_token
from tests.support import connectors
from tests.support.connectors import comments, paused_until, source_for, stored_cursor
from tests.support.fake_bluesky import APP_PASSWORD, BRAND, FakeBluesky, user
from tests.support.records import reply_state

NOTIFICATIONS = "app.bsky.notification.listNotifications"


@pytest.fixture
def bluesky(httpserver):
    fake = FakeBluesky(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    return fake


def config(fake: FakeBluesky, name: str = "sky", handle: str = BRAND["handle"], **extra):
    entry = {"name": name, "platform": "bluesky", "handle": handle, "pds_url": fake.base_url,
             "app_password_env": "BSKY_APP_PASSWORD", **extra}
    return parse_accounts({"accounts": [entry]}, "replynudge.toml", {"BSKY_APP_PASSWORD": APP_PASSWORD})[0]


def poll(session_factory, fake, account=None):
    return connectors.poll(session_factory, account or config(fake))


def cid(fake, uri):
    return fake.posts[uri]["cid"]


def test_first_sync_across_several_pages_then_incremental(session_factory, bluesky):
    posts = [bluesky.post(BRAND, f"New roast number {n} is out!") for n in range(3)]
    replies = [bluesky.post(user(n % 7), f"How fresh is roast {n}?", reply_to=posts[n % 3]) for n in range(230)]
    mention = bluesky.post(user(8), f"Best beans in town: @{BRAND['handle']}")
    quote = bluesky.post(user(9), "Can't wait to try this", quote=posts[0])
    outcome, account_id, _ = poll(session_factory, bluesky)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(replies) | {mention, quote} == set(stored)  # the brand's posts are the posts
    assert bluesky.calls(NOTIFICATIONS) == 3  # 100 + 100 + 32
    assert bluesky.calls("app.bsky.feed.getPostThread") == 5  # one per brand post, and the mention's and the quote's
    assert stored[replies[0]].text == "How fresh is roast 0?" and stored[replies[0]].parent_external_id is None
    cursor = stored_cursor(session_factory, account_id)
    assert set(cursor["notifications"]["recent"]) == {mention, quote, *replies[-14:]}  # the last 15 minutes' uris
    assert all(path.startswith("/pds/xrpc/") for path in bluesky.requests[1:])  # the PDS from the DID document

    bluesky.requests.clear()
    outcome, _, _ = poll(session_factory, bluesky)
    assert outcome.ok and outcome.records == 0
    assert len(bluesky.requests) == 2  # an idle poll: one request per stream, the session is reused

    later = bluesky.post(user(3), "Is roast 2 good for espresso?", reply_to=posts[2])
    bluesky.requests.clear()
    outcome, _, _ = poll(session_factory, bluesky)
    assert outcome.ok and later in comments(session_factory, account_id)
    assert len(bluesky.requests) == 3 and "cursor=" not in bluesky.requests[0]


def test_a_post_indexed_late_is_found_once(session_factory, bluesky):
    welcome = bluesky.post(BRAND, "Welcome to our page")
    bluesky.post(user(3), "hello!", reply_to=welcome)
    bluesky.clock += timedelta(minutes=20)  # older than the stretch re-read below the newest: where a read stops
    post = bluesky.post(BRAND, "Tasting at noon")
    bluesky.post(user(1), "see you there", reply_to=post)
    _, account_id, _ = poll(session_factory, bluesky)
    # written before `first` but indexed only now: it sorts below what the last poll saw
    late = bluesky.post(user(2), "can I bring a friend?", reply_to=post,
                        created_at=bluesky.clock - timedelta(seconds=30))
    bluesky.requests.clear()
    outcome, _, _ = poll(session_factory, bluesky)
    assert outcome.ok and late in comments(session_factory, account_id)
    assert bluesky.calls("app.bsky.feed.getPostThread") == 1  # the thread of `post`, once
    bluesky.requests.clear()
    assert poll(session_factory, bluesky)[0].records == 0 and len(bluesky.requests) == 2


def test_thread_with_a_brand_reply_and_a_user_coming_back(session_factory, bluesky):
    post = bluesky.post(BRAND, "Our winter blend is here")
    question = bluesky.post(user(1), "does it come decaf?", reply_to=post)
    other = bluesky.post(user(2), "ships to Norway?", reply_to=post)
    outcome, account_id, source = poll(session_factory, bluesky)
    assert outcome.ok
    assert reply_state(session_factory, account_id) == {question: None, other: None}

    answer = bluesky.post(BRAND, "yes, from next week!", reply_to=question)  # written in a Bluesky app
    poll(session_factory, bluesky)
    assert reply_state(session_factory, account_id)[question] == answer

    back = bluesky.post(user(1), "great, what about a sampler?", reply_to=answer)
    poll(session_factory, bluesky)
    assert reply_state(session_factory, account_id) == {question: answer, other: None, back: None}  # a new turn
    assert comments(session_factory, account_id)[back].parent_external_id == answer

    # replying from Slack: the new post's root is the brand's post, its parent the comment
    record = next(r for page in source.fetch(None) for r in page.records if r.external_id == back)
    posted = source.reply(record, "Yes, the sampler has all four.")
    assert bluesky.created[-1]["record"]["reply"] == {
        "root": {"uri": post, "cid": cid(bluesky, post)}, "parent": {"uri": back, "cid": cid(bluesky, back)},
    }
    assert bluesky.created[-1]["repo"] == BRAND["did"]
    assert posted.is_brand and posted.parent_id == back and posted.post_id == post
    assert posted.external_id in bluesky.posts and posted.author_handle == BRAND["handle"]
    with session_factory.begin() as session:
        ingest(session, account_id, Page([posted], None))
    assert reply_state(session_factory, account_id)[back] == posted.external_id

    with pytest.raises(TemporaryError, match="must not be longer than 300 graphemes"):  # shown in the reply modal
        source.reply(record, "So good! " * 40)


def test_mentions_and_quotes_in_threads_the_brand_did_not_start(session_factory, bluesky):
    musing = bluesky.post(user(2), "thinking about switching coffee")
    mention = bluesky.post(user(3), f"@{BRAND['handle']} do you have a subscription?", reply_to=musing)
    brand_post = bluesky.post(BRAND, "Subscriptions are live")
    quote = bluesky.post(user(4), "Finally!", quote=brand_post)
    outcome, account_id, source = poll(session_factory, bluesky)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(stored) == {musing, mention, quote}  # the mention's thread comes with it
    assert stored[mention].parent_external_id == musing

    records = {r.external_id: r for page in source.fetch(None) for r in page.records}
    assert records[mention].post_id == musing and records[mention].post_title == "thinking about switching coffee"
    assert records[quote].post_id == quote and records[quote].parent_id is None
    source.reply(records[mention], "We do: monthly or weekly.")
    assert bluesky.created[-1]["record"]["reply"]["root"] == {"uri": musing, "cid": cid(bluesky, musing)}
    source.reply(records[quote], "Thank you!")
    refs = bluesky.created[-1]["record"]["reply"]
    assert refs["root"] == refs["parent"] == {"uri": quote, "cid": cid(bluesky, quote)}


def test_deleted_posts_and_no_edits(session_factory, bluesky):
    post = bluesky.post(BRAND, "Ask us anything")
    kept = bluesky.post(user(1), "what grind for AeroPress?", reply_to=post)
    doomed = bluesky.post(user(2), "you are the worst", reply_to=post)
    # deleted between the notification list and the thread read: the thread lacks it, and read alone the AppView
    # answers 400 NotFound
    bluesky.delete(kept)
    bluesky.fail_next("getPostThread", bluesky._thread(post, 1000))
    bluesky.deleted.discard(kept)
    bluesky.fail_next("getPostThread", Response(
        f'{{"error":"NotFound","message":"Post not found: {kept}"}}', status=400, content_type="application/json",
    ))
    outcome, account_id, _ = poll(session_factory, bluesky)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert stored[kept].deleted and stored[kept].text == "what grind for AeroPress?"
    assert not stored[doomed].deleted and stored[doomed].updated_at is None  # Bluesky posts cannot be edited

    defended = bluesky.post(user(3), f"@{BRAND['handle']} that was rude of them", reply_to=doomed)
    bluesky.delete(doomed)  # the thread's parent is now a notFoundPost
    outcome, _, _ = poll(session_factory, bluesky)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert stored[defended].parent_external_id == doomed and not stored[defended].deleted


def test_rate_limited_with_reset_headers(session_factory, bluesky):
    bluesky.post(user(1), f"@{BRAND['handle']} hello")
    bluesky.fail_next(NOTIFICATIONS, Response(
        '{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}', status=429, content_type="application/json",
        headers={"RateLimit-Limit": "3000", "RateLimit-Remaining": "0", "RateLimit-Reset": "1893456300",
                 "RateLimit-Policy": "3000;w=300"},
    ))
    outcome, account_id, _ = poll(session_factory, bluesky)
    assert outcome.error_kind == "rate_limited" and "Rate Limit Exceeded" in outcome.error
    assert paused_until(session_factory, account_id).isoformat().startswith("2030-01-01T00:05")


def test_5xx_then_success(session_factory, bluesky):
    asked = bluesky.post(user(1), f"@{BRAND['handle']} hello there")
    bluesky.fail_next(NOTIFICATIONS, Response("<h1>502 Bad Gateway</h1>", status=502))
    bluesky.fail_next(NOTIFICATIONS, Response('{"error":"InternalServerError"}', status=500))
    outcome, account_id, _ = poll(session_factory, bluesky)
    assert outcome.ok and asked in comments(session_factory, account_id)


def test_malformed_json_is_a_temporary_error_with_the_url(session_factory, bluesky):
    bluesky.fail_next(NOTIFICATIONS, Response("<html>upstream maintenance</html>", status=200))
    outcome, _, _ = poll(session_factory, bluesky)
    assert outcome.error_kind == "temporary"
    assert re.search(rf"GET http://localhost:\d+/pds/xrpc/{NOTIFICATIONS}\?.*did not answer JSON", outcome.error)
    bluesky.fail_next(NOTIFICATIONS, Response('{"notifications": [{"uri": "at://x", "reason": "reply"}]}',
                                              content_type="application/json"))
    outcome, _, _ = poll(session_factory, bluesky)
    assert outcome.error_kind == "temporary" and "unexpected response shape" in outcome.error


def test_one_session_per_process_refreshed_when_the_access_token_expires(session_factory, bluesky):
    bluesky.post(user(1), f"@{BRAND['handle']} first")
    for _ in range(2):
        assert poll(session_factory, bluesky)[0].ok
    assert source_for(config(bluesky)).check()
    assert bluesky.calls("com.atproto.server.createSession") == 1  # 30 per 5 minutes: sessions are kept

    bluesky.expire_sessions()  # refused as expired: refreshSession, then the call again
    bluesky.clock += timedelta(minutes=5)
    bluesky.post(user(2), f"@{BRAND['handle']} second")
    outcome, account_id, _ = poll(session_factory, bluesky)
    assert outcome.ok and outcome.records == 1
    assert bluesky.calls("com.atproto.server.refreshSession") == 1
    assert bluesky.calls("com.atproto.server.createSession") == 1

    bluesky.expire_sessions()
    bluesky.revoke_refresh_tokens()  # the refresh token is refused too: a new session from the app password
    assert poll(session_factory, bluesky)[0].ok
    assert bluesky.calls("com.atproto.server.createSession") == 2

    forget_token((bluesky.base_url, BRAND["handle"]))
    bluesky.access_lifetime = 61.5  # renewed a minute before `exp`, without a refused request
    assert poll(session_factory, bluesky)[0].ok
    time.sleep(1.6)
    bluesky.requests.clear()
    assert poll(session_factory, bluesky)[0].ok
    assert [path.split("?")[0].rpartition("/")[2] for path in bluesky.requests] == [
        "com.atproto.server.refreshSession", NOTIFICATIONS, "app.bsky.feed.getAuthorFeed",
    ]


def test_wrong_app_password_pauses_one_account_alerts_once_and_others_keep_polling(session_factory, bluesky):
    good, bad = config(bluesky, "sky"), config(bluesky, "old-sky", handle="old-acme.bsky.social")
    settings = Settings(accounts=(good, bad))
    out = io.StringIO()
    bluesky.post(user(1), f"@{BRAND['handle']} first question")
    outcomes = {o.account: o for o in poll_cycle(settings, session_factory, TerminalNotifier(out))}
    assert outcomes["sky"].ok and outcomes["sky"].records == 1
    assert outcomes["old-sky"].error_kind == "auth"
    assert "Invalid identifier or password" in outcomes["old-sky"].error
    assert "app_password_env" in outcomes["old-sky"].error and APP_PASSWORD not in outcomes["old-sky"].error
    assert out.getvalue().count("stopped polling *old-sky*") == 1

    bluesky.post(user(2), f"@{BRAND['handle']} second question")
    outcomes = {o.account: o for o in poll_cycle(settings, session_factory, TerminalNotifier(out))}
    assert outcomes["sky"].ok and outcomes["sky"].records == 1
    assert outcomes["old-sky"].skipped_until is not None
    assert out.getvalue().count("stopped polling *old-sky*") == 1  # told once, not every poll


def test_check_names_the_brand_and_its_headroom(bluesky):
    source = source_for(config(bluesky))
    assert source.check() == f"@{BRAND['handle']} ({BRAND['did']}) on {bluesky.base_url}/pds"
    assert source.headroom().limit == 3000 and source.headroom().remaining == 2999


def test_config_keys_are_validated(bluesky):
    with pytest.raises(ConfigError, match=r"accounts\[sky\]\.password_env: unknown key for platform 'bluesky'"):
        config(bluesky, password_env="X")
    with pytest.raises(ConfigError, match=r"accounts\[sky\]\.pds_url: must be an http\(s\) URL"):
        build_source(config(bluesky, pds_url="bsky.social"))
    entry = {"name": "b", "platform": "bluesky", "app_password_env": "P"}
    account = parse_accounts({"accounts": [entry]}, "f.toml", {"P": APP_PASSWORD})[0]
    with pytest.raises(ConfigError, match=r"accounts\[b\]\.handle is required"):
        build_source(account)


def test_replynudge_check_shows_auth_headroom_last_and_next_poll(workdir, database_url, capsys, monkeypatch, bluesky):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("BSKY_APP_PASSWORD", APP_PASSWORD)
    (workdir / "replynudge.toml").write_text("".join(
        f'[[accounts]]\nname = "{name}"\nplatform = "bluesky"\nhandle = "{handle}"\npds_url = "{bluesky.base_url}"\n'
        'app_password_env = "BSKY_APP_PASSWORD"\n'
        for name, handle in (("sky", BRAND["handle"]), ("old-sky", "old-acme.bsky.social"))
    ))
    bluesky.post(user(1), f"@{BRAND['handle']} hello")
    assert main(["poll", "--once"]) == 1  # old-sky's app password is refused
    capsys.readouterr()
    assert main(["check"]) == 1
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert re.search(r"^sky +bluesky +\d+/3000, resets \d\d:\d\d UTC +\ds ago, ok +in 9m \d+s \(quiet\) +- +"
                     rf"ok: @{re.escape(BRAND['handle'])} \({BRAND['did']}\)", rows["sky"])
    assert re.search(r"^old-sky +bluesky +- +\ds ago, auth +in 29m \d+s \(paused\) +- +FAILED: bluesky rejected "
                     r"the credentials \(HTTP 401 at POST .*createSession\): Invalid identifier or password",
                     rows["old-sky"])
    assert APP_PASSWORD not in rows["old-sky"]


def test_an_empty_filtered_page_with_a_cursor_does_not_end_the_read(session_factory, bluesky):
    post = bluesky.post(BRAND, "New mugs")
    question = bluesky.post(user(1), "dishwasher safe?", reply_to=post)
    for _ in range(1050):  # newer than the reply: the AppView's ten raw pages hold likes only
        bluesky.like(user(2), post)
    outcome, account_id, _ = poll(session_factory, bluesky)
    assert outcome.ok and question in comments(session_factory, account_id)
    assert "cursor=" in bluesky.requests[2] and bluesky.calls(NOTIFICATIONS) == 2


def test_priority_notifications_hide_nothing(session_factory, bluesky):
    bluesky.priority_on = True  # the brand's own setting: only accounts it follows
    post = bluesky.post(BRAND, "Open mic tonight")
    question = bluesky.post(user(1), "what time?", reply_to=post)
    outcome, account_id, _ = poll(session_factory, bluesky)
    assert outcome.ok and question in comments(session_factory, account_id)
    assert "priority=false" in bluesky.requests[1]


def test_a_reply_written_on_a_slow_clock(session_factory, bluesky):
    post = bluesky.post(BRAND, "Tasting at noon")
    bluesky.post(user(1), "see you there", reply_to=post)
    _, account_id, _ = poll(session_factory, bluesky)
    slow = bluesky.post(user(2), "can I bring a friend?", reply_to=post,
                        created_at=bluesky.clock - timedelta(minutes=4))  # a phone's clock, slow
    assert poll(session_factory, bluesky)[0].ok and slow in comments(session_factory, account_id)


def test_a_burst_costs_one_thread_read_and_deep_replies_come_with_it(session_factory, bluesky):
    post = bluesky.post(BRAND, "Free samples")
    burst = [bluesky.post(user(n % 9), f"me! {n}", reply_to=post) for n in range(130)]
    deep, parent = [], burst[0]
    for level in range(2, 9):
        parent = bluesky.post(user(level % 2), f"level {level}", reply_to=parent)
        deep.append(parent)
    outcome, account_id, _ = poll(session_factory, bluesky)
    assert outcome.ok and set(burst) | set(deep) <= set(comments(session_factory, account_id))
    assert bluesky.calls("app.bsky.feed.getPostThread") == 1


def test_the_sweep_finds_deletions_and_replies_nobody_was_notified_of(session_factory, bluesky):
    post = bluesky.post(BRAND, "Which roast?")
    chain, parent = [], post
    for level in range(1, 6):
        parent = bluesky.post(user(level % 2), f"level {level}", reply_to=parent)
        chain.append(parent)
    outcome, account_id, _ = poll(session_factory, bluesky)
    assert outcome.ok and set(chain) <= set(comments(session_factory, account_id))
    deeper = bluesky.post(user(3), "level 6", reply_to=chain[-1])  # 6 levels below the brand: no notification
    bluesky.delete(chain[1])
    bluesky.requests.clear()
    assert poll(session_factory, bluesky)[0].ok and len(bluesky.requests) == 2  # not due yet: an idle poll
    with session_factory.begin() as session:  # the stored state of a poll SWEEP_SECONDS later
        state = session.get(SyncState, account_id)
        state.cursor = {**state.cursor, "swept": state.cursor["swept"] - SWEEP_SECONDS}
    bluesky.requests.clear()
    assert poll(session_factory, bluesky)[0].ok
    stored = comments(session_factory, account_id)
    assert stored[deeper].parent_external_id == chain[-1] and stored[chain[1]].deleted
    assert [path.split("?")[0].rpartition("/")[2] for path in bluesky.requests] == [  # in place of the feed
        NOTIFICATIONS, "app.bsky.feed.getPosts", "app.bsky.feed.getPostThread"]
    bluesky.requests.clear()
    assert poll(session_factory, bluesky)[0].ok and bluesky.calls("app.bsky.feed.getAuthorFeed") == 1


def test_replies_carry_facets(session_factory, bluesky):
    post = bluesky.post(BRAND, "Hello")
    question = bluesky.post(user(1), "hi?", reply_to=post)
    _, _, source = poll(session_factory, bluesky)
    record = next(r for page in source.fetch(None) for r in page.records if r.external_id == question)
    text = "Héllo @user1.bsky.social and @nobody.bsky.social: https://acme.example/a. #coffee"
    source.reply(record, text)
    raw = text.encode()
    assert [(raw[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode(), f["features"][0])
            for f in bluesky.created[-1]["record"]["facets"]] == [
        ("@user1.bsky.social", {"$type": "app.bsky.richtext.facet#mention", "did": user(1)["did"]}),
        ("https://acme.example/a", {"$type": "app.bsky.richtext.facet#link", "uri": "https://acme.example/a"}),
        ("#coffee", {"$type": "app.bsky.richtext.facet#tag", "tag": "coffee"}),
    ]


def test_a_new_process_refreshes_the_kept_session(session_factory, bluesky):
    bluesky.post(user(1), f"@{BRAND['handle']} first")
    _, account_id, _ = poll(session_factory, bluesky)
    kept = stored_cursor(session_factory, account_id)["session"]
    forget_token((bluesky.base_url, BRAND["handle"]))
    bluesky.requests.clear()
    assert poll(session_factory, bluesky)[0].ok
    assert bluesky.calls("com.atproto.server.createSession") == 0 and bluesky.calls(
        "com.atproto.server.refreshSession") == 1
    assert stored_cursor(session_factory, account_id)["session"]["refresh"] != kept["refresh"]

"""Mastodon end to end: a local server speaking Mastodon's wire format, the real poller, real databases."""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import select
from werkzeug import Request, Response

from bot.config import ConfigError, Settings
from bot.config_file import parse_accounts
from bot.db.models import Comment
from bot.engine.comment_text import read_comment
from bot.engine.ingest import ingest
from bot.service import poll_cycle
from bot.slack.terminal import TerminalNotifier
from bot.sources import build_source
from bot.sources.base import Page
from bot.sources.http import MAX_PAGES
from bot.sources.mastodon import PAGE_SIZE
from tests.support.fake_mastodon import BRAND, TOKEN, FakeMastodon, user
from tests.support import connectors
from tests.support.connectors import comments, paused_until, source_for, stored_cursor
from tests.support.records import reply_state


@pytest.fixture
def mastodon(httpserver):
    fake = FakeMastodon(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    return fake


def config(fake: FakeMastodon, name: str = "toots", token_var: str = "MASTODON_TOKEN", **extra):
    entry = {"name": name, "platform": "mastodon", "base_url": fake.base_url, "access_token_env": token_var, **extra}
    return parse_accounts({"accounts": [entry]}, "replynudge.toml", {"MASTODON_TOKEN": TOKEN, "BAD": "expired"})[0]


def poll(session_factory, fake, account=None):
    account = account or config(fake)
    source = source_for(account)
    source.http.clock = lambda: fake.clock  # the source's clock is the server's
    return connectors.poll(session_factory, account, source)


def test_first_sync_across_several_pages_then_incremental(session_factory, mastodon):
    posts = [mastodon.post(BRAND, f"New roast number {n} is out!") for n in range(3)]
    mentions = [mastodon.post(user(n % 7), f"How fresh is roast {n}?", reply_to=posts[n % 3]) for n in range(95)]
    outcome, account_id, _ = poll(session_factory, mastodon)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(mentions) <= set(stored) and not set(posts) & set(stored)  # the brand's posts are posts
    pages = [path for path in mastodon.requests if path.startswith("/api/v1/notifications")]
    assert len(pages) == 3 and f"limit={PAGE_SIZE}" in pages[-1]  # 40 + 40 + 15
    assert stored[mentions[0]].text == "@acme How fresh is roast 0?"  # the mention a Mastodon app puts in
    cursor = stored_cursor(session_factory, account_id)
    assert cursor["brand_id"] == BRAND["id"] and cursor["notifications_min_id"] == mastodon.notifications[-1]["id"]

    mastodon.requests.clear()
    outcome, _, _ = poll(session_factory, mastodon)
    assert outcome.ok and outcome.records == 0
    assert len(mastodon.requests) == 2  # an idle poll: one request per stream

    later = mastodon.post(user(3), "Is roast 2 good for espresso?", reply_to=posts[2])
    mastodon.requests.clear()
    outcome, _, _ = poll(session_factory, mastodon)
    assert outcome.ok and later in comments(session_factory, account_id)
    assert f"min_id={cursor['notifications_min_id']}" in mastodon.requests[0]


def test_thread_with_a_brand_reply_and_a_user_coming_back(session_factory, mastodon):
    post = mastodon.post(BRAND, "Our winter blend is here")
    question = mastodon.post(user(1), "@acme does it come decaf?", reply_to=post)
    other = mastodon.post(user(2), "@acme ships to Norway?", reply_to=post)
    outcome, account_id, source = poll(session_factory, mastodon)
    assert outcome.ok
    assert reply_state(session_factory, account_id) == {question: None, other: None}

    answer = mastodon.post(BRAND, "@user1 yes, from next week!", reply_to=question)  # written in a Mastodon app
    poll(session_factory, mastodon)
    assert reply_state(session_factory, account_id)[question] == answer

    back = mastodon.post(user(1), "@acme great, what about a sampler?", reply_to=answer)
    poll(session_factory, mastodon)
    assert reply_state(session_factory, account_id) == {question: answer, other: None, back: None}  # a new turn

    # replying from Slack: reply() posts, and its record is ingested like any page
    record = next(r for page in source.fetch(None) for r in page.records if r.external_id == back)
    assert record.parent_id == answer
    posted = source.reply(record, "Yes, the sampler has all four.")
    assert posted.is_brand and posted.parent_id == back and posted.author_handle == "acme"
    assert posted.post_id == post and posted.text == "@user1@example.social Yes, the sampler has all four."
    again = source.reply(record, "Yes, the sampler has all four.")  # a retried click: same Idempotency-Key
    assert again.external_id == posted.external_id
    with session_factory.begin() as session:
        ingest(session, account_id, Page([posted], None))
    assert reply_state(session_factory, account_id)[back] == posted.external_id


def test_edited_and_deleted_statuses(session_factory, mastodon):
    # Mastodon notifies an edit only to accounts that boosted the status: the brand did not, so no `update` comes
    post = mastodon.post(BRAND, "Ask us anything")
    typo = mastodon.post(user(1), "@acme wat grind for aeropress?", reply_to=post)
    _, account_id, _ = poll(session_factory, mastodon)
    assert comments(session_factory, account_id)[typo].updated_at is None
    mastodon.edit(typo, "@acme what grind for AeroPress?")
    doomed = mastodon.post(user(2), "@acme you are the worst", reply_to=post)
    # deleted between the notification list and the thread read: the context answers 404
    mastodon.fail_next(f"statuses/{doomed}/context", Response('{"error":"Record not found"}', status=404))
    assert not any(n["type"] == "update" for n in mastodon.notifications)
    mastodon.requests.clear()
    for _ in range(2):  # every other poll reads the watched statuses again
        outcome, _, _ = poll(session_factory, mastodon)
        assert outcome.ok, outcome.describe()
    assert sum(path.startswith("/api/v1/statuses?") for path in mastodon.requests) == 1
    stored = comments(session_factory, account_id)
    assert stored[typo].text == "@acme what grind for AeroPress?" and stored[typo].updated_at is not None
    assert stored[doomed].deleted and not stored[typo].deleted

    mastodon.requests.clear()
    for _ in range(2):
        outcome, _, _ = poll(session_factory, mastodon)
        assert outcome.ok and outcome.records == 0  # the edit is reported once
    assert len(mastodon.requests) == 4  # idle: two requests a poll


def test_the_first_sync_reads_notifications_back_to_recent_days_not_the_whole_history(session_factory, mastodon):
    post = mastodon.post(BRAND, "Ask us anything")
    old = [mastodon.post(user(n % 5), f"@acme question {n}?", reply_to=post) for n in range(60)]
    mastodon.clock += timedelta(days=31)  # recent_days is 30
    recent = [mastodon.post(user(n % 5), f"@acme new question {n}?", reply_to=post) for n in range(3)]
    mastodon.requests.clear()
    outcome, account_id, _ = poll(session_factory, mastodon)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(recent) <= set(stored) and not set(old) & set(stored)
    assert sum(path.startswith("/api/v1/notifications") for path in mastodon.requests) == 1  # one page, not 2
    assert stored_cursor(session_factory, account_id)["notifications_min_id"] == mastodon.notifications[-1]["id"]
    later = mastodon.post(user(1), "@acme and now?", reply_to=post)
    outcome, _, _ = poll(session_factory, mastodon)
    assert outcome.ok and later in comments(session_factory, account_id)


def test_quotes_and_mentions_a_notification_policy_filtered_are_read(session_factory, mastodon):
    post = mastodon.post(BRAND, "Our winter blend is here")
    quoted = mastodon.post(user(1), "Is this any good, friends?", quote=post)  # Mastodon 4.5 quote
    newcomer = mastodon.post(user(2), "@acme first time here, decaf?", reply_to=post, filtered=True)
    outcome, account_id, _ = poll(session_factory, mastodon)
    assert outcome.ok, outcome.describe()
    assert {quoted, newcomer} <= set(comments(session_factory, account_id))
    assert all("include_filtered=true" in path for path in mastodon.requests if "notifications" in path)


def test_a_mention_in_markup_stays_one_word_and_a_script_is_not_text(session_factory, mastodon):
    """Mastodon marks a mention up as "@<span>user2</span>" inside a link: the stored text and what the scorer and
    the suggester read of the status's HTML are the same plain text, with no space inside the mention and nothing
    of the script."""
    post = mastodon.post(BRAND, "The winter roast is back")
    mention = ('<span class="h-card"><a href="https://example.social/@user2" class="u-url mention">'
               "@<span>user2</span></a></span>")
    question = mastodon.post(user(1), f"{mention} is it back in the shop too?<script>alert(1)</script>", reply_to=post)
    outcome, account_id, _ = poll(session_factory, mastodon)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)[question].text
    assert stored == "@acme @user2 is it back in the shop too?"
    assert read_comment(mastodon.statuses[question]["content"]).plain == stored
    assert read_comment(stored).plain == stored


def test_a_reply_keeps_the_content_warning_and_mentions_everyone_in_the_conversation(session_factory, mastodon):
    post = mastodon.post(BRAND, "Tell us about your mornings")
    friend = mastodon.post(user(2), "Mine start at 5")
    question = mastodon.post(user(1), "@acme @user2@example.social which beans for a 5 am brew?", reply_to=post,
                             spoiler_text="early mornings")
    outcome, account_id, source = poll(session_factory, mastodon)
    assert outcome.ok, outcome.describe() and friend
    record = connectors.fetched(source, question)
    posted = source.reply(record, "Our Sunrise blend.")
    status = mastodon.statuses[posted.external_id]
    assert status["spoiler_text"] == "early mornings"
    assert status["content"] == "<p>@user1@example.social @user2@example.social Our Sunrise blend.</p>"
    assert {m["acct"] for m in status["mentions"]} == {"user1@example.social", "user2@example.social"}


def test_rate_limited_with_reset_headers(session_factory, mastodon):
    mastodon.post(user(1), "@acme hello")
    mastodon.fail_next("notifications", Response(
        '{"error":"Too many requests"}', status=429, content_type="application/json",
        headers={"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                 "X-RateLimit-Reset": "2030-01-01T00:05:00.000Z"},
    ))
    outcome, account_id, _ = poll(session_factory, mastodon)
    assert outcome.error_kind == "rate_limited" and "Too many requests" in outcome.error
    assert paused_until(session_factory, account_id).isoformat().startswith("2030-01-01T00:05")


def test_5xx_then_success(session_factory, mastodon):
    asked = mastodon.post(user(1), "@acme hello there")
    mastodon.fail_next("notifications", Response("<h1>502 Bad Gateway</h1>", status=502))
    mastodon.fail_next("notifications", Response("busy", status=503))
    outcome, account_id, _ = poll(session_factory, mastodon)
    assert outcome.ok and asked in comments(session_factory, account_id)


def test_malformed_json_is_a_temporary_error_with_the_url(session_factory, mastodon):
    mastodon.fail_next("notifications", Response("<html>Mastodon is down for maintenance</html>", status=200))
    outcome, _, _ = poll(session_factory, mastodon)
    assert outcome.error_kind == "temporary"
    assert re.search(r"GET http://localhost:\d+/api/v1/notifications\?.*did not answer JSON", outcome.error)
    mastodon.fail_next("notifications", Response('[{"id": "99", "type": "mention", "status": {"id": "5"}}]',
                                                  content_type="application/json"))
    outcome, _, _ = poll(session_factory, mastodon)
    assert outcome.error_kind == "temporary" and "unexpected response shape" in outcome.error


def test_expired_credentials_pause_one_account_alert_once_and_others_keep_polling(session_factory, mastodon):
    good, bad = config(mastodon, "toots"), config(mastodon, "old-toots", token_var="BAD")
    settings = Settings(accounts=(good, bad))
    out = io.StringIO()
    mastodon.post(user(1), "@acme first question")
    outcomes = {o.account: o for o in poll_cycle(settings, session_factory, TerminalNotifier(out))}
    assert outcomes["toots"].ok and outcomes["toots"].records == 1
    assert outcomes["old-toots"].error_kind == "auth"
    assert "expired" not in outcomes["old-toots"].error and TOKEN not in outcomes["old-toots"].error
    assert "The access token is invalid" in outcomes["old-toots"].error
    assert "access_token_env" in outcomes["old-toots"].error  # says how to fix it
    assert out.getvalue().count("stopped polling *old-toots*") == 1

    mastodon.post(user(2), "@acme second question")
    outcomes = {o.account: o for o in poll_cycle(settings, session_factory, TerminalNotifier(out))}
    assert outcomes["toots"].ok and outcomes["toots"].records == 1
    assert outcomes["old-toots"].skipped_until is not None
    assert out.getvalue().count("stopped polling *old-toots*") == 1  # told once, not every poll


def test_check_names_the_brand(mastodon):
    source = source_for(config(mastodon))
    assert source.check() == f"@acme on {mastodon.base_url}"
    assert source.headroom().limit == 300


def test_config_keys_are_validated(mastodon):
    with pytest.raises(ConfigError, match=r"accounts\[toots\]\.base_uri: unknown key for platform 'mastodon'"):
        config(mastodon, base_uri="https://x")
    entry = {"name": "t", "platform": "mastodon", "access_token_env": "MASTODON_TOKEN"}
    account = parse_accounts({"accounts": [entry]}, "f.toml", {"MASTODON_TOKEN": TOKEN})[0]
    with pytest.raises(ConfigError, match=r"accounts\[t\]\.base_url is required"):
        build_source(account)


def test_a_direct_message_to_the_brand_is_stored_private(session_factory, mastodon):
    post = mastodon.post(BRAND, "Our winter blend is here")
    public = mastodon.post(user(1), "@acme does it come decaf?", reply_to=post)
    direct = mastodon.post(user(2), "@acme my order number is 4411, it never came", visibility="direct")
    followers = mastodon.post(user(3), "@acme any news on the sampler?", visibility="private")
    outcome, account_id, _ = poll(session_factory, mastodon)
    assert outcome.ok
    with session_factory() as session:
        private = dict(session.execute(select(Comment.external_id, Comment.private)
                                       .where(Comment.account_id == account_id)).all())
    assert private[direct] is True and private[followers] is True and private[public] is False


class EndlessNotifications:
    """In front of a FakeMastodon: the notifications never end, newest first or forward from a `min_id`; every page
    is full and its Link header names the next, each notification a mention in the same status (so its thread is
    read once). `on` False: the fake's own notifications."""

    def __init__(self, fake: FakeMastodon, status_id: str, on: bool = True):
        self.fake, self.status_id, self.on, self.pages = fake, status_id, on, 0

    def __call__(self, request: Request) -> Response:
        if not self.on or request.path != "/api/v1/notifications":
            return self.fake(request)
        self.fake.requests.append(request.full_path)
        self.pages += 1
        if "min_id" in request.args:
            ids = range(int(request.args["min_id"]) + PAGE_SIZE, int(request.args["min_id"]), -1)
        else:
            top = int(request.args.get("max_id", 10**9))
            ids = range(top - 1, top - 1 - PAGE_SIZE, -1)
        status = self.fake.statuses[self.status_id]
        items = [{"id": str(n), "type": "mention", "created_at": status["created_at"], "account": status["account"],
                  "status": status} for n in ids]
        link = f"{self.fake.base_url}{request.path}?types[]=mention"
        headers = {"Link": f'<{link}&max_id={items[-1]["id"]}>; rel="next", <{link}&min_id={items[0]["id"]}>; rel="prev"'}
        return Response(json.dumps(items), headers=headers, content_type="application/json")


def serve(httpserver, handler):
    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)


def test_a_first_sync_that_never_reaches_recent_days_fails_after_the_page_cap_and_says_so(session_factory, httpserver):
    fake = FakeMastodon(base_url=httpserver.url_for("").rstrip("/"))
    mention = fake.post(user(1), "@acme is the shop open today?")
    endless = EndlessNotifications(fake, mention)
    serve(httpserver, endless)
    outcome, account_id, _ = poll(session_factory, fake)
    assert not outcome.ok and outcome.error_kind == "temporary"
    assert f"{MAX_PAGES} pages read without reaching 30 days back" in outcome.error
    assert "accounts[toots].recent_days reads less" in outcome.error  # what the brand can do about it
    assert endless.pages == MAX_PAGES
    assert mention in comments(session_factory, account_id)  # what was read is kept
    assert "notifications_min_id" not in (stored_cursor(session_factory, account_id) or {})  # not taken as read


def test_new_notifications_that_never_end_stop_at_the_page_cap_and_the_next_poll_goes_on(session_factory, httpserver):
    fake = FakeMastodon(base_url=httpserver.url_for("").rstrip("/"))
    mention = fake.post(user(1), "@acme is the shop open today?")
    endless = EndlessNotifications(fake, mention, on=False)
    serve(httpserver, endless)
    outcome, account_id, _ = poll(session_factory, fake)
    assert outcome.ok, outcome.describe()
    start = int(stored_cursor(session_factory, account_id)["notifications_min_id"])

    endless.on = True  # each page is stored with the min_id after it: nothing is skipped by stopping
    outcome, _, _ = poll(session_factory, fake)
    assert outcome.ok, outcome.describe()
    assert endless.pages == MAX_PAGES
    resumed = stored_cursor(session_factory, account_id)["notifications_min_id"]
    assert resumed == str(start + MAX_PAGES * PAGE_SIZE)

    fake.requests.clear()
    poll(session_factory, fake)
    assert f"min_id={resumed}" in next(path for path in fake.requests if path.startswith("/api/v1/notifications"))

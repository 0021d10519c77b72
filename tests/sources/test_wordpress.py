"""WordPress end to end: a local server speaking the REST API's comment routes, the real poller, real databases."""

from __future__ import annotations

import io
import re
from datetime import UTC, timedelta

import pytest
from werkzeug import Response

from bot.config import ConfigError, Settings
from bot.config_file import parse_accounts
from bot.db.queries import unanswered
from bot.engine.ingest import ingest
from bot.service import poll_cycle
from bot.slack.terminal import TerminalNotifier
from bot.sources.base import Page
from bot.sources.wordpress import endpoint
from tests.support import connectors
from tests.support.connectors import comments, paused_until, source_for, stored_cursor
from tests.support.fake_wordpress import APP_PASSWORD, BRAND_ID, USER, FakeWordPress
from tests.support.records import reply_state


@pytest.fixture(params=["pretty", "plain"])
def wordpress(request, httpserver):
    fake = FakeWordPress(base_url=httpserver.url_for("").rstrip("/"), pretty=request.param == "pretty")
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    return fake


def config(fake: FakeWordPress, name: str = "blog", password_var: str = "WP_APP_PASSWORD", **extra):
    entry = {"name": name, "platform": "wordpress", "url": fake.base_url + "/", "username": USER,
             "app_password_env": password_var, **extra}
    environ = {"WP_APP_PASSWORD": APP_PASSWORD, "OLD": "revoked password"}
    return parse_accounts({"accounts": [entry]}, "replynudge.toml", environ)[0]


def poll(session_factory, fake, account=None):
    return connectors.poll(session_factory, account or config(fake))


def test_first_sync_across_several_pages_then_incremental(session_factory, wordpress):
    first = [wordpress.add(f"Reader {n % 9}", f"Question {n} &amp; more?", post=4 if n % 2 else 9) for n in range(230)]
    outcome, account_id, _ = poll(session_factory, wordpress)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(stored) == {str(n) for n in first}
    assert stored["1"].text == "Question 0 & more?"
    listing = [path for path in wordpress.requests if "comments" in path and "order=asc" in path]
    assert len(listing) == 3 and all("per_page=100" in path for path in listing)  # 100 + 100 + 30
    cursor = stored_cursor(session_factory, account_id)
    assert cursor["brand_ids"] == [BRAND_ID] and cursor["after_id"] == first[-1]
    assert ("wp-json" in cursor["api_root"]) == wordpress.pretty

    wordpress.requests.clear()
    outcome, _, _ = poll(session_factory, wordpress)
    assert outcome.ok and outcome.records == 0 and len(wordpress.requests) == 2  # idle: new + recheck

    late = wordpress.add("Reader 1", "One more?")
    same_second = wordpress.add("Reader 2", "And me?", same_second=True)
    outcome, _, _ = poll(session_factory, wordpress)
    assert outcome.ok and {str(late), str(same_second)} <= set(comments(session_factory, account_id))
    assert outcome.records == 2  # nothing read twice
    third = wordpress.add("Reader 3", "Same second as the last one?", same_second=True)
    outcome, _, _ = poll(session_factory, wordpress)
    assert outcome.records == 1 and str(third) in comments(session_factory, account_id)


def test_thread_with_a_brand_reply_and_a_user_coming_back(session_factory, wordpress):
    question = wordpress.add("Priya", "Which grind for a moka pot?<br />\nAnd how fine?")
    other = wordpress.add("Tom", "Love this post")
    answer = wordpress.add("Acme Coffee", "Fine, like table salt.", parent=question, author=BRAND_ID)
    outcome, account_id, source = poll(session_factory, wordpress)
    assert outcome.ok
    stored = comments(session_factory, account_id)
    assert stored[str(question)].text == "Which grind for a moka pot?\nAnd how fine?"
    assert stored[str(answer)].is_brand and not stored[str(question)].is_brand
    assert reply_state(session_factory, account_id) == {str(question): str(answer), str(other): None}

    back = wordpress.add("Priya", "Thanks! Does it work for espresso too?", parent=answer)
    poll(session_factory, wordpress)
    assert reply_state(session_factory, account_id)[str(back)] is None  # the user's new turn waits

    record = next(r for page in source.fetch(None) for r in page.records if r.external_id == str(back))
    posted = source.reply(record, "Yes, a little finer.")
    assert posted.is_brand and posted.parent_id == str(back) and posted.post_id == "4"
    assert posted.author_handle == USER and posted.text == "Yes, a little finer."
    assert wordpress.comments[int(posted.external_id)]["author"] == BRAND_ID
    with session_factory.begin() as session:
        ingest(session, account_id, Page([posted], None))
    assert reply_state(session_factory, account_id)[str(back)] == posted.external_id
    outcome, _, _ = poll(session_factory, wordpress)  # the reply comes back through the API: nothing changes
    assert outcome.ok and reply_state(session_factory, account_id)[str(back)] == posted.external_id


def test_edited_and_deleted_comments(session_factory, wordpress):
    typo = wordpress.add("Priya", "Wich grind?")
    spam = wordpress.add("Bot", "Cheap watches")
    trashed = wordpress.add("Sam", "Rude words")
    gone = wordpress.add("Kim", "Deleted for good")
    _, account_id, _ = poll(session_factory, wordpress)
    wordpress.comments[typo]["content"]["rendered"] = "<p>Which grind?</p>\n"  # a moderator's edit
    wordpress.comments[spam]["status"] = "spam"
    wordpress.comments[trashed]["status"] = "trash"
    del wordpress.comments[gone]
    outcome, _, _ = poll(session_factory, wordpress)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert stored[str(typo)].text == "Which grind?" and stored[str(typo)].updated_at is not None
    assert stored[str(spam)].deleted and stored[str(trashed)].deleted and stored[str(gone)].deleted
    assert stored[str(trashed)].text == "Rude words" and not stored[str(typo)].deleted
    outcome, _, _ = poll(session_factory, wordpress)
    assert outcome.records == 0  # each change is reported once


def test_held_comments_are_stored_as_held_and_approved_late_ones_are_not_missed(session_factory, wordpress):
    # 105 comments in a burst, the 11 oldest held for approval (first-time commenters): approved after the
    # watermark and the 100-comment recheck window have moved past them.
    burst = [wordpress.add(f"Reader {n}", f"Question {n}?", status="hold" if n < 11 else "approved")
             for n in range(105)]
    outcome, account_id, _ = poll(session_factory, wordpress)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(stored) == {str(n) for n in burst}
    assert {key for key, row in stored.items() if row.held} == {str(n) for n in burst[:11]}
    assert all(not row.deleted for row in stored.values())
    with session_factory() as session:
        waiting = {item.external_id: item for item in unanswered(
            session, now=wordpress.clock.replace(tzinfo=UTC) + timedelta(days=1), include_all=True).items}
    assert waiting[str(burst[0])].held and not waiting[str(burst[20])].held  # held people wait too

    wordpress.requests.clear()
    outcome, _, _ = poll(session_factory, wordpress)  # held ones behind the window are read again by id
    assert outcome.ok and outcome.records == 0 and len(wordpress.requests) == 2  # in turn with the recheck
    assert "include=1%2C2%2C3%2C4%2C5&" in wordpress.requests[-1]
    for n in range(10):
        wordpress.comments[burst[n]]["status"] = "approved"
    wordpress.comments[burst[10]]["status"] = "spam"
    outcome, _, _ = poll(session_factory, wordpress)  # the recheck: the window's approvals and the spam
    assert outcome.ok, outcome.describe()
    assert {key for key, row in comments(session_factory, account_id).items() if row.held} == {
        str(n) for n in burst[:4]}  # behind the window (the spammed one left it, so burst[4] came in): their turn
    outcome, _, _ = poll(session_factory, wordpress)  # the held ones' turn: approved behind the window
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert not any(row.held for row in stored.values()) and stored[str(burst[10])].deleted
    assert [key for key, row in stored.items() if row.deleted] == [str(burst[10])]
    assert all(stored[str(n)].updated_at is None for n in burst[:10])  # approved, not edited
    wordpress.requests.clear()
    outcome, _, _ = poll(session_factory, wordpress)
    assert outcome.ok and outcome.records == 0 and len(wordpress.requests) == 2  # idle again: new + recheck


def test_a_brand_user_who_cannot_see_the_queue_reads_approved_comments(session_factory, wordpress):
    wordpress.edits_posts = False
    wordpress.add("Priya", "Held?", status="hold")
    shown = wordpress.add("Tom", "Shown")
    outcome, account_id, _ = poll(session_factory, wordpress)
    assert outcome.ok, outcome.describe()
    assert set(comments(session_factory, account_id)) == {str(shown)}
    assert not any("status=" in path for path in wordpress.requests)


def test_rate_limited_with_reset_headers(session_factory, wordpress):
    wordpress.fail_next("wp/v2/comments", Response("Too Many Requests", status=429, headers={"Retry-After": "600"}))
    outcome, account_id, _ = poll(session_factory, wordpress)
    assert outcome.error_kind == "rate_limited"
    assert paused_until(session_factory, account_id) is not None


def test_5xx_then_success(session_factory, wordpress):
    asked = wordpress.add("Priya", "Hello?")
    wordpress.fail_next("wp/v2/comments", Response("<h1>Error establishing a database connection</h1>", status=500))
    wordpress.fail_next("wp/v2/comments", Response("Bad gateway", status=502))
    outcome, account_id, _ = poll(session_factory, wordpress)
    assert outcome.ok and str(asked) in comments(session_factory, account_id)


def test_malformed_json_is_a_temporary_error_with_the_url(session_factory, wordpress):
    wordpress.fail_next("wp/v2/comments", Response("<br />\n<b>Fatal error</b>: Allowed memory size", status=200))
    outcome, _, _ = poll(session_factory, wordpress)
    assert outcome.error_kind == "temporary" and "did not answer JSON" in outcome.error
    assert "comments" in outcome.error and APP_PASSWORD not in outcome.error


def test_expired_credentials_pause_one_account_alert_once_and_others_keep_polling(session_factory, wordpress):
    settings = Settings(accounts=(config(wordpress), config(wordpress, "old-blog", password_var="OLD")))
    out = io.StringIO()
    wordpress.add("Priya", "First?")
    outcomes = {o.account: o for o in poll_cycle(settings, session_factory, TerminalNotifier(out))}
    assert outcomes["blog"].ok and outcomes["blog"].records == 1
    assert outcomes["old-blog"].error_kind == "auth"
    assert "invalid application password" in outcomes["old-blog"].error
    assert "revoked password" not in outcomes["old-blog"].error and "Application Password" in outcomes["old-blog"].error
    wordpress.add("Tom", "Second?")
    outcomes = {o.account: o for o in poll_cycle(settings, session_factory, TerminalNotifier(out))}
    assert outcomes["blog"].ok and outcomes["blog"].records == 1 and outcomes["old-blog"].skipped_until
    assert out.getvalue().count("stopped polling *old-blog*") == 1


def test_check_and_api_root_forms(wordpress):
    source = source_for(config(wordpress))
    assert source.check() == f"Acme Coffee (user {BRAND_ID}) on {wordpress.base_url}/; sees the moderation queue"
    wordpress.edits_posts = False
    assert source.check().endswith("; cannot see (needs a role of Author or above) the moderation queue")
    assert endpoint("https://b.example/wp-json/", "wp/v2/comments") == "https://b.example/wp-json/wp/v2/comments"
    assert endpoint("https://b.example/?rest_route=/", "wp/v2/comments") == "https://b.example/?rest_route=%2Fwp%2Fv2%2Fcomments"


def test_config_keys_are_validated(wordpress):
    with pytest.raises(ConfigError, match=r"accounts\[blog\]\.password: unknown key for platform 'wordpress'"):
        config(wordpress, password="in the file")

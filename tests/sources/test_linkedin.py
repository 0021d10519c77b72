"""LinkedIn end to end: a local REST API speaking LinkedIn's versioned wire format, the real poller, real databases."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from werkzeug import Response

from bot.config import ConfigError
from bot.config_file import parse_accounts
from bot.sources import build_source
from tests.support import connectors
from tests.support.connectors import comments, fetched, paused_until, store_reply, stored_cursor
from tests.support.fake_linkedin import ORGANIZATION, T0, TOKEN, FakeLinkedIn, error, member
from tests.support.records import reply_state


@pytest.fixture
def linkedin(httpserver):
    fake = FakeLinkedIn()
    fake.url = fake.install(httpserver)
    return fake


def config(fake: FakeLinkedIn, name: str = "company", **keys):
    entry = {"name": name, "platform": "linkedin", "organization_id": "2414183", "access_token_env": "LI_TOKEN",
             "api_url": fake.url, **keys}
    return parse_accounts({"accounts": [entry]}, "replynudge.toml", {"LI_TOKEN": TOKEN, "BAD": "AQXrevoked"})[0]


def poll(session_factory, fake, source=None, **keys):
    return connectors.poll(session_factory, config(fake, **keys), source)


def test_first_sync_over_several_pages_then_idle_and_incremental(session_factory, linkedin):
    busy = linkedin.post("We're hiring baristas in Leeds")
    quiet = linkedin.post("Our new roastery in pictures")
    asked = [linkedin.comment(busy, member(n % 13), f"Is role {n} part-time?") for n in range(150)]
    replies = [linkedin.comment(busy, member(n), f"Following, {n}", reply_to=asked[0]) for n in range(3)]
    outcome, account_id, source = poll(session_factory, linkedin)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(asked) | set(replies) == set(stored)
    assert all(stored[r].parent_external_id == asked[0] for r in replies)
    pages = [query for method, path, query in linkedin.requests if path == f"/rest/socialActions/{busy}/comments"]
    assert len(pages) == 2 and "start=100" in pages[1]  # 100 + 50
    assert f"/rest/socialActions/{asked[0]}/comments" in linkedin.paths()  # it has replies: they are read
    assert f"/rest/socialActions/{quiet}/comments" not in linkedin.paths()  # no comments: not read
    assert set(stored_cursor(session_factory, account_id)["posts"]) == {busy, quiet}

    linkedin.requests.clear()
    outcome, _, _ = poll(session_factory, linkedin, source)
    assert outcome.ok and outcome.records == 0
    assert linkedin.paths() == ["/rest/posts", "/rest/socialMetadata"]  # an idle poll is two requests
    assert "ids=List(urn%3Ali%3Ashare%3A" in linkedin.requests[1][2]

    later = linkedin.comment(quiet, member(7), "Can we visit?")
    outcome, _, _ = poll(session_factory, linkedin, source)
    assert outcome.ok and outcome.records == 1 and later in comments(session_factory, account_id)

    reply = linkedin.comment(busy, member(8), "Me too", reply_to=asked[0])
    linkedin.requests.clear()
    outcome, _, _ = poll(session_factory, linkedin, source)
    assert outcome.ok and outcome.records == 1 and reply in comments(session_factory, account_id)
    # the post's comments are read again, but only the replies of the comment whose reply count moved
    assert [p for p in linkedin.paths() if "urn:li:comment" in p] == [f"/rest/socialActions/{asked[0]}/comments"]


def test_flat_thread_with_organization_reply_returning_member_and_reply_from_slack(session_factory, linkedin):
    post = linkedin.post("Ten years of Acme Coffee")
    question = linkedin.comment(post, member(1), "Will there be a party?")
    other = linkedin.comment(post, member(2), "Congratulations!", reply_to=question)
    outcome, account_id, source = poll(session_factory, linkedin)
    assert outcome.ok
    assert reply_state(session_factory, account_id) == {question: None, other: None}

    answer = linkedin.comment(post, ORGANIZATION, "Yes, on Friday!", reply_to=question)  # typed on LinkedIn
    poll(session_factory, linkedin, source)
    assert reply_state(session_factory, account_id) == {question: answer, other: answer}  # flat: both answered
    assert comments(session_factory, account_id)[answer].is_brand

    back = linkedin.comment(post, member(1), "Where exactly?", reply_to=answer)
    poll(session_factory, linkedin, source)
    assert reply_state(session_factory, account_id)[back] is None
    assert comments(session_factory, account_id)[back].parent_external_id == question

    record = fetched(source, back)
    posted = source.reply(record, "At the Leeds roastery, 6pm.")
    method, path, _ = linkedin.requests[-1]
    assert (method, path) == ("POST", f"/rest/socialActions/{question}/comments")  # to the top-level comment
    assert posted.is_brand and posted.author_id == ORGANIZATION and posted.parent_id == question
    assert posted.external_id in linkedin.comments and posted.post_id == post
    store_reply(session_factory, account_id, source, posted)
    assert reply_state(session_factory, account_id)[back] == posted.external_id


def test_daily_limit_waits_until_midnight_utc(session_factory, linkedin):
    linkedin.post("Hello")
    linkedin.fail_next("/rest/posts", error(429, "TOO_MANY_REQUESTS", "Resource level throttle APPLICATION DAY limit "
                                                                      "for calls to this resource is reached."))
    outcome, account_id, _ = poll(session_factory, linkedin)
    assert outcome.error_kind == "rate_limited" and "midnight UTC" in outcome.error
    resumes = paused_until(session_factory, account_id).replace(tzinfo=timezone.utc)
    assert (resumes.hour, resumes.minute) == (0, 0) and resumes > datetime.now(timezone.utc)


def test_revoked_token_is_an_auth_error_and_other_errors_are_temporary(session_factory, linkedin):
    post = linkedin.post("Hello")
    linkedin.comment(post, member(1), "Hi!")
    outcome, _, _ = poll(session_factory, linkedin, access_token_env="BAD")
    assert outcome.error_kind == "auth" and "Invalid access token" in outcome.error
    assert "access_token_env" in outcome.error and "AQXrevoked" not in outcome.error

    linkedin.fail_next("socialActions", error(500, "INTERNAL_SERVER_ERROR", "Internal Server Error"))
    outcome, account_id, _ = poll(session_factory, linkedin, name="other")
    assert outcome.ok and outcome.records == 1  # retried

    linkedin.fail_next("socialActions", Response('{"elements": [{"actor": "urn:li:person:x"}]}',
                                                 content_type="application/json"))
    outcome, _, _ = poll(session_factory, linkedin, name="third")
    assert outcome.error_kind == "temporary" and "unexpected response shape" in outcome.error
    assert "socialActions" in outcome.error


def test_every_call_names_its_rest_li_method_as_linkedins_own_client_does(session_factory, linkedin):
    post = linkedin.post("Hello")
    linkedin.comment(post, member(1), "Hi!", reply_to=linkedin.comment(post, member(2), "First"))
    outcome, account_id, source = poll(session_factory, linkedin)
    assert outcome.ok
    record = next(r for r in comments(session_factory, account_id).values() if r.text == "First")
    source.reply(fetched(source, record.external_id), "Thanks!")
    sent = {(method, path.rsplit("/", 2)[-1] if "socialActions" in path else path): restli
            for (method, path, _), restli in zip(linkedin.requests, linkedin.restli_methods)}
    assert sent == {("GET", "/rest/posts"): "finder", ("GET", "/rest/socialMetadata"): "batch_get",
                    ("GET", "comments"): "get_all", ("POST", "comments"): "create"}


def test_versioned_headers_check_and_config_keys(linkedin):
    source = build_source(config(linkedin))
    assert source.check() == f"{ORGANIZATION}: its posts are readable"
    with pytest.raises(Exception, match="VERSION_MISSING|version must be present"):
        source.http.session.headers.pop("LinkedIn-Version")
        source.check()
    with pytest.raises(ConfigError, match=r"accounts\[company\]\.organization_id: must be the organization's number"):
        build_source(config(linkedin, organization_id="acme"))
    with pytest.raises(ConfigError, match=r"accounts\[company\]\.api_version: must be a LinkedIn API version"):
        build_source(config(linkedin, api_version="2026-10"))
    with pytest.raises(ConfigError, match=r"accounts\[company\]\.org_id: unknown key for platform 'linkedin'"):
        config(linkedin, org_id="1")


def test_recency_window_leaves_old_posts_out(session_factory, linkedin):
    old = linkedin.post("Last year", created_ms=T0 - 400 * 86_400_000)
    linkedin.comment(old, member(1), "Old question")
    new = linkedin.post("This week")
    linkedin.comment(new, member(2), "New question")
    outcome, account_id, _ = poll(session_factory, linkedin)
    assert outcome.ok and outcome.records == 1
    assert set(stored_cursor(session_factory, account_id)["posts"]) == {new}

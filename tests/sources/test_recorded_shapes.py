"""Contract tests: real recorded responses (tests/fixtures/, origins in its README), served as recorded by the
local fakes, read by the connectors. Where the fakes' own answers and a real one differ, these fail."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from werkzeug import Response

from bot.config_file import parse_accounts
from bot.sources import build_source
from bot.sources.base import CommentRecord, parse_time
from bot.sources.youtube import YouTubeSource
from tests.support import fake_meta
from tests.support.connectors import source_for
from tests.support.fake_mastodon import TOKEN, FakeMastodon
from tests.support.fake_reddit import FakeReddit
from tests.support.fake_youtube import FakeYouTube
from tests.support.records import account_config

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def recorded(name: str) -> Response:
    return Response((FIXTURES / name).read_text(), content_type="application/json; charset=utf-8")


def body(name: str):
    return json.loads((FIXTURES / name).read_text())


@pytest.fixture
def mastodon(httpserver):
    fake = FakeMastodon(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    return fake


def mastodon_source(fake: FakeMastodon):
    entry = {"name": "toots", "platform": "mastodon", "base_url": fake.base_url, "access_token_env": "TOKEN"}
    return source_for(parse_accounts({"accounts": [entry]}, "replynudge.toml", {"TOKEN": TOKEN})[0])


def test_mastodon_a_recorded_mention_its_context_and_a_recorded_reply(mastodon):
    notification = body("mastodon/notifications_follow_mention.json")[0]
    mastodon.fail_next("verify_credentials", recorded("mastodon/verify_credentials.json"))
    assert mastodon_source(mastodon).check() == f"@mastodonpy_test on {mastodon.base_url}"
    mastodon.fail_next("/api/v1/notifications", recorded("mastodon/notifications_follow_mention.json"))
    mastodon.fail_next("/context", recorded("mastodon/status_context.json"))
    source = mastodon_source(mastodon)
    recorded_at = parse_time(notification["created_at"], "created_at")
    source.http.clock = lambda: recorded_at + timedelta(hours=1)  # the clock of the recording
    # the recording's user (mentioned in the status) is the brand, as the first poll's verify_credentials says
    brand_id = notification["status"]["mentions"][0]["id"]
    records = [record for page in source.fetch({"brand_id": brand_id}) for record in page.records]
    [mention] = records
    status = notification["status"]
    assert (mention.external_id, mention.post_id, mention.parent_id) == (status["id"], status["id"], None)
    assert (mention.author_id, mention.author_name, mention.author_handle) == (
        status["account"]["id"], "admin", "admin")  # an empty display_name falls back to the username
    assert mention.text == "@mastodonpy_test hello!" and not mention.is_brand
    assert mention.created_at == parse_time(status["created_at"], "created_at") and mention.url == status["url"]
    assert mention.extra == {"visibility": "public"}  # it mentions only the brand

    reply = body("mastodon/status_reply.json")
    mastodon.fail_next("/api/v1/statuses", recorded("mastodon/status_reply.json"))
    posted = source.reply(mention, "same!")
    assert posted.external_id == reply["id"] and posted.is_brand
    assert posted.text == "@mastodonpy_test_2 same!" and posted.parent_id == mention.external_id
    assert posted.extra == {"visibility": "public", "mentions": ["mastodonpy_test_2"]}


def test_reddit_a_recorded_reply_is_read_as_the_brands_comment(httpserver):
    fake = FakeReddit(brand="<USERNAME>")  # the recording's user name, as PRAW's cassettes sanitize it
    fake.url = fake.install(httpserver)
    source = build_source(account_config(
        "rd", platform="reddit",
        options={"username": fake.brand, "client_id": fake.client_id, "api_url": fake.url, "auth_url": fake.url},
        secrets={"client_secret": fake.client_secret, "password": fake.password},
    ))
    source._call("GET", "/api/v1/me", params={"raw_json": 1})  # the token is in hand: next comes the recording
    fake.failures.append(recorded("reddit/api_comment_reply.json"))
    asked = CommentRecord(external_id="d1616q2", post_id="4b1tfm", author_id="bboe", author_name="bboe",
                          text="Comment", created_at=parse_time("2016-03-20T05:00:00Z", "t"))
    posted = source.reply(asked, "Comment reply")
    method, path, args = fake.requests[-1]
    assert (method, path, args.get("raw_json")) == ("POST", "/api/comment", "1")  # as PRAW's recorded request
    assert (posted.external_id, posted.parent_id, posted.post_id) == ("d1680wu", "d1616q2", "4b1tfm")
    assert posted.is_brand and posted.text == "Comment reply" and posted.author_handle == "u/<USERNAME>"
    assert posted.created_at == parse_time("2016-03-20T00:33:51Z", "created_utc")


def test_youtube_recorded_channel_threads_are_read_as_top_level_comments(httpserver):
    threads = body("youtube/comment_threads_by_channel.json")
    channel = threads["items"][0]["snippet"]["channelId"]
    fake = FakeYouTube(channel=channel)
    fake.url = fake.install(httpserver)
    fake.failures.append(recorded("youtube/comment_threads_by_channel.json"))
    newest = parse_time(threads["items"][0]["snippet"]["topLevelComment"]["snippet"]["publishedAt"], "publishedAt")
    source = YouTubeSource(account_config(
        "yt", platform="youtube", options={"channel_id": channel, "api_url": fake.url, "recent_days": 3650},
        secrets={"api_key": fake.api_key},
    ), clock=lambda: newest + timedelta(days=1))  # the clock of the recording
    records = {r.external_id: r for page in source.fetch(None) for r in page.records}
    assert set(records) == {item["id"] for item in threads["items"]}
    first = records["UgyUBI0HsgL9emxcZpR4AaABAg"]
    assert (first.author_id, first.author_name, first.text) == ("UCTWlvHQQXUs-4IVfdnGOUbw", "DevRagz", "Hello")
    assert first.post_id == f"channel:{channel}" and first.thread_id == first.external_id and not first.is_brand
    assert first.created_at == newest and first.updated_at is None  # updatedAt equal to publishedAt: not edited


def test_facebook_a_posts_page_and_its_comments_as_graph_answers_the_pages_token(httpserver):
    """Shapes from the Graph reference (Page published_posts, the Object Comments edge with `summary`, the Comment
    node); the comments are the recorded python-facebook page with the ids and authors its sanitizing removed."""
    graph = fake_meta.serve(httpserver)
    graph.fail_next("published_posts", recorded("facebook/published_posts.json"))
    graph.fail_next("/comments", recorded("facebook/post_comments.json"))
    source = build_source(fake_meta.account(graph, "facebook", "page", page_id="19292868552", recent_days=3650))
    posted = body("facebook/published_posts.json")["data"][0]
    source.http.clock = lambda: parse_time(posted["updated_time"], "t") + timedelta(days=1)  # the recording's clock
    records = {r.external_id: r for page in source.fetch(None) for r in page.records}

    comments = body("facebook/post_comments.json")["data"]
    assert list(records) == [comment["id"] for comment in comments]
    question, answer = records[comments[0]["id"]], records[comments[1]["id"]]
    assert (question.author_name, question.author_id, question.post_id) == (
        "Commenter A", "100000000000001", posted["id"])
    assert question.text == "how can i get invited to the Commerce Manager api ?" and not question.is_brand
    assert question.url == comments[0]["permalink_url"] and question.post_title == posted["message"]
    assert answer.is_brand and (answer.parent_id, answer.thread_id) == (question.external_id, question.external_id)
    assert answer.created_at == parse_time("2021-08-13T18:47:29Z", "created_time")
    assert all(record.thread_id == record.external_id for record in records.values() if record is not answer)


def test_instagram_media_and_their_comments_over_two_recorded_pages(httpserver):
    """The recorded python-facebook media and comment pages (ids, texts, times, paging as recorded), with the
    usernames and nested replies the connector's `fields` ask for (IG Comment reference)."""
    graph = fake_meta.serve(httpserver)
    graph.fail_next("/media", recorded("instagram/media.json"))
    graph.fail_next("/comments", recorded("instagram/media_comments_p1.json"))
    graph.fail_next("/comments", recorded("instagram/media_comments_p2.json"))
    account = fake_meta.account(graph, "instagram", "gram", user_id=fake_meta.IG_USER["id"], recent_days=3650)
    source = build_source(account)
    source.http.clock = lambda: parse_time("2021-07-01T00:00:00Z", "t")  # the recording's clock
    pages = list(source.fetch({"username": "ikroskun"}))  # the account the recorded comments are addressed to
    records = {r.external_id: r for page in pages for r in page.records}

    assert set(records) == {"17858154961981086", "17874875428706419", "17892250648466172", "17914413430382429",
                            "17847314687296283"}
    after = [args.get("after") for method, path, args in graph.requests if path.endswith("/comments")]
    assert after == [None, "after"]  # the second page asked with the recorded cursor
    reply = records["17847314687296283"]
    assert reply.is_brand and reply.parent_id == reply.thread_id == "17858154961981086"
    hello = records["17892250648466172"]
    assert (hello.author_name, hello.text, hello.post_id) == ("ikroskun", "@ikroskun  Hey, guys", "17846368219941692")
    assert hello.is_brand  # recorded as written by the account itself
    assert hello.created_at == parse_time("2020-02-24T09:15:16Z", "timestamp")
    assert hello.url == "https://www.instagram.com/p/B87Xq1dn2Kp/" and hello.post_title == "Spring collection"
    # the recorded medium with comments_count 0 is noted on this first poll without reading its comments
    assert not any("17893085207160254" in path for method, path, args in graph.requests)

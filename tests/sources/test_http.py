"""The HTTP layer every source uses, against real local servers: retries, rate limits, errors, redaction."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from werkzeug import Request, Response

from bot import __version__
from bot.sources.base import AuthError, Headroom, RateLimited, TemporaryError
from bot.sources.http import ApiClient, HttpSource, make_session, parse_reset, redact_url

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)
SECRET = "s3cr3t-token-value"


def client(**overrides) -> ApiClient:
    options = dict(
        auth_hint="Create a new token and set EXAMPLE_TOKEN.",
        secrets=[SECRET],
        backoff=0.001,
        clock=lambda: NOW,
    )
    return ApiClient("example", **{**options, **overrides})


def test_every_request_carries_the_user_agent_and_a_timeout(httpserver):
    httpserver.expect_request("/ping").respond_with_json({"ok": True})
    session = make_session()
    assert session.get(httpserver.url_for("/ping")).json() == {"ok": True}
    request, _ = httpserver.log[0]
    assert request.headers["User-Agent"].startswith(f"reply-nudge/{__version__} (+https://")


def test_session_default_timeout_applies_when_the_caller_gives_none(threaded_server):
    threaded_server.expect_request("/slow").respond_with_handler(lambda r: time.sleep(1) or Response("late"))
    started = time.monotonic()
    with pytest.raises(Exception) as caught:
        make_session(timeout=0.2).get(threaded_server.url_for("/slow"))
    assert "timed out" in str(caught.value).lower()
    assert time.monotonic() - started < 0.9


def test_429_with_retry_after_seconds(httpserver):
    httpserver.expect_request("/items").respond_with_json({"error": "slow down"}, status=429, headers={"Retry-After": "120"})
    with pytest.raises(RateLimited) as caught:
        client().get(httpserver.url_for("/items"))
    assert caught.value.retry_at == NOW + timedelta(seconds=120)
    assert "slow down" in str(caught.value)


def test_429_with_reset_headers_iso_and_epoch(httpserver):
    reset = NOW + timedelta(minutes=4)
    httpserver.expect_ordered_request("/m").respond_with_json(
        {}, status=429,
        headers={"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset.isoformat()},
    )
    with pytest.raises(RateLimited) as caught:
        client().get(httpserver.url_for("/m"))
    assert caught.value.retry_at == reset

    httpserver.expect_ordered_request("/b").respond_with_json(
        {}, status=429, headers={"RateLimit-Limit": "3000", "RateLimit-Remaining": "0",
                                 "RateLimit-Reset": str(int(reset.timestamp()))},
    )
    with pytest.raises(RateLimited) as caught:
        client().get(httpserver.url_for("/b"))
    assert caught.value.retry_at == reset


def test_no_headroom_left_stops_before_sending(httpserver):
    """The limit is honoured before a 429 happens: with 0 left, the next call is not sent at all."""
    reset = NOW + timedelta(minutes=3)
    httpserver.expect_request("/a").respond_with_json(
        {"n": 1}, headers={"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset.isoformat()}
    )
    api = client()
    assert api.get(httpserver.url_for("/a")) == {"n": 1}
    assert api.headroom == Headroom(remaining=0, limit=300, reset_at=reset)
    with pytest.raises(RateLimited) as caught:
        api.get(httpserver.url_for("/a"))
    assert caught.value.retry_at == reset
    assert len(httpserver.log) == 1


def test_low_headroom_slows_the_poller_down(httpserver):
    reset = NOW + timedelta(minutes=5)
    httpserver.expect_request("/a").respond_with_json(
        {}, headers={"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "10", "X-RateLimit-Reset": reset.isoformat()}
    )

    class Paced(HttpSource):
        http = client()

    source = Paced()
    assert source.min_poll_interval() is None  # nothing known yet
    source.http.get(httpserver.url_for("/a"))
    assert source.headroom().describe() == "10/300, resets 10:05 UTC"
    assert source.min_poll_interval() == timedelta(minutes=1)  # 10 left, 2 a poll: 5 polls over 5 minutes
    assert Headroom(remaining=200, limit=300, reset_at=reset).pace(2, NOW) is None


def test_5xx_then_success_is_retried(httpserver):
    httpserver.expect_ordered_request("/flaky").respond_with_data("oops", status=502)
    httpserver.expect_ordered_request("/flaky").respond_with_json({"error": "busy"}, status=503)
    httpserver.expect_ordered_request("/flaky").respond_with_json({"ok": 1})
    delays: list[float] = []
    assert client(sleep=delays.append).get(httpserver.url_for("/flaky")) == {"ok": 1}
    assert len(delays) == 2 and all(0 <= d <= 0.002 * 2 for d in delays)


def test_5xx_that_persists_is_a_temporary_error_after_the_attempts(httpserver):
    httpserver.expect_request("/down").respond_with_data("no", status=500)
    with pytest.raises(TemporaryError, match=r"HTTP 500 after 3 attempt"):
        client(attempts=3).get(httpserver.url_for("/down"))
    assert len(httpserver.log) == 3


def test_retries_stop_within_the_time_budget(httpserver):
    httpserver.expect_request("/down").respond_with_data("no", status=503)
    with pytest.raises(TemporaryError, match=r"after 1 attempt"):
        client(backoff=10.0, retry_budget=0.01, attempts=10).get(httpserver.url_for("/down"))


def test_post_is_retried_only_when_idempotent(httpserver):
    httpserver.expect_request("/post", method="POST").respond_with_data("no", status=503)
    with pytest.raises(TemporaryError):
        client().json("POST", httpserver.url_for("/post"))
    assert len(httpserver.log) == 1
    with pytest.raises(TemporaryError):
        client(attempts=2).json("POST", httpserver.url_for("/post"), idempotent=True)
    assert len(httpserver.log) == 3


def test_timeout_then_success(threaded_server):
    calls = []

    def slow_once(request: Request) -> Response:
        calls.append(1)
        if len(calls) == 1:
            time.sleep(0.6)
        return Response('{"ok": true}', content_type="application/json")

    threaded_server.expect_request("/t").respond_with_handler(slow_once)
    api = client(session=make_session(timeout=0.2))
    assert api.get(threaded_server.url_for("/t")) == {"ok": True}
    assert len(calls) == 2


def test_timeout_that_persists_and_a_dead_port(threaded_server):
    threaded_server.expect_request("/t").respond_with_handler(lambda r: time.sleep(0.5) or Response("{}"))
    with pytest.raises(TemporaryError, match="timed out after 2 attempt"):
        client(session=make_session(timeout=0.1), attempts=2).get(threaded_server.url_for("/t"))
    with pytest.raises(TemporaryError, match="could not connect"):
        client(attempts=1).get("http://127.0.0.1:9/nothing")


def test_malformed_json_and_unexpected_shape_name_the_url(httpserver):
    httpserver.expect_request("/bad").respond_with_data("<html>maintenance</html>", content_type="text/html")
    httpserver.expect_request("/list").respond_with_json([1, 2])
    httpserver.expect_request("/obj").respond_with_json({"items": [{"id": 1}]})
    api = client()
    with pytest.raises(TemporaryError, match=r"GET http://localhost:\d+/bad\?page=2 did not answer JSON"):
        api.get(httpserver.url_for("/bad"), params={"page": 2})
    with pytest.raises(TemporaryError, match="answered a JSON list, expected a dict"):
        api.get(httpserver.url_for("/list"))
    body = api.get(httpserver.url_for("/obj"))
    with pytest.raises(TemporaryError, match=r"unexpected response shape from http://localhost:\d+/obj.*KeyError"):
        with api.reading(httpserver.url_for("/obj")):
            [item["text"] for item in body["items"]]


def test_secrets_never_appear_in_errors(httpserver):
    httpserver.expect_request("/auth").respond_with_json(
        {"error": f"The access token {SECRET} is invalid"}, status=401
    )
    httpserver.expect_request("/gone").respond_with_data("no", status=500)
    api = client(attempts=1)
    url = httpserver.url_for("/auth")
    with pytest.raises(AuthError) as caught:
        api.get(url, params={"access_token": SECRET, "page": "2"})
    message = str(caught.value)
    assert SECRET not in message
    assert "access_token=***" in message and "page=2" in message
    assert "The access token *** is invalid" in message
    assert "HTTP 401" in message and "Create a new token and set EXAMPLE_TOKEN." in message
    with pytest.raises(TemporaryError) as caught:
        api.get(httpserver.url_for("/gone") + f"?api_key={SECRET}&client_secret={SECRET}")
    assert SECRET not in str(caught.value)


def test_redact_url_and_parse_reset():
    assert redact_url("https://user:pw@h.example/p?access_token=abc&x=1#frag") == "https://h.example/p?access_token=***&x=1"
    assert parse_reset("30", NOW) == NOW + timedelta(seconds=30)
    assert parse_reset("1795435200", NOW) == datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
    assert parse_reset("2026-11-23T10:05:00.000Z", NOW) == NOW + timedelta(minutes=5)
    assert parse_reset("Mon, 23 Nov 2026 10:02:00 GMT", NOW) == NOW + timedelta(minutes=2)
    assert parse_reset("soon", NOW) is None and parse_reset(None, NOW) is None


def test_map_error_reads_the_platforms_error_body_before_the_default_mapping(httpserver):
    def quota(response):
        if "quotaExceeded" in response.text:
            return RateLimited("example: quota spent", NOW + timedelta(hours=3))
        return None

    httpserver.expect_request("/quota").respond_with_json({"error": {"reason": "quotaExceeded"}}, status=403)
    httpserver.expect_request("/denied").respond_with_json({"error": {"reason": "forbidden"}}, status=403)
    with pytest.raises(RateLimited) as caught:
        client(map_error=quota).get(httpserver.url_for("/quota"))
    assert caught.value.retry_at == NOW + timedelta(hours=3)
    with pytest.raises(AuthError):  # whatever the mapper leaves alone gets the default mapping
        client(map_error=quota).get(httpserver.url_for("/denied"))

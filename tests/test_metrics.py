"""`GET /metrics` scraped over real HTTP from a real `replynudge run --http` while it polls a local Mastodon server
and posts to the stand-in Slack API: each series moves as the work happens. YouTube's quota gauges, in process."""

from __future__ import annotations

import json
import re
import signal
import time
from datetime import datetime, timedelta, timezone

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from werkzeug import Response

from bot.db.models import utcnow
from bot.engine.leases import DEFAULT_LEASE, Lease
from bot.engine.poller import poll_due
from bot.health import Health
from bot.metrics import Metrics
from bot.service import make_notifier
from bot.engine.delivery import deliver_due
from bot.slack.server import HttpServer, status_app
from bot.sources.tokens import forget_token
from bot.sources.youtube import YouTubeSource
from bot.sources.youtube_quota import take_reply_units
from bot.suggest import suggester
from tests.support.fake_mastodon import BRAND, TOKEN, FakeMastodon, user
from tests.support.fake_youtube import NOW, FakeYouTube
from tests.support.records import make_account
from tests.support.slack_api import sign
from tests.support.slack_world import (CHANNEL, SECRET, action_body, power_cut_when_recording_a_post,
                                       start_http_service, status_url)
from tests.sources.test_youtube import youtube_account

CONFIG = """
[defaults]
channel = "{channel}"
min_score = 0
nudge_after = "1h"
poll_interval = "1s"
poll_interval_max = "1s"

[[accounts]]
name = "toots"
platform = "mastodon"
base_url = "{base_url}"
access_token_env = "MASTODON_TOKEN"
"""
TOOTS = {"account": "toots", "platform": "mastodon"}


def scrape(base: str) -> dict[tuple[str, frozenset], float]:
    """Every sample of the exposition, by name and labels, read with Prometheus's own parser."""
    response = requests.get(f"{base}/metrics", timeout=10)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain; version=0.0.4")  # what Prometheus 2 and 3 read
    return {(sample.name, frozenset(sample.labels.items())): sample.value
            for family in text_string_to_metric_families(response.text) for sample in family.samples}


def value(samples, name: str, **labels) -> float | None:
    return samples.get((name, frozenset({**TOOTS, **labels}.items())))


def wait_until(base: str, check, timeout: float = 30):
    """Scrape until `check(samples)` holds; returns those samples."""
    deadline = time.monotonic() + timeout
    while True:
        samples = scrape(base)
        if check(samples):
            return samples
        assert time.monotonic() < deadline, f"the metrics never got there: {sorted(samples.items())}"
        time.sleep(0.2)


@pytest.fixture
def mastodon(httpserver):
    fake = FakeMastodon(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    return fake


@pytest.fixture
def service(workdir, database_url, slack_api, mastodon, monkeypatch):
    monkeypatch.setenv("MASTODON_TOKEN", TOKEN)
    (workdir / "replynudge.toml").write_text(CONFIG.format(channel=CHANNEL, base_url=mastodon.base_url))
    process, banner, port = start_http_service(workdir, database_url, slack_api)
    yield f"http://127.0.0.1:{port}", status_url(banner)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0


def test_each_series_moves_as_the_work_happens(mastodon, slack_api, service):
    public, status = service
    launch = mastodon.post(BRAND, "The X200 grinder is out!")
    mastodon.post(user(1), "Does the X200 need descaling?", reply_to=launch)

    # polled: an ok poll, the comment stored, its nudge posted; the backlog and the platform's headroom shown
    before = mastodon.remaining
    samples = wait_until(status, lambda s: value(s, "replynudge_nudges_total", action="posted") == 1)
    after = mastodon.remaining
    assert value(samples, "replynudge_polls_total", outcome="ok") >= 1
    assert value(samples, "replynudge_comments_ingested_total") >= 1
    assert value(samples, "replynudge_nudges_total", action="edited") == 0
    assert value(samples, "replynudge_nudges_total", action="failed") == 0
    assert value(samples, "replynudge_waiting_comments") == 1
    assert value(samples, "replynudge_oldest_waiting_comment_age_seconds") > 23 * 3600  # the fake's clock: a day ago
    assert 0 <= value(samples, "replynudge_poll_lag_seconds") < 30
    assert samples[("replynudge_database_up", frozenset())] == 1
    assert value(samples, "replynudge_rate_limit_limit") == 300
    remaining = value(samples, "replynudge_rate_limit_remaining")
    assert after <= remaining <= before and remaining < 300  # the header of the last answer before the scrape
    reset = mastodon.clock + timedelta(minutes=5)  # what the fake says in X-RateLimit-Reset
    assert value(samples, "replynudge_rate_limit_reset_timestamp_seconds") == reset.timestamp()
    (nudge,) = slack_api.calls_to("chat.postMessage")

    # a click on Done edits the nudge, and the comment leaves the backlog
    comment_id = nudge.params["metadata"]["event_payload"]["comment_id"]
    body = action_body(slack_api, "nudge_done", comment_id, message_ts=slack_api.messages(CHANNEL)[0]["ts"])
    assert requests.post(f"{public}/slack/events", data=body.encode(), timeout=10,
                         headers={"Content-Type": "application/x-www-form-urlencoded", **sign(SECRET, body)}).ok
    samples = wait_until(status, lambda s: value(s, "replynudge_nudges_total", action="edited") == 1)
    assert value(samples, "replynudge_waiting_comments") == 0
    assert value(samples, "replynudge_oldest_waiting_comment_age_seconds") == 0
    ingested = value(samples, "replynudge_comments_ingested_total")

    # a new comment is stored, and Slack refuses its nudge
    slack_api.fail("chat.postMessage", status=200, retry_after=None, error="channel_not_found")
    mastodon.post(user(2), "Which burr size for espresso?", reply_to=launch)
    samples = wait_until(status, lambda s: value(s, "replynudge_nudges_total", action="failed") == 1)
    assert value(samples, "replynudge_comments_ingested_total") > ingested
    assert value(samples, "replynudge_waiting_comments") == 1

    # the token is refused: the poll counts as an auth failure
    oks = value(samples, "replynudge_polls_total", outcome="ok")
    mastodon.fail_next("notifications", Response('{"error": "The access token is invalid"}', status=401))
    samples = wait_until(status, lambda s: value(s, "replynudge_polls_total", outcome="auth") == 1)
    assert value(samples, "replynudge_polls_total", outcome="ok") >= oks


REPLAY = """
[defaults]
min_score = 0
nudge_after = "1h"
poll_interval = "1s"
poll_interval_max = "1s"

[[accounts]]
name = "blog"
platform = "replay"
path = "blog.jsonl"
channel = "{channel}"
digest_threshold = 2

[[accounts]]
name = "nowhere"
platform = "replay"
path = "nowhere.jsonl"
"""


def replay_line(external_id: str, text: str, ago: timedelta) -> str:
    created = (datetime.now(timezone.utc) - ago).isoformat()
    return json.dumps({"id": external_id, "post": "p1", "author": f"user-{external_id}", "text": text,
                       "created_at": created, "updated_at": created}) + "\n"


def test_the_counters_count_what_their_names_say(workdir, database_url, slack_api):
    """A flood summary's comments are counted as summarized, not posted; a nudge for an account without a channel
    is not posted at all; a comment read again (an edit) is not a new comment ingested."""
    (workdir / "replynudge.toml").write_text(REPLAY.format(channel=CHANNEL))
    (workdir / "blog.jsonl").write_text("".join(replay_line(f"b{n}", f"Question {n}?", timedelta(hours=3))
                                                for n in range(3)))
    (workdir / "nowhere.jsonl").write_text(replay_line("n1", "Anyone there?", timedelta(hours=3)))
    process, banner, _ = start_http_service(workdir, database_url, slack_api)
    blog, nowhere = {"account": "blog", "platform": "replay"}, {"account": "nowhere", "platform": "replay"}

    def count(samples, name, labels, **more):
        return samples.get((name, frozenset({**labels, **more}.items())))

    try:
        status = status_url(banner)
        samples = wait_until(status, lambda s: count(s, "replynudge_nudges_total", blog, action="summarized") == 3
                             and count(s, "replynudge_polls_total", nowhere, outcome="ok") >= 2)
        (summary,) = slack_api.calls_to("chat.postMessage")
        assert summary.params["text"] == "3 comments fell due at once: blog 3"
        assert count(samples, "replynudge_nudges_total", blog, action="posted") == 0
        assert count(samples, "replynudge_nudges_total", nowhere, action="posted") == 0  # printed to the log only
        assert count(samples, "replynudge_comments_ingested_total", blog) == 3

        with (workdir / "blog.jsonl").open("a") as replay:  # an edit of b0, and a new comment, not due yet
            replay.write(replay_line("b0", "Question 0, edited?", timedelta(hours=3)))
            replay.write(replay_line("b3", "Question 3?", timedelta(minutes=1)))
        samples = wait_until(status, lambda s: count(s, "replynudge_comments_ingested_total", blog) >= 4)
        assert count(samples, "replynudge_comments_ingested_total", blog) == 4
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0


def test_a_nudge_found_in_its_channel_after_a_crash_is_not_counted_again(slack_world, engine):
    """A replica died between posting a nudge and recording it: the next finds the message in the channel's
    history instead of posting it again, and counts nothing."""
    metrics = Metrics(slack_world.settings.accounts)
    slack_world.add("c1")
    with power_cut_when_recording_a_post(engine), pytest.raises(RuntimeError, match="power cut"):
        slack_world.poll(make_notifier(slack_world.settings, tally=metrics.nudge))
    later = utcnow() + DEFAULT_LEASE + timedelta(seconds=1)
    deliver_due(slack_world.factory, make_notifier(slack_world.settings, tally=metrics.nudge),
                suggester(slack_world.factory), clock=lambda: later)
    assert len(slack_world.api.messages(CHANNEL)) == 1 and slack_world.nudge("c1").slack_ts is not None

    server = HttpServer(status_app(Health(slack_world.factory, None), metrics), port=0, host="127.0.0.1")
    try:
        samples = scrape(f"http://127.0.0.1:{server.port}")
    finally:
        server.stop()
    labels = {"account": "blog", "platform": "replay"}
    assert samples[("replynudge_nudges_total", frozenset({**labels, "action": "posted"}.items()))] == 1


def test_youtube_reports_the_days_quota(session_factory, httpserver):
    """The quota gauges, from the source the poller used: what its calls spent of the day's budget."""
    youtube = FakeYouTube()
    youtube.url = youtube.install(httpserver)
    try:
        youtube.thread("T1", "UCpriya", "Does it ship to Lisbon?", NOW - timedelta(minutes=2))
        account = youtube_account(youtube, quota_budget=2000)
        account_id = make_account(session_factory, "yt", platform="youtube")
        source = YouTubeSource(account, clock=lambda: NOW)
        metrics = Metrics([account])
        metrics.watch(session_factory, {"yt": source})
        (outcome,) = poll_due(session_factory, {account_id: account}, {"yt": source}, Lease("replica-1"),
                              clock=lambda: NOW, watchers=[metrics])
        body, _ = metrics.exposition("")
    finally:
        forget_token((f"{youtube.url}/token", "client-1", youtube.channel))
        take_reply_units(youtube.channel)
    samples = {(sample.name, frozenset(sample.labels.items())): sample.value
               for family in text_string_to_metric_families(body.decode()) for sample in family.samples}
    labels = frozenset({"account": "yt", "platform": "youtube"}.items())
    assert outcome.ok and samples[("replynudge_polls_total", labels | {("outcome", "ok")})] == 1
    assert samples[("replynudge_quota_budget_units", labels)] == 2000
    assert samples[("replynudge_quota_used_units", labels)] == source.quota.used > 0
    assert ("replynudge_rate_limit_remaining", labels) not in samples  # YouTube sends no rate-limit headers

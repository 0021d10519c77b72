"""Secrets never reach logs, errors, the database or Slack, and a rejected credential is told to its account's
Slack channel once: WordPress, Mastodon and Bluesky on their local wire-format servers, the real poll cycle at
DEBUG logging, Slack's stand-in API.

The servers misbehave the way real ones do: error pages that echo the request's Authorization header and URL.
"""

from __future__ import annotations

import base64
import json
import logging
import re
from dataclasses import dataclass
from typing import Callable

import pytest
from sqlalchemy import select
from werkzeug import Request, Response

from bot.config import Settings
from bot.config_file import parse_accounts
from bot.db.models import SyncState
from bot.service import poll_cycle
from bot.slack.client import make_client
from bot.slack.notifier import SlackNotifier
from bot.sources.tokens import forget_token
from tests.support import fake_bluesky, fake_mastodon, fake_wordpress

GOOD_CHANNEL, BAD_CHANNEL = "C0GOOD", "C0BAD"
SLACK_TOKEN = "xoxb-test-token-4f9a"


class Misbehaving:
    """Serves the fake, except that queued statuses come first, as bodies quoting the request's secrets."""

    def __init__(self, fake):
        self.fake, self.queued = fake, []

    def __call__(self, request: Request) -> Response:
        for index, (part, status) in enumerate(self.queued):
            if part in request.full_path:
                del self.queued[index]
                body = {"error": "upstream failure", "message": f"request {request.full_path} with Authorization: "
                        f"{request.headers.get('Authorization')} body {request.get_data(as_text=True)}"}
                text = json.dumps(body) if status != 200 else f"<pre>{body['message']}</pre>"
                return Response(text, status=status, content_type="application/json",
                                headers={"Retry-After": "600"} if status == 429 else {})
        return self.fake(request)


@dataclass
class Platform:
    fake: object
    entries: tuple[dict, dict]  # the good account's settings, the bad one's
    environ: dict[str, str]
    listing: str  # a part of the path every poll reads
    add_comment: Callable[[], None]
    secrets: Callable[[], list[str]]  # every form a secret may take, known once the test has run
    server: Misbehaving | None = None


def wordpress(base_url: str) -> Platform:
    fake = fake_wordpress.FakeWordPress(base_url=base_url)
    basic = base64.b64encode(f"{fake_wordpress.USER}:{fake_wordpress.APP_PASSWORD}".encode()).decode()
    entry = {"platform": "wordpress", "url": base_url + "/", "username": fake_wordpress.USER}
    return Platform(
        fake,
        ({**entry, "name": "blog", "app_password_env": "GOOD"}, {**entry, "name": "old-blog", "app_password_env": "BAD"}),
        {"GOOD": fake_wordpress.APP_PASSWORD, "BAD": "wxyz WXYZ 9876 wxyz WXYZ 9876"},
        "comments",
        lambda: fake.add("Priya", "Which grind for a moka pot?"),
        lambda: [fake_wordpress.APP_PASSWORD, basic, "wxyz WXYZ 9876 wxyz WXYZ 9876"],
    )


def mastodon(base_url: str) -> Platform:
    fake = fake_mastodon.FakeMastodon(base_url=base_url)
    entry = {"platform": "mastodon", "base_url": base_url}
    return Platform(
        fake,
        ({**entry, "name": "toots", "access_token_env": "GOOD"}, {**entry, "name": "old-toots", "access_token_env": "BAD"}),
        {"GOOD": fake_mastodon.TOKEN, "BAD": "revoked-mastodon-token-987"},
        "notifications",
        lambda: fake.post(fake_mastodon.user(1), "@acme is the winter roast good for espresso?"),
        lambda: [fake_mastodon.TOKEN, "revoked-mastodon-token-987"],
    )


def bluesky(base_url: str) -> Platform:
    fake = fake_bluesky.FakeBluesky(base_url=base_url)
    entry = {"platform": "bluesky", "pds_url": base_url, "app_password_env": "GOOD"}
    return Platform(
        fake,
        ({**entry, "name": "sky", "handle": fake_bluesky.BRAND["handle"]},
         {**entry, "name": "old-sky", "handle": "old-acme.bsky.social"}),
        {"GOOD": fake_bluesky.APP_PASSWORD},
        "listNotifications",
        lambda: fake.post(fake_bluesky.user(1), f"@{fake_bluesky.BRAND['handle']} how fresh is the roast?"),
        lambda: [fake_bluesky.APP_PASSWORD, *fake.access_tokens, *fake.refresh_tokens],
    )


@pytest.fixture(params=[wordpress, mastodon, bluesky], ids=["wordpress", "mastodon", "bluesky"])
def platform(request, httpserver):
    built = request.param(httpserver.url_for("").rstrip("/"))
    server = Misbehaving(built.fake)
    httpserver.expect_request(re.compile(".*")).respond_with_handler(server)
    built.server = server
    yield built
    if request.param is bluesky:
        for entry in built.entries:
            forget_token((built.fake.base_url, entry["handle"]))


def test_no_secret_in_logs_errors_database_or_slack_and_one_alert_for_a_rejected_credential(
        platform, session_factory, slack_api, caplog):
    good, bad = platform.entries
    accounts = tuple(parse_accounts(
        {"accounts": [{**good, "channel": GOOD_CHANNEL}, {**bad, "channel": BAD_CHANNEL}]}, "replynudge.toml",
        platform.environ))
    settings = Settings(accounts=accounts, slack_bot_token=SLACK_TOKEN, slack_api_url=slack_api.url)
    notifier = SlackNotifier(make_client(settings), interval=0)
    caplog.set_level(logging.DEBUG)
    errors: list[str] = []

    platform.add_comment()
    for status in (500, 200, 429):  # retried, then fine; not JSON; rate limited
        platform.server.queued.append((platform.listing, status))
        errors += [outcome.describe() for outcome in poll_cycle(settings, session_factory, notifier) if not outcome.ok]

    assert [line for line in errors if line.startswith(bad["name"])][0].count("rejected the credentials") == 1
    assert any("did not answer JSON" in line for line in errors), errors
    assert any("rate limited" in line for line in errors), errors
    assert len(slack_api.messages(GOOD_CHANNEL)) == 1  # the comment's nudge, posted despite the failures around it

    alerts = slack_api.messages(BAD_CHANNEL)
    assert len(alerts) == 1, alerts  # three cycles, one alert
    assert f"stopped polling *{bad['name']}*" in alerts[0]["text"] and "_env" in alerts[0]["text"]
    assert not [m for m in slack_api.messages(GOOD_CHANNEL) if "stopped polling" in m["text"]]

    with session_factory() as session:
        stored = [str(row) for row in session.execute(select(SyncState.error, SyncState.cursor)).all()]
    seen = "\n".join([caplog.text, *errors, *stored, *(json.dumps(call.params) for call in slack_api.calls)])
    assert "retrying" in caplog.text  # the 500 was logged on its way to the retry
    secrets = [*platform.secrets(), SLACK_TOKEN]
    assert all(len(secret) >= 12 for secret in secrets)
    leaked = [secret for secret in secrets if secret in seen]
    assert not leaked, f"secrets found: {leaked}"

"""`replynudge run`'s two loops, polling and delivery, in a real process: a platform that answers slowly holds up
its own poll, not the nudges that fell due meanwhile; a signal stops both, after the poll in hand."""

from __future__ import annotations

import json
import logging
import re
import signal
import threading
import time
from datetime import datetime, timedelta, timezone

from bot.config_file import load_settings
from bot.db import check_connection, make_engine
from bot.db.models import Nudge
from bot.engine.leases import Lease
from bot.engine.poller import poll_due, sync_accounts
from bot.loops import Loop
from bot.service import build_sources, open_database
from tests.support.fake_mastodon import TOKEN, FakeMastodon
from tests.support.slack_world import CHANNEL, start_http_service

CONFIG = """
[defaults]
channel = "{channel}"
min_score = 0
nudge_after = "1h"

[[accounts]]
name = "blog"
platform = "replay"
path = "comments.jsonl"

[[accounts]]
name = "toots"
platform = "mastodon"
base_url = "{base_url}"
access_token_env = "MASTODON_TOKEN"
"""


def test_a_slow_poll_does_not_hold_up_a_nudge_already_due(workdir, database_url, slack_api, httpserver, monkeypatch):
    mastodon = FakeMastodon(base_url=httpserver.url_for("").rstrip("/"))
    asked, answer = threading.Event(), threading.Event()

    def slowly(request):  # the platform takes its time: until the test lets it answer
        asked.set()
        answer.wait(60)
        return mastodon(request)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(slowly)
    monkeypatch.setenv("MASTODON_TOKEN", TOKEN)
    (workdir / "replynudge.toml").write_text(CONFIG.format(channel=CHANNEL, base_url=mastodon.base_url))
    written = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    (workdir / "comments.jsonl").write_text(json.dumps(
        {"id": "c1", "post": "p1", "author": "Priya", "text": "Does the X200 need descaling?", "created_at": written}
    ) + "\n")

    # The blog's comment was polled before the service starts: its nudge is queued, due, not posted.
    settings = load_settings({"DATABASE_URL": database_url, "MASTODON_TOKEN": TOKEN}, dotenv=False)
    factory = open_database(settings)
    with factory.begin() as session:
        ids = sync_accounts(session, settings.accounts)
    blog = settings.account("blog")
    (polled,) = poll_due(factory, {ids["blog"]: blog}, build_sources(settings), Lease("earlier run"))
    assert polled.queued == 1
    factory.kw["bind"].dispose()

    process, _, _ = start_http_service(workdir, database_url, slack_api)
    try:
        assert asked.wait(30), "the service never polled the slow platform"
        (nudge,) = slack_api.wait_for("chat.postMessage", timeout=15)  # while the platform has not answered
        assert not answer.is_set() and "X200" in nudge.params["text"]

        process.send_signal(signal.SIGTERM)
        time.sleep(1)
        assert process.poll() is None  # the poll in hand finishes first
        answer.set()
        assert process.wait(timeout=30) == 0
    finally:
        answer.set()
        if process.poll() is None:
            process.kill()
            process.wait()
    with factory() as session:
        assert session.query(Nudge).one().state == Nudge.POSTED


def test_a_step_failing_the_same_way_is_logged_once_and_its_recovery_once(database_url, caplog):
    """The database unreachable for three steps (PostgreSQL on a port nobody listens on), then back."""
    down, up = make_engine("postgresql+psycopg://postgres@127.0.0.1:9/test"), make_engine(database_url)
    stopping, steps = threading.Event(), []

    def step() -> timedelta:
        steps.append(None)
        if len(steps) == 5:
            stopping.set()
        check_connection(down if len(steps) <= 3 else up)
        return timedelta(0)

    caplog.set_level(logging.INFO, logger="bot.loops")
    loop = Loop("delivery", step, stopping, after_error=timedelta(0))
    loop.start()
    loop.join(timeout=30)
    assert len(steps) == 5
    failed = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(failed) == 1 and failed[0].exc_info and "cannot reach the database" in str(failed[0].exc_info[1])
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.INFO] == [
        f"delivery works again after: ConfigError: {failed[0].exc_info[1]}"
    ]

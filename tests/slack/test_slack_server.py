"""`replynudge run` in HTTP mode, as a real process on a real port; Socket Mode at the dispatch level (health and
readiness: tests/test_health.py)."""

from __future__ import annotations

import json
import signal
import socket
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import quote, unquote

import pytest
import requests
from slack_bolt import BoltRequest

from bot.cli import main
from bot.health import Health
from bot.slack.server import HttpServer, wsgi_app
from tests.support.slack_api import sign
from tests.support.slack_world import CHANNEL, SECRET, action_body, command_body, start_http_service, view_submission_body

CONFIG = """
[defaults]
channel = "C0NUDGES"
min_score = 0
nudge_after = "1h"

[[accounts]]
name = "blog"
platform = "replay"
path = "comments.jsonl"
"""


def post(base: str, body: str, headers: dict[str, str]) -> requests.Response:
    return requests.post(f"{base}/slack/events", data=body.encode(), timeout=10,
                         headers={"Content-Type": "application/x-www-form-urlencoded", **headers})


@pytest.fixture
def service(workdir, database_url, slack_api):
    (workdir / "replynudge.toml").write_text(CONFIG)
    line = {"id": "c1", "post": "p1", "author": "Priya", "text": "Does the X200 need descaling?",
            "created_at": (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat(), "url": "https://blog.example/c/1"}
    (workdir / "comments.jsonl").write_text(json.dumps(line) + "\n")
    process, banner, port = start_http_service(workdir, database_url, slack_api)
    assert "serving Slack on http://0.0.0.0:" in banner, banner
    yield process, f"http://127.0.0.1:{port}"
    if process.poll() is None:
        process.kill()
        process.wait()


def test_the_whole_loop_over_http_then_sigterm_exits_0(service, slack_api):
    process, base = service
    (nudge,) = slack_api.wait_for("chat.postMessage", timeout=20)
    comment_id = nudge.params["metadata"]["event_payload"]["comment_id"]
    ts = slack_api.messages(CHANNEL)[0]["ts"]
    assert requests.get(f"{base}/healthz", timeout=5).status_code == 200

    body = action_body(slack_api, "nudge_done", comment_id, message_ts=ts)
    started = time.monotonic()
    response = post(base, body, sign(SECRET, body))
    assert response.status_code == 200 and time.monotonic() - started < 3
    (update,) = slack_api.wait_for("chat.update")
    assert update.params["ts"] == ts and "Marked done by <@U0ANA>" in str(update.params["blocks"])

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0


def test_bad_stale_and_malformed_requests(service, slack_api):
    _, base = service
    body = action_body(slack_api, "nudge_done", 1)
    assert post(base, body, sign("wrong-secret", body)).status_code == 401
    assert post(base, body, sign(SECRET, body, int(time.time()) - 600)).status_code == 401
    assert post(base, body, {}).status_code == 401

    for malformed in ("payload=" + quote("{not json"), "payload=" + quote("[1, 2]"), '{"type": '):
        assert post(base, malformed, sign(SECRET, malformed)).status_code == 400, malformed
        assert post(base, malformed, sign("wrong-secret", malformed)).status_code == 401, malformed
    assert requests.get(f"{base}/nowhere", timeout=5).status_code == 404
    assert slack_api.calls_to("chat.update") == []


def test_slash_command_button_and_modal_submission_over_a_real_port(slack_world):
    slack_world.add("c1", "Does the grinder fit the X200?")
    slack_world.poll()
    comment_id, ts = slack_world.comment_id("c1"), slack_world.nudge("c1").slack_ts
    health = Health(slack_world.factory, None)
    server = HttpServer(wsgi_app(slack_world.app(), SECRET, health), port=0, host="127.0.0.1")
    base = f"http://127.0.0.1:{server.port}"
    try:
        command = command_body(slack_world.api, "/unanswered", "blog")
        started = time.monotonic()
        response = post(base, command, sign(SECRET, command))
        assert response.status_code == 200 and time.monotonic() - started < 3
        (answer,) = slack_world.api.wait_for("response_url")
        assert answer.params["response_type"] == "ephemeral" and "grinder" in str(answer.params["blocks"])

        click = action_body(slack_world.api, "nudge_reply", comment_id, message_ts=ts)
        assert post(base, click, sign(SECRET, click)).status_code == 200
        (opened,) = slack_world.api.wait_for("views.open")
        view = opened.params["view"]
        box = next(block["block_id"] for block in view["blocks"] if block["type"] == "input")

        submission = view_submission_body(view, {box: {"reply_text": "Yes, it fits."}})
        assert post(base, submission, sign("wrong-secret", submission)).status_code == 401
        response = post(base, submission, sign(SECRET, submission))
        assert (response.status_code, response.text) == (200, "")
        (update,) = slack_world.api.wait_for("chat.update")
        assert update.params["ts"] == ts and "Replied from Slack by <@U0ANA>" in str(update.params["blocks"])
    finally:
        server.stop()


def test_socket_mode_requests_reach_the_same_listeners(slack_world):
    slack_world.add("c1")
    slack_world.poll()
    comment_id, ts = slack_world.comment_id("c1"), slack_world.nudge("c1").slack_ts
    body = action_body(slack_world.api, "nudge_done", comment_id, message_ts=ts)
    payload = json.loads(unquote(body.removeprefix("payload=")))

    response = slack_world.app().dispatch(BoltRequest(mode="socket_mode", body=payload))

    assert response.status == 200
    assert "Marked done" in str(slack_world.api.wait_for("chat.update")[0].params["blocks"])


def test_http_mode_without_a_signing_secret_names_the_variable(workdir, slack_api, capsys, monkeypatch):
    (workdir / "replynudge.toml").write_text(CONFIG)
    (workdir / "comments.jsonl").write_text("")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{workdir / 'rn.db'}")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-token")
    monkeypatch.setenv("SLACK_API_URL", slack_api.url)

    assert main(["run", "--http", "--port", "0"]) == 2
    assert "SLACK_SIGNING_SECRET" in capsys.readouterr().err


def test_slack_out_of_reach_at_start_is_one_line_naming_the_address(workdir, capsys, monkeypatch):
    (workdir / "replynudge.toml").write_text(CONFIG)
    (workdir / "comments.jsonl").write_text("")
    with socket.socket() as closed:  # a port nothing listens on: the connection is refused
        closed.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{closed.getsockname()[1]}/api/"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{workdir / 'rn.db'}")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-token")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    monkeypatch.setenv("SLACK_API_URL", nowhere)

    assert main(["run", "--http", "--port", "0"]) == 2
    said = capsys.readouterr().err
    assert f"replynudge: error: environment: SLACK_API_URL: cannot reach Slack at {nowhere} to check SLACK_BOT_TOKEN (" \
        in said, said
    assert "Traceback" not in said

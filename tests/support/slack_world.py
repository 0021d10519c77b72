"""A Reply Nudge installation for Slack tests: a replay account on a real database, the stand-in Slack API,
and signed requests built the way Slack builds them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote, urlencode

from slack_bolt import App, BoltRequest
from sqlalchemy import event, select

from bot.config import Settings
from bot.db import SessionFactory
from bot.db.models import Comment, Nudge
from bot.service import poll_cycle
from bot.slack.app import build_app
from bot.slack.client import make_client
from bot.slack.notifier import SlackNotifier
from tests.support.records import account_config
from tests.support.slack_api import SlackAPI, sign

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
CHANNEL = "C0NUDGES"


@dataclass
class World:
    settings: Settings
    factory: SessionFactory
    api: SlackAPI
    path: Path

    def add(self, external_id: str, text: str = "How do I descale the machine?", *, ago=timedelta(hours=3),
            **fields) -> None:
        created = datetime.now(timezone.utc) - ago
        line = {"id": external_id, "post": "p1", "author": fields.pop("author", f"user-{external_id}"),
                "text": text, "created_at": created.isoformat(), "url": f"https://blog.example/c/{external_id}",
                **fields}
        with self.path.open("a") as handle:
            handle.write(json.dumps(line) + "\n")

    def notifier(self, interval: float = 0.0) -> SlackNotifier:
        return SlackNotifier(make_client(self.settings), interval=interval)

    def poll(self, notifier: SlackNotifier | None = None):
        return poll_cycle(self.settings, self.factory, notifier or self.notifier())

    def app(self) -> App:
        return build_app(self.settings, self.factory)

    def comment_id(self, external_id: str) -> int:
        with self.factory() as session:
            return session.scalar(select(Comment.id).where(Comment.external_id == external_id))

    def nudge(self, external_id: str) -> Nudge:
        with self.factory() as session:
            return session.scalar(select(Nudge).join(Comment).where(Comment.external_id == external_id))


@contextmanager
def power_cut_when_recording_a_post(engine):
    """The UPDATE recording a posted nudge fails, as if the process died right after chat.postMessage."""

    def cut(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("UPDATE NUDGES") and "posted_at=" in statement:  # the SET of a post
            raise RuntimeError("power cut after chat.postMessage")

    event.listen(engine, "before_cursor_execute", cut)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", cut)


def make_world(tmp_path: Path, session_factory: SessionFactory, api: SlackAPI, **account) -> World:
    path = tmp_path / "comments.jsonl"
    path.touch()
    fields = {"channel": CHANNEL, "min_score": 0, "options": {"path": str(path)}, **account}
    settings = Settings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=api.url,
        accounts=(account_config("blog", **fields),),
    )
    return World(settings, session_factory, api, path)


TIMESHIFT = Path(__file__).resolve().parents[1] / "timeshift"


def start_http_service(workdir: Path, database_url: str, api: SlackAPI, *, clock_jumps: Path | None = None
                       ) -> tuple[subprocess.Popen, str, int]:
    """`replynudge run --http` as a real process on a free port, wired to the stand-in Slack API; returns the
    process, what it printed up to its banner (the banner last) and its port. With `clock_jumps` (a file),
    `move_clock` moves the process's clock on."""
    env = {**os.environ, "DATABASE_URL": database_url, "SLACK_BOT_TOKEN": "xoxb-test-token",
           "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api.url, "HEALTH_PORT": "0"}
    if clock_jumps:
        clock_jumps.write_text("")
        env.update(TEST_CLOCK_JUMPS=str(clock_jumps),
                   PYTHONPATH=os.pathsep.join(filter(None, (str(TIMESHIFT), os.environ.get("PYTHONPATH")))))
    process = subprocess.Popen([sys.executable, "-m", "bot", "run", "--http", "--port", "0"],
                               cwd=workdir, env=env, stderr=subprocess.PIPE, text=True)
    banner = ""
    for line in iter(process.stderr.readline, ""):
        banner += line
        if "serving Slack on http://" in line:
            break
    assert "serving Slack on http://" in banner, banner
    serving = banner.splitlines()[-1]
    return process, banner, int(serving.split("http://", 1)[1].split("/")[0].rsplit(":", 1)[1])


def status_url(banner: str) -> str:
    """Where the status pages of a service are served, from what it printed at start (HEALTH_HOST:HEALTH_PORT)."""
    line = next(line for line in banner.splitlines() if "serving health and metrics on http://" in line)
    return "http://" + line.split("http://", 1)[1].split(" ", 1)[0]


def move_clock(process: subprocess.Popen, clock_jumps: Path, seconds: float, timeout: float = 10) -> None:
    """Move a process started with `clock_jumps` on by `seconds` (tests/timeshift); returns once it has moved."""
    clock_jumps.write_text(str(seconds))
    process.send_signal(signal.SIGUSR1)
    deadline = time.monotonic() + timeout
    while clock_jumps.read_text():
        assert time.monotonic() < deadline and process.poll() is None, "the process did not move its clock"
        time.sleep(0.02)


def signed_request(body: str, *, secret: str = SECRET, timestamp: int | None = None) -> BoltRequest:
    headers = {name.lower(): [value] for name, value in sign(secret, body, timestamp).items()}
    headers["content-type"] = ["application/json" if body.startswith("{") else "application/x-www-form-urlencoded"]
    return BoltRequest(body=body, headers=headers)


def action_body(api: SlackAPI, action_id: str, comment_id: int, *, user: str = "U0ANA", message_ts: str = "1.1",
                **action) -> str:
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "team_id": "T0TEAM"},
        "api_app_id": "A0APP",
        "team": {"id": "T0TEAM", "domain": "acme"},
        "container": {"type": "message", "message_ts": message_ts, "channel_id": CHANNEL, "is_ephemeral": False},
        "channel": {"id": CHANNEL, "name": "nudges"},
        "message": {"ts": message_ts, "text": "nudge"},
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        "response_url": api.response_url(action_id),
        "actions": [{"action_id": action_id, "block_id": f"nudge_actions:{comment_id}", "value": str(comment_id),
                     "type": "button", "action_ts": "1700000000.000100", **action}],
    }
    return "payload=" + quote(json.dumps(payload))


def snoozed_for_an_hour(world: World) -> datetime:
    """c1's nudge posted, then snoozed for an hour from Slack; returns when the snooze runs out."""
    world.add("c1")
    world.poll()
    comment_id, ts = world.comment_id("c1"), world.nudge("c1").slack_ts
    body = action_body(world.api, "nudge_snooze", comment_id, message_ts=ts, type="static_select", value=None,
                       selected_option={"value": f"{comment_id}:1h"})
    assert world.app().dispatch(signed_request(body)).status == 200
    world.api.wait_for("chat.update")
    return world.nudge("c1").snoozed_until


def reminders(world: World) -> list[str]:
    """The reminders the channel shows (in the nudge's thread)."""
    return [m["text"] for m in world.api.messages(CHANNEL) if "Snooze over" in m["text"]]


def command_body(api: SlackAPI, command: str, text: str, *, user: str = "U0ANA") -> str:
    return urlencode({
        "token": "unused", "team_id": "T0TEAM", "team_domain": "acme", "channel_id": CHANNEL, "channel_name": "nudges",
        "user_id": user, "user_name": user.lower(), "command": command, "text": text, "api_app_id": "A0APP",
        "is_enterprise_install": "false", "response_url": api.response_url("command"),
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
    })


def _user(user: str) -> dict:
    return {"id": user, "username": user.lower(), "name": user.lower(), "team_id": "T0TEAM"}


def view_submission_body(view: dict, values: dict[str, dict[str, str]], *, user: str = "U0ANA") -> str:
    """A modal submitted: `values` maps block_id -> action_id -> the text typed there."""
    state = {block: {action: {"type": "plain_text_input", "value": text} for action, text in actions.items()}
             for block, actions in values.items()}
    payload = {
        "type": "view_submission", "team": {"id": "T0TEAM", "domain": "acme"}, "user": _user(user),
        "api_app_id": "A0APP", "token": "unused", "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        "view": {"id": "V0VIEW", "team_id": "T0TEAM", "hash": "156772938.1827394", "app_id": "A0APP",
                 "bot_id": "B0BOT", **view, "state": {"values": state}},
        "response_urls": [], "is_enterprise_install": False,
    }
    return "payload=" + quote(json.dumps(payload))


def view_action_body(view: dict, action_id: str, value: str, *, user: str = "U0ANA") -> str:
    """A button inside an open modal clicked."""
    payload = {
        "type": "block_actions", "user": _user(user), "api_app_id": "A0APP", "token": "unused",
        "team": {"id": "T0TEAM", "domain": "acme"},
        "container": {"type": "view", "view_id": "V0VIEW"},
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        "view": {"id": "V0VIEW", "hash": "156772938.1827394", **view, "state": {"values": {}}},
        "actions": [{"action_id": action_id, "block_id": "b1", "value": value, "type": "button",
                     "action_ts": "1700000000.000200"}],
    }
    return "payload=" + quote(json.dumps(payload))


def event_body(event: dict) -> str:
    """An Events API callback, as Slack posts it (JSON)."""
    return json.dumps({
        "token": "unused", "team_id": "T0TEAM", "api_app_id": "A0APP", "type": "event_callback",
        "event_id": "Ev0HOME", "event_time": 1700000000, "event": {"event_ts": "1700000000.000300", **event},
        "authorizations": [{"team_id": "T0TEAM", "user_id": "U0BOT", "is_bot": True}],
    })


def home_action_body(action_id: str, comment_id: int, *, user: str = "U0ANA", **action) -> str:
    """A button on the Home tab: no channel, no message, no response_url."""
    payload = {
        "type": "block_actions", "user": _user(user), "api_app_id": "A0APP", "token": "unused",
        "team": {"id": "T0TEAM", "domain": "acme"}, "container": {"type": "view", "view_id": "V0HOME"},
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        "view": {"id": "V0HOME", "type": "home", "hash": "1", "blocks": [], "state": {"values": {}}},
        "actions": [{"action_id": action_id, "block_id": f"nudge_actions:{comment_id}", "value": str(comment_id),
                     "type": "button", "action_ts": "1700000000.000400", **action}],
    }
    return "payload=" + quote(json.dumps(payload))

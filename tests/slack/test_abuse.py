"""Attacks from inside the workspace (issue 16), each as a signed request against a real `replynudge run --http`
on a port (or, for where a nudge is posted, a poll delivering to it), with the stand-in Slack Web API saying who is
who, on SQLite and PostgreSQL.

The workspace: `blog` nudges in the public channel C0NUDGES (U0ANA and U0BEN are members), `vip` in the private
channel C0PRIVATE (only U0ANA). U0EXT belongs to another organisation (Slack Connect), U0GUEST is a guest.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
import requests
from pytest_httpserver import HTTPServer
from sqlalchemy import select

from bot.config import ConfigError, Route
from bot.config_file import parse_accounts
from bot.db import make_engine, session_factory as make_session_factory
from bot.db.models import Comment, Nudge
from bot.slack.access import CACHE_FOR
from bot.sources import build_source
from bot.sources.base import AuthError
from bot.suggest import suggest_questions
from bot.suggest.safety import unsafe
from tests.support.slack_api import sign
from tests.support.slack_world import (SECRET, action_body, command_body, event_body, home_action_body, make_world,
                                       move_clock, start_http_service, view_submission_body)

CONFIG = """
[defaults]
channel = "C0NUDGES"
min_score = 0
nudge_after = "1h"

[[accounts]]
name = "blog"
platform = "replay"
path = "blog.jsonl"

[[accounts]]
name = "vip"
platform = "replay"
path = "vip.jsonl"
channel = "C0PRIVATE"
"""
PRIVATE = "C0PRIVATE"
ATTACK = "We are shutting down, all contracts cancelled"
PHISH = "https://evil.example/phish|Verify your Acme Slack session"


def line(external_id: str, text: str, *, author: str, ago: timedelta = timedelta(hours=3), **fields) -> str:
    created = datetime.now(timezone.utc) - ago
    return json.dumps({"id": external_id, "post": "p1", "author": author, "text": text,
                       "created_at": created.isoformat(), "url": f"https://blog.example/c/{external_id}",
                       **fields}) + "\n"


class Service:
    def __init__(self, base: str, api, database_url: str, process: subprocess.Popen, clock_jumps):
        self.base, self.api = base, api
        self.factory = make_session_factory(make_engine(database_url))
        self.process, self.clock_jumps = process, clock_jumps
        self.moved = 0  # seconds the service's clock was moved on: requests are signed at its time

    def move_clock(self, delta: timedelta) -> None:
        move_clock(self.process, self.clock_jumps, delta.total_seconds())
        self.moved += delta.total_seconds()

    def sign(self, body: str) -> dict[str, str]:
        return sign(SECRET, body, int(time.time() + self.moved))

    def post(self, body: str) -> requests.Response:
        return requests.post(f"{self.base}/slack/events", data=body.encode(), timeout=10,
                             headers={"Content-Type": "application/x-www-form-urlencoded", **self.sign(body)})

    def event(self, body: str) -> requests.Response:
        return requests.post(f"{self.base}/slack/events", data=body.encode(), timeout=10,
                             headers={"Content-Type": "application/json", **self.sign(body)})

    def comment(self, external_id: str) -> int:
        with self.factory() as session:
            return session.scalar(select(Comment.id).where(Comment.external_id == external_id))

    def nudge(self, external_id: str) -> Nudge:
        with self.factory() as session:
            return session.scalar(select(Nudge).join(Comment).where(Comment.external_id == external_id))

    def command(self, text: str, user: str, command: str = "/nudge") -> str:
        """What the command answered (through its response_url)."""
        before = len(self.api.calls_to("response_url"))
        assert self.post(command_body(self.api, command, text, user=user)).status_code == 200
        answers = self.api.wait_for("response_url", count=before + 1)
        assert len(answers) > before, f"{command} {text} was not answered"
        return json.dumps(answers[before].params)

    def brand_replies(self) -> list[str]:
        with self.factory() as session:
            return list(session.scalars(select(Comment.text).where(Comment.is_brand.is_(True))))


@pytest.fixture
def service(workdir, database_url, slack_api):
    (workdir / "replynudge.toml").write_text(CONFIG)
    (workdir / "blog.jsonl").write_text(
        line("b1", "Does the X200 need descaling?", author="maria lopez")
        + line("b2", "Our winter menu is out", author="Acme", brand=True)
        + line("b3", "<!here> ask <@U0ANA> \x1b[2J\x1b]0;pwned\x07 now", author="<!channel>",
               url=PHISH))
    (workdir / "vip.jsonl").write_text(line("v1", "My contract renewal is stuck, please call", author="maria lopez",
                                            author_id="maria-2")
                                       + line("v2", "DM: my card ending 4242 was charged twice", author="sam",
                                              private=True))
    slack_api.members[PRIVATE] = ["U0ANA", "U0BOT"]
    slack_api.add_user("U0EXT", team="T0OTHER")
    slack_api.add_user("U0GUEST", is_restricted=True)
    clock_jumps = workdir / "clock-jumps"
    process, _, port = start_http_service(workdir, database_url, slack_api, clock_jumps=clock_jumps)
    slack_api.wait_for("chat.postMessage", count=4, timeout=20)
    service = Service(f"http://127.0.0.1:{port}", slack_api, database_url, process, clock_jumps)
    yield service
    process.kill()
    process.wait()
    service.factory.kw["bind"].dispose()


def reply_view(comment_id: int) -> dict:
    return {"type": "modal", "callback_id": "nudge_reply_submit", "blocks": [],
            "private_metadata": json.dumps({"comment_id": comment_id, "version": 0, "home": True})}


def test_a_slack_connect_user_can_neither_read_nor_publish(service, slack_api):
    listed = service.command("", "U0EXT", "/unanswered")
    assert "contract renewal" not in listed and "X200" not in listed and "not a member" in listed

    vip = service.comment("v1")
    assert service.post(home_action_body("nudge_reply", vip, user="U0EXT")).status_code == 200
    (refusal,) = slack_api.wait_for("views.open")
    assert "another organisation" in json.dumps(refusal.params["view"])
    assert refusal.params["view"].get("callback_id") != "nudge_reply_submit"

    body = view_submission_body(reply_view(vip), {"reply:0": {"reply_text": ATTACK}}, user="U0EXT")
    answer = service.post(body)
    assert answer.status_code == 200 and answer.json()["response_action"] == "push"
    assert "another organisation" in json.dumps(answer.json()["view"])
    time.sleep(0.5)
    assert ATTACK not in service.brand_replies() and service.nudge("v1").handled_how is None
    assert not [call for call in slack_api.calls_to("chat.update") if "Replied" in json.dumps(call.params)]


def test_a_private_message_is_listed_only_in_its_channel_and_labelled(service, slack_api):
    (nudge,) = [call for call in slack_api.calls_to("chat.postMessage") if "4242" in json.dumps(call.params)]
    assert nudge.params["channel"] == PRIVATE and "Private message" in json.dumps(nudge.params["blocks"])

    elsewhere = service.command("", "U0ANA", "/unanswered")  # from C0NUDGES, the public account's channel
    assert "contract renewal" in elsewhere and "4242" not in elsewhere
    assert service.event(event_body({"type": "app_home_opened", "user": "U0ANA", "channel": "D0ANA",
                                     "tab": "home"})).status_code == 200
    (home,) = slack_api.wait_for("views.publish")
    assert "4242" not in json.dumps(home.params)

    body = command_body(slack_api, "/unanswered", "", user="U0ANA").replace("channel_id=C0NUDGES",
                                                                             f"channel_id={PRIVATE}")
    assert service.post(body).status_code == 200
    answers = slack_api.wait_for("response_url", count=2)
    assert "4242" in json.dumps(answers[1].params) and "Private message" in json.dumps(answers[1].params)


def test_a_private_message_stays_in_its_accounts_channel_whatever_the_routes(tmp_path, session_factory, slack_api):
    world = make_world(tmp_path, session_factory, slack_api, routes=(Route(("refund", "shipping"), "C0SUPPORT"),))
    world.add("dm", "I need a refund: my card ending 4242 was charged twice", private=True, author="sam",
              ago=timedelta(hours=4))
    world.add("public", "And how long does shipping take?", parent="dm", author="sam")  # a public reply under it
    world.poll()

    posted = {call.params["channel"]: json.dumps(call.params) for call in slack_api.calls_to("chat.postMessage")}
    assert set(posted) == {"C0NUDGES", "C0SUPPORT"}
    assert "4242" in posted["C0NUDGES"] and "Private message" in posted["C0NUDGES"]  # nudged where it belongs
    assert "shipping take" in posted["C0SUPPORT"] and "4242" not in posted["C0SUPPORT"]


def test_every_reply_and_triage_action_is_in_the_audit_export(service, slack_api, workdir, database_url):
    blog, vip = service.comment("b1"), service.comment("v1")
    pasted = '=HYPERLINK("https://evil.example","Thanks")'  # a commenter's text pasted into a reply
    assert service.post(view_submission_body(reply_view(blog), {"reply:0": {"reply_text": pasted}})).status_code == 200
    assert "Snoozed" in service.command(f"snooze {vip} 4h", "U0ANA")
    deadline = time.monotonic() + 10
    while service.nudge("b1").handled_how != "replied" and time.monotonic() < deadline:
        time.sleep(0.1)
    env = {**os.environ, "DATABASE_URL": database_url}
    exported = subprocess.run([sys.executable, "-m", "bot", "export", "--audit"], cwd=workdir, env=env,
                              capture_output=True, text=True, timeout=60)
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert [(row["actor"], row["action"], row["account"], row["comment_id"]) for row in rows] == [
        ("U0ANA", "reply", "blog", str(blog)), ("U0ANA", "snooze", "vip", str(vip))]
    assert rows[0]["detail"] == "'" + pasted  # a spreadsheet shows it, never runs it
    (update,) = [call for call in slack_api.calls_to("chat.update") if "Replied from Slack" in json.dumps(call.params)]
    assert "Replied from Slack by <@U0ANA>" in json.dumps(update.params["blocks"])


def test_a_replayed_or_simultaneous_submit_posts_one_reply(service, slack_api):
    blog = service.comment("b1")
    ana = view_submission_body(reply_view(blog), {"reply:0": {"reply_text": "Yes, every 3 months."}}, user="U0ANA")
    ben = view_submission_body(reply_view(blog), {"reply:0": {"reply_text": "Yes, monthly."}}, user="U0BEN")
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(service.post, [ana, ben]))
    assert [answer.status_code for answer in answers] == [200, 200]
    replayed = service.post(ana)  # the same submission again, within Slack's five minutes
    assert "already replied" in replayed.text
    assert len([text for text in service.brand_replies() if text.startswith("Yes")]) == 1
    assert service.nudge("b1").handled_how == "replied"


def test_a_guest_may_not_triage(service, slack_api):
    blog = service.comment("b1")
    assert service.post(action_body(slack_api, "nudge_done", blog, user="U0GUEST")).status_code == 200
    (refusal,) = slack_api.wait_for("response_url")
    assert "Guests may not" in refusal.params["text"] and refusal.params["response_type"] == "ephemeral"
    assert service.nudge("b1").state != Nudge.HANDLED


def test_a_member_removed_from_the_channel_or_made_a_guest_loses_access_when_the_cache_expires(service, slack_api):
    blog = service.comment("b1")
    assert "X200" in service.command("", "U0BEN", "/unanswered")
    assert "X200" in service.command("", "U0ANA", "/unanswered")
    slack_api.members["C0NUDGES"] = ["U0ANA", "U0BOT"]  # U0BEN leaves the channel
    slack_api.add_user("U0ANA", is_restricted=True)  # U0ANA is made a guest
    assert "X200" in service.command("", "U0BEN", "/unanswered")  # Slack's answers are cached for a while

    service.move_clock(CACHE_FOR + timedelta(seconds=1))
    assert "X200" not in service.command("", "U0BEN", "/unanswered")
    for user, why in (("U0BEN", "Only members of <#C0NUDGES>"), ("U0ANA", "Guests may not")):
        before = len(slack_api.calls_to("response_url"))
        assert service.post(action_body(slack_api, "nudge_done", blog, user=user)).status_code == 200
        refusal = slack_api.wait_for("response_url", count=before + 1)[before].params
        assert why in refusal["text"] and refusal["response_type"] == "ephemeral", refusal
    assert service.nudge("b1").state != Nudge.HANDLED


def test_a_comment_is_never_assigned_to_someone_who_may_not_see_it(service, slack_api):
    for comment, assignee, because in (("v1", "U0BEN", "not one of the members of <#C0PRIVATE>"),
                                       ("b1", "U0GUEST", "a guest"), ("b1", "U0EXT", "another organisation")):
        before = len(slack_api.calls_to("response_url"))
        body = action_body(slack_api, "nudge_assign", service.comment(comment), value=None, selected_user=assignee)
        assert service.post(body).status_code == 200
        refusal = slack_api.wait_for("response_url", count=before + 1)[before].params
        assert refusal["response_type"] == "ephemeral" and "Not assigned" in refusal["text"], refusal
        assert f"<@{assignee}>" in refusal["text"] and because in refusal["text"], refusal
        assert service.nudge(comment).assigned_to is None
    assert not slack_api.calls_to("conversations.open")  # nobody was sent the author and the account
    assert service.post(action_body(slack_api, "nudge_assign", service.comment("b1"), value=None,
                                    selected_user="U0BEN")).status_code == 200
    slack_api.wait_for("conversations.open")
    assert service.nudge("b1").assigned_to == "U0BEN"


def test_a_member_outside_the_private_channel_sees_and_touches_only_the_public_account(service, slack_api):
    listed = service.command("", "U0BEN", "/unanswered")
    assert "X200" in listed and "contract renewal" not in listed
    stats = service.command("stats", "U0BEN")
    assert "vip" not in stats and "blog" in stats

    assert service.event(event_body({"type": "app_home_opened", "user": "U0BEN", "channel": "D0BEN",
                                     "tab": "home"})).status_code == 200
    (home,) = slack_api.wait_for("views.publish")
    assert "contract renewal" not in json.dumps(home.params) and "X200" in json.dumps(home.params)

    vip = service.comment("v1")
    assert "no open comment" in service.command(f"snooze {vip} 4h", "U0BEN")
    assert service.nudge("v1").snoozed_until is None

    # a mute from a DM closes only the nudges of accounts the user may configure
    answer = service.command("mute maria lopez", "U0BEN")
    assert "Muted" in answer and service.nudge("b1").handled_how == "muted"
    assert service.nudge("v1").state != Nudge.HANDLED


def test_the_home_counts_only_what_its_viewer_may_see(service, slack_api):
    homes = {}
    for user in ("U0ANA", "U0BEN"):
        before = len(slack_api.calls_to("views.publish"))
        assert service.event(event_body({"type": "app_home_opened", "user": user, "channel": f"D{user}",
                                         "tab": "home"})).status_code == 200
        homes[user] = json.dumps(slack_api.wait_for("views.publish", count=before + 1)[before].params)
    # U0ANA sees b1, b3 and v1 listed; v2 is a private message, never listed on the tab: not one of "N more"
    assert "more:" not in homes["U0ANA"] and "1 private message" in homes["U0ANA"]
    assert "more:" not in homes["U0BEN"] and "private" not in homes["U0BEN"]


def test_snooze_takes_only_user_comments_and_at_most_30_days(service):
    brand = service.comment("b2")
    assert "no open comment" in service.command(f"snooze {brand} 4h", "U0ANA")
    assert service.nudge("b2") is None
    blog = service.comment("b1")
    for too_long in ("900000w", "5000w", "31d"):
        assert "Usage" in service.command(f"snooze {blog} {too_long}", "U0ANA"), too_long
    assert service.nudge("b1").snoozed_until is None
    assert "Snoozed" in service.command(f"snooze {blog} 30d", "U0ANA")


def test_commenter_text_cannot_ping_anyone_or_label_a_link(service, slack_api):
    (nudge,) = [call for call in slack_api.calls_to("chat.postMessage") if "evil.example" in json.dumps(call.params)]
    shown = json.dumps({key: nudge.params[key] for key in ("text", "blocks")})
    for raw in ("<!channel>", "<!here>", "<@U0ANA>", "|Verify your Acme Slack session>"):
        assert raw not in shown, raw
    assert "&lt;!channel&gt;" in shown and "https://evil.example/phish%7CVerify%20your%20Acme%20Slack%20session|open>" in shown


def test_http_limits_hold_against_huge_bodies_bad_bytes_and_idle_connections(service):
    huge = requests.post(f"{service.base}/slack/events", data=b"x" * (2 * 1024 * 1024), timeout=10,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert huge.status_code == 413
    latin1 = "command=/unanswered&text=caf\xe9".encode("latin-1")
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               **sign(SECRET, latin1.decode("latin-1"))}
    assert requests.post(f"{service.base}/slack/events", data=latin1, headers=headers, timeout=10).status_code == 400

    host, port = service.base.removeprefix("http://").split(":")
    idle = [socket.create_connection((host, int(port)), timeout=5) for _ in range(110)]
    try:
        for sock in idle[:55]:
            sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")  # half a request
        started = time.monotonic()
        assert requests.get(f"{service.base}/healthz", timeout=30).status_code == 200
        assert time.monotonic() - started < 15
    finally:
        for sock in idle:
            sock.close()


def test_check_never_prints_the_database_password_and_sqlite_is_private(workdir):
    (workdir / "replynudge.toml").write_text(CONFIG)
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    for url in ("postgresql://brand:s3cr3t-pw@db.example:notaport/rn", "postgres ql://brand:s3cr3t-pw@db/rn",
                "postgresql://brand:s3cr3t-pw@127.0.0.1:1/rn"):
        shown = subprocess.run([sys.executable, "-m", "bot", "check"], cwd=workdir, capture_output=True, text=True,
                               env={**env, "DATABASE_URL": url}, timeout=60)
        assert "s3cr3t-pw" not in shown.stdout + shown.stderr and "Traceback" not in shown.stderr, url
    (workdir / "blog.jsonl").write_text(line("b1", "Hello?", author="ann"))
    (workdir / "vip.jsonl").write_text("")
    subprocess.run([sys.executable, "-m", "bot", "poll", "--once"], cwd=workdir, capture_output=True, timeout=60,
                   env={**env, "DATABASE_URL": "sqlite:///fresh.db"})
    for name in ("fresh.db", "fresh.db-wal"):
        path = workdir / name
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
    assert (workdir / "fresh.db").exists()


def test_a_running_service_keeps_the_sqlite_database_and_its_wal_and_shm_files_private(workdir, slack_api):
    """A database file an older version (or a restore) left readable by others: while the service runs, the file,
    its WAL and its shared-memory file (which SQLite creates with the database's mode) are its owner's alone."""
    (workdir / "replynudge.toml").write_text(CONFIG)
    (workdir / "blog.jsonl").write_text(line("b1", "Hello?", author="ann"))
    (workdir / "vip.jsonl").write_text("")
    database = workdir / "old.db"
    database.touch()
    database.chmod(0o644)
    process, printed, _ = start_http_service(workdir, f"sqlite:///{database}", slack_api)
    assert "old.db readable by its owner only" in printed  # the operator is told
    try:
        slack_api.wait_for("chat.postMessage", timeout=20)
        modes = {name: stat.S_IMODE((workdir / name).stat().st_mode) for name in ("old.db", "old.db-wal", "old.db-shm")}
    finally:
        process.kill()
        process.wait()
    assert modes == {"old.db": 0o600, "old.db-wal": 0o600, "old.db-shm": 0o600}


def test_the_terminal_shows_no_escape_sequences(workdir):
    (workdir / "replynudge.toml").write_text(CONFIG)
    (workdir / "blog.jsonl").write_text(line("b1", "hi \x1b[2J\x1b]0;pwned\x07 there\u202e", author="e\x1b[31mvil"))
    (workdir / "vip.jsonl").write_text("")
    env = {**{k: v for k, v in os.environ.items() if k != "DATABASE_URL"}, "DATABASE_URL": "sqlite:///t.db"}
    subprocess.run([sys.executable, "-m", "bot", "poll", "--once"], cwd=workdir, capture_output=True, timeout=60, env=env)
    shown = subprocess.run([sys.executable, "-m", "bot", "unanswered"], cwd=workdir, capture_output=True, text=True,
                           timeout=60, env=env).stdout
    assert "there" in shown and "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown


@pytest.mark.parametrize("answer", [
    "Could you share your card number and the CVV on the back so we can check the charge?",
    "What is the password you log in with, so we can look at your account?",
    "Could you confirm your order at https://acme-support.example/verify?",
    "We will refund you $200 right away, does that sound fair?",
])
def test_an_llm_answer_unfit_to_publish_is_never_prefilled(answer):
    # bot/suggest/llm.py refuses an answer holding any question that bot/suggest/safety.py calls unsafe
    assert unsafe(answer) is not None
    assert unsafe("How long have you had the machine?") is None


def test_a_flagged_name_or_phrase_is_never_echoed_in_a_suggestion():
    for text in ("Love the Nazi propaganda tea, it is great!", "Hitler, thank you for the Nazi propaganda tea!"):
        suggested = " ".join(suggest_questions(text, author="Hitler Fan"))
        assert "Nazi" not in suggested and "Hitler" not in suggested, suggested


def test_the_wordpress_password_goes_only_to_the_configured_origin_over_https(httpserver):
    elsewhere = HTTPServer(host="127.0.0.1")  # another origin that the site's Link header points at
    elsewhere.expect_request(re.compile(".*")).respond_with_json([])
    elsewhere.start()
    try:
        httpserver.expect_request("/").respond_with_data(
            "<html>blog</html>", headers={"Link": f'<{elsewhere.url_for("/wp-json/")}>; rel="https://api.w.org/"'})
        account = wordpress_account(httpserver.url_for("/").rstrip("/"))
        with pytest.raises(AuthError, match="another origin"):
            list(build_source(account).fetch(None))
        assert not [request for request, _ in elsewhere.log if request.headers.get("Authorization")]
    finally:
        elsewhere.stop()
    with pytest.raises(ConfigError, match=r"accounts\[blog\]\.url: must be https://"):
        build_source(wordpress_account("http://blog.example.com"))


def wordpress_account(url: str):
    entry = {"name": "blog", "platform": "wordpress", "url": url, "username": "brand", "app_password_env": "WP"}
    return parse_accounts({"accounts": [entry]}, "replynudge.toml", {"WP": "abcd efgh ijkl mnop"})[0]

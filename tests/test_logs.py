"""LOG_FORMAT: plain lines by default, one JSON object a line with LOG_FORMAT=json, a clear error for anything else."""

from __future__ import annotations

import json
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

from bot.logs import JsonFormatter

CONFIG = """
[[accounts]]
name = "blog"
platform = "replay"
path = "missing.jsonl"
"""


def start_service(workdir, **env) -> tuple[subprocess.Popen, queue.Queue]:
    """`replynudge run` without Slack (nudges to the terminal), its stderr lines read into a queue."""
    (workdir / "replynudge.toml").write_text(CONFIG)
    process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=workdir, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "DATABASE_URL": f"sqlite:///{workdir}/rn.db", **env})
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    return process, lines


def first_line_with(lines: queue.Queue, text: str, timeout: float = 30) -> tuple[list[str], str]:
    """The lines read before the first that contains `text`, and that line."""
    before, deadline = [], time.monotonic() + timeout
    while True:
        line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        if text in line:
            return before, line
        before.append(line)


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0


def test_json_lines_carry_level_logger_message_and_the_account(workdir):
    process, lines = start_service(workdir, LOG_FORMAT="json")
    try:
        before, line = first_line_with(lines, "replay file not found")
        stop(process)
    finally:
        process.kill()
    for earlier in before:
        json.loads(earlier)
    record = json.loads(line)
    assert record["level"] == "WARNING" and record["logger"] == "bot.service"
    assert record["message"].startswith("blog: temporary: ") and "missing.jsonl" in record["message"]
    assert record["account"] == "blog" and record["error_kind"] == "temporary"
    assert record["time"].endswith("+00:00")


def test_plain_text_is_the_default(workdir):
    process, lines = start_service(workdir)
    try:
        _, line = first_line_with(lines, "replay file not found")
        stop(process)
    finally:
        process.kill()
    assert line.startswith("WARNING bot.service: blog: temporary: ")


def test_an_unknown_log_format_is_a_config_error_naming_the_key(workdir):
    result = subprocess.run([sys.executable, "-m", "bot", "poll", "--once"], cwd=workdir, capture_output=True,
                            text=True, env={**os.environ, "LOG_FORMAT": "yaml"}, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "replynudge: error: environment: LOG_FORMAT: 'yaml' is not a log format (one of: text, json)"


def test_a_traceback_stays_inside_its_json_line():
    try:
        raise ValueError("broken page")
    except ValueError:
        record = logging.getLogger("bot.engine.poller").makeRecord(
            "bot.engine.poller", logging.ERROR, __file__, 1, "polling %s failed", ("blog",), sys.exc_info(),
            extra={"account": "blog"})
    line = JsonFormatter().format(record)
    assert "\n" not in line
    parsed = json.loads(line)
    assert parsed["message"] == "polling blog failed" and parsed["account"] == "blog"
    assert parsed["exception"].startswith("Traceback") and "ValueError: broken page" in parsed["exception"]


def test_a_field_passed_in_extra_never_replaces_time_level_or_logger(capfd):
    """The record's own fields win; an `extra=` key of the same name is kept beside them, prefixed `extra_`."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("bot.engine.poller.extras")
    logger.addHandler(handler)
    try:
        logger.warning("polling %s stopped", "blog", extra={
            "time": "yesterday", "level": "DEBUG", "logger": "elsewhere", "exception": "none", "account": "blog"})
    finally:
        logger.removeHandler(handler)
    line = json.loads(capfd.readouterr().err)
    assert (line["level"], line["logger"], line["message"]) == ("WARNING", "bot.engine.poller.extras",
                                                                "polling blog stopped")
    assert line["time"].endswith("+00:00") and "exception" not in line
    assert (line["extra_time"], line["extra_level"], line["extra_logger"], line["extra_exception"]) == (
        "yesterday", "DEBUG", "elsewhere", "none")
    assert line["account"] == "blog"



def test_an_account_failing_poll_after_poll_is_logged_once_and_its_recovery_once(tmp_path, session_factory, caplog):
    """`replynudge run`'s polling step, five polls of a replay account whose file is missing for the first three."""
    from sqlalchemy import update

    from bot.config import Settings
    from bot.db.models import SyncState
    from bot.engine.leases import Lease
    from bot.engine.poller import sync_accounts
    from bot.service import build_sources, polling
    from tests.support.records import account_config

    missing = tmp_path / "missing.jsonl"
    settings = Settings(accounts=(account_config("blog", options={"path": str(missing)}),))
    with session_factory.begin() as session:
        accounts = {sync_accounts(session, settings.accounts)["blog"]: settings.accounts[0]}
    step = polling(settings, session_factory, accounts, build_sources(settings), Lease("replica"), [])
    caplog.set_level(logging.INFO, logger="bot.service")
    for poll in range(5):
        if poll == 3:
            missing.touch()
        step()
        with session_factory.begin() as session:  # time passes: the account is due again
            session.execute(update(SyncState).values(next_poll_at=None))
    said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "bot.service"]
    assert said == [("WARNING", f"blog: temporary: {missing}: replay file not found: create it, or set "
                                "replynudge.toml: accounts[blog].path to the file's path"),
                    ("INFO", "blog: polls again")]


def test_an_account_paused_for_its_credentials_is_logged_once_not_again_at_each_skipped_poll(
    session_factory, httpserver, caplog
):
    """`replynudge run`'s polling step over a Mastodon account whose token the server refuses: the refusal pauses
    the account, and the polls skipped while it is paused are the same failure, not a new one to log."""
    import re

    from sqlalchemy import update

    from bot.config import Settings
    from bot.config_file import parse_accounts
    from bot.db.models import SyncState
    from bot.engine.leases import Lease
    from bot.engine.poller import sync_accounts
    from bot.service import build_sources, polling
    from tests.support.fake_mastodon import FakeMastodon

    fake = FakeMastodon(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    account = parse_accounts(
        {"accounts": [{"name": "toots", "platform": "mastodon", "base_url": fake.base_url,
                       "access_token_env": "MASTODON_TOKEN"}]},
        "replynudge.toml", {"MASTODON_TOKEN": "expired"},
    )[0]
    settings = Settings(accounts=(account,))
    with session_factory.begin() as session:
        accounts = {sync_accounts(session, settings.accounts)["toots"]: account}
    step = polling(settings, session_factory, accounts, build_sources(settings), Lease("replica"), [])
    caplog.set_level(logging.INFO, logger="bot.service")
    for _ in range(3):
        step()
        with session_factory.begin() as session:  # the account is due again, still within its pause
            session.execute(update(SyncState).values(next_poll_at=None))
    said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "bot.service"]
    assert len(said) == 1, said
    assert said[0][0] == "WARNING" and said[0][1].startswith("toots: auth: ")


def test_a_bad_line_in_a_replay_file_is_logged_once_while_it_stays(tmp_path, session_factory, caplog):
    """A number as a replay line's url failed every poll as a bug, its traceback logged at every poll. It is the
    file's error, not the code's: one warning naming the file, the line and the key, for as long as it stays."""
    from sqlalchemy import update

    from bot.config import Settings
    from bot.db.models import SyncState
    from bot.engine.leases import Lease
    from bot.engine.poller import sync_accounts
    from bot.service import build_sources, polling
    from tests.support.records import account_config

    path = tmp_path / "import.jsonl"
    old = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    line = {"id": "1", "post": "p", "author": "Ana", "text": "Is it back?", "created_at": old}
    path.write_text(json.dumps(line) + "\n" + json.dumps({**line, "id": "2", "url": 5}) + "\n")
    settings = Settings(accounts=(account_config("blog", options={"path": str(path)}),))
    with session_factory.begin() as session:
        accounts = {sync_accounts(session, settings.accounts)["blog"]: settings.accounts[0]}
    step = polling(settings, session_factory, accounts, build_sources(settings), Lease("replica"), [])
    caplog.set_level(logging.INFO)
    for _ in range(3):
        step()
        with session_factory.begin() as session:  # time passes: the account is due again
            session.execute(update(SyncState).values(next_poll_at=None))
    said = [(r.levelname, r.name, r.getMessage()) for r in caplog.records if r.levelno >= logging.WARNING]
    assert said == [("WARNING", "bot.service", f"blog: temporary: {path}:2: url: must be a string, not the number 5 "
                                               "(fix or remove that line: the lines after it wait for it)")]

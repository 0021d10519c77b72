"""Progress of a long poll: a line redrawn in a terminal (a real pty), log lines every few seconds elsewhere, and
the per-account summary that ends `poll --once`."""

from __future__ import annotations

import json
import logging
import os
import pty
import re
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

from bot.engine.leases import Lease
from bot.engine.poller import poll_due, sync_accounts
from bot.progress import LOG_EVERY, LogProgress
from bot.sources import build_source
from tests.support.fake_wordpress import APP_PASSWORD, USER, FakeWordPress
from tests.sources.test_wordpress import config as wordpress_config

CONFIG = """
[defaults]
nudge_after = "1h"
min_score = 0

[[accounts]]
name = "big"
platform = "replay"
path = "big.jsonl"

[[accounts]]
name = "broken"
platform = "replay"
path = "broken.jsonl"
"""


def write_history(workdir, count: int) -> None:
    """`count` questions, one a minute, the newest three hours old: every one waits and deserves a nudge."""
    start = datetime.now(timezone.utc) - timedelta(hours=3, minutes=count)
    with (workdir / "big.jsonl").open("w") as handle:
        for n in range(count):
            handle.write(json.dumps({"id": f"c{n}", "post": f"p{n % 7}", "author": f"Reader {n % 40}",
                                     "text": f"Does the X{n} grinder fit the Barista Pro?",
                                     "created_at": (start + timedelta(minutes=n)).isoformat()}) + "\n")
    (workdir / "broken.jsonl").write_text('{"id": "1", "post": "p"\n')
    (workdir / "replynudge.toml").write_text(CONFIG)


def poll_once(workdir, *, terminal: bool) -> tuple[int, str]:
    """`replynudge poll --once` as a process, its stderr a pty (a terminal) or a pipe; returns the exit code and
    everything it wrote to stderr."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir}/rn.db", "COLUMNS": "120"}
    command = [sys.executable, "-m", "bot", "poll", "--once"]
    if not terminal:
        done = subprocess.run(command, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, timeout=300)
        return done.returncode, done.stderr
    controller, terminal_end = pty.openpty()
    process = subprocess.Popen(command, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=terminal_end)
    os.close(terminal_end)
    written = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the process closed its end
            break
        if not chunk:
            break
        written += chunk
    os.close(controller)
    return process.wait(timeout=300), written.decode()


def test_a_terminal_sees_one_line_redrawn_then_the_summary(workdir):
    write_history(workdir, 2600)  # six pages of the replay's 500 lines
    code, written = poll_once(workdir, terminal=True)
    assert code == 1  # the broken account failed; the other was polled all the same
    drawn = re.findall(r"\r\x1b\[K(big: [^\r]*)", written)
    assert drawn[0].startswith("big: 500 comments read, 1 pages")
    counts = [int(re.match(r"big: ([\d,]+)", line)[1].replace(",", "")) for line in drawn]
    assert counts == sorted(counts) and counts[-1] <= 2600
    assert all(re.search(r", [\d,]+/s$", line) for line in drawn[1:])  # the rate; a replay tells no total
    summary = written.rsplit("\x1b[K", 1)[1].replace("\r\n", "\n").strip().splitlines()
    assert summary[0].split() == ["ACCOUNT", "READ", "NEW", "NUDGES", "QUEUED", "RESULT"]
    assert summary[1].split()[:6] == ["big", "2,600", "2,600", "2,600", "ok,", "2600"]
    assert summary[2].split()[:5] == ["broken", "0", "0", "0", "temporary:"]

    code, written = poll_once(workdir, terminal=True)  # again: nothing new, nothing drawn
    assert "comments read" not in written
    assert written.replace("\r\n", "\n").strip().splitlines()[1].split()[:5] == ["big", "0", "0", "0", "ok,"]


def test_elsewhere_the_summary_comes_without_redrawn_lines(workdir):
    write_history(workdir, 30)
    code, written = poll_once(workdir, terminal=False)
    assert code == 1 and "\r" not in written and "\x1b" not in written
    lines = written.strip().splitlines()
    assert lines[0].split() == ["ACCOUNT", "READ", "NEW", "NUDGES", "QUEUED", "RESULT"]
    assert lines[1].split()[:5] == ["big", "30", "30", "30", "ok,"]


def test_a_long_poll_logs_a_line_every_few_seconds_with_the_time_left(session_factory, httpserver, caplog):
    wordpress = FakeWordPress(base_url=httpserver.url_for("").rstrip("/"), pretty=True)
    httpserver.expect_request(re.compile(".*")).respond_with_handler(wordpress)
    for n in range(1000):
        wordpress.add(f"Reader {n % 9}", f"Question {n}?")
    account = wordpress_config(wordpress)
    with session_factory.begin() as session:
        ids = sync_accounts(session, [account])
    moments = iter(datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc) + LOG_EVERY / 2 * n for n in range(1000))
    progress = LogProgress(clock=lambda: next(moments))  # each reading of the clock: another 2.5 s gone
    with caplog.at_level(logging.INFO, logger="bot.progress"):
        (outcome,) = poll_due(session_factory, {ids["blog"]: account}, {"blog": build_source(account)},
                              Lease.for_this_process(), due_only=False, watchers=[progress])
    records = [record for record in caplog.records if record.name == "bot.progress"]
    assert all(record.account == "blog" for record in records)  # a JSON log line carries it as a field
    lines = [record.getMessage() for record in records]
    assert outcome.ok and outcome.records == 1000 and outcome.pages in (10, 11)  # ten of a hundred, the recheck
    # started at 0 s, pages at 2.5 s, 5 s, ...: a line at 5 s (page 2), 10 s (page 4), ... 25 s (page 10)
    assert lines[0] == "blog: 200 comments read, 2 pages, 40/s, about 20s left of 1,000"
    assert lines[1] == "blog: 400 comments read, 4 pages, 40/s, about 15s left of 1,000"
    assert lines[4] == "blog: 1,000 comments read, 10 pages, 40/s"
    assert lines[-1] == f"blog: 1,000 comments read in {outcome.pages} pages in {int(2.5 * (outcome.pages + 1))}s"
    assert len(lines) == 6


def test_without_a_terminal_a_slow_first_sync_logs_its_progress_as_json(workdir, httpserver):
    """The log lines reach stderr at the default level (no -v), as JSON with LOG_FORMAT=json, with the time left
    that WordPress's total gives. Each page of comments takes the local WordPress a second: past LOG_EVERY surely."""
    wordpress = FakeWordPress(base_url=httpserver.url_for("").rstrip("/"), pretty=True)

    def slowly(request):
        if "comments" in request.full_path and "order=asc" in request.full_path:
            time.sleep(1)
        return wordpress(request)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(slowly)
    for n in range(700):
        wordpress.add(f"Reader {n % 9}", f"Question {n}?")
    (workdir / "replynudge.toml").write_text(
        f'[[accounts]]\nname = "blog"\nplatform = "wordpress"\nurl = "{wordpress.base_url}/"\nusername = "{USER}"\n'
        'app_password_env = "WP_APP_PASSWORD"\n')
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir}/rn.db", "LOG_FORMAT": "json",
           "WP_APP_PASSWORD": APP_PASSWORD}
    done = subprocess.run([sys.executable, "-m", "bot", "poll", "--once"], cwd=workdir, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    logged = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    progress = [record for record in logged if record["logger"] == "bot.progress"]
    assert progress and all(record["level"] == "INFO" and record["account"] == "blog" for record in progress)
    assert re.fullmatch(r"blog: [1-6]00 comments read, [1-6] pages, [\d,]+/s, about .+ left of 700",
                        progress[0]["message"])
    assert re.fullmatch(r"blog: 700 comments read in \d+ pages in .+", progress[-1]["message"])
    assert done.stderr.splitlines()[-2].split() == ["ACCOUNT", "READ", "NEW", "NUDGES", "QUEUED", "RESULT"]

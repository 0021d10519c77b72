"""The weekly report: its chart uploaded through Slack's three-step file upload to the stand-in API over real
HTTP, once a week per channel, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from matplotlib.image import imread

from bot.cli import main
from bot.config_file import load_settings
from bot.db.stats import DayFigures
from bot.engine.leases import Lease
from bot.slack.chart import weekly_chart
from bot.slack.report import post_due_reports
from tests.support.slack_world import CHANNEL, make_world

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = datetime.now(BERLIN).date()
MONDAY = TODAY + timedelta(days=7 - TODAY.weekday())  # next Monday: last week ends yesterday, a Sunday


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN).astimezone(timezone.utc)


@pytest.fixture
def world(tmp_path, session_factory, slack_api):
    return make_world(tmp_path, session_factory, slack_api, timezone=BERLIN)


def post(world, moment, **changes):
    accounts = [replace(account, weekly_report=(0, time(9, 30)), **changes) for account in world.settings.accounts]
    return post_due_reports(world.factory, world.notifier(), accounts, clock=lambda: moment,
                            lease=Lease.for_this_process())


def written(world, external_id, moment, **fields):
    world.add(external_id, created_at=moment.isoformat(), **fields)


def test_the_report_uploads_its_chart_in_three_steps_and_shares_it_with_the_figures(world):
    # Last week (Mon-Sun before MONDAY): c1 answered after 2h on Tuesday, c2 waiting since Thursday.
    tuesday, thursday = MONDAY - timedelta(days=6), MONDAY - timedelta(days=4)
    written(world, "c1", at(tuesday, 10))
    written(world, "b1", at(tuesday, 12), parent="c1", brand=True, author="Brand")
    written(world, "c2", at(thursday, 15))
    world.poll()
    calls_before = len(world.api.calls)

    assert post(world, at(MONDAY, 9, 29)) == 0
    assert post(world, at(MONDAY, 9, 30)) == 1

    steps = [call for call in world.api.calls[calls_before:]
             if call.method in ("files.getUploadURLExternal", "upload", "files.completeUploadExternal")]
    assert [call.method for call in steps] == ["files.getUploadURLExternal", "upload", "files.completeUploadExternal"]
    get_url, upload, complete = steps
    file_id = upload.params["file_id"]
    assert get_url.params["filename"] == f"reply-nudge-week-{MONDAY:%Y-%m-%d}.png"
    assert int(get_url.params["length"]) == upload.params["size"]
    assert complete.params["channel_id"] == CHANNEL and complete.params["files"][0]["id"] == file_id

    image = world.api.files[file_id]["data"]
    assert image.startswith(b"\x89PNG\r\n\x1a\n")
    assert imread(io.BytesIO(image)).shape[:2] == (700, 800)

    (message,) = [m for m in world.api.messages(CHANNEL) if m.get("files")]
    assert message["files"][0]["id"] == file_id
    week = f"week of {MONDAY - timedelta(days=7):%d %b} to {MONDAY - timedelta(days=1):%d %b %Y}"
    assert message["files"][0]["title"] == f"Reply Nudge: {week}"
    assert message["text"].startswith(f"*Reply Nudge: {week}*")
    assert "• Response rate: *50%* (1 of 2 answered)" in message["text"]
    assert "median *2h*" in message["text"]


def test_once_a_week_on_its_day_and_not_on_other_days(world):
    assert post(world, at(MONDAY - timedelta(days=1), 10)) == 0  # Sunday
    assert post(world, at(MONDAY, 11)) == 1
    assert post(world, at(MONDAY, 18)) == 0
    assert post(world, at(MONDAY + timedelta(days=1), 10)) == 0
    assert post(world, at(MONDAY + timedelta(days=7), 9, 45)) == 1
    assert len([m for m in world.api.messages(CHANNEL) if m.get("files")]) == 2


def test_a_failed_upload_is_tried_again_next_cycle(world):
    world.api.fail("files.completeUploadExternal", status=200, retry_after=None, error="not_in_channel")
    assert post(world, at(MONDAY, 10)) == 0
    assert post(world, at(MONDAY, 10, 1)) == 1
    assert len(world.api.calls_to("files.getUploadURLExternal")) == 2


def test_the_chart_draws_a_week_with_empty_days():
    days = tuple(DayFigures(MONDAY + timedelta(days=n), received=n, answered=n // 2,
                            median_reply_seconds=None if n % 3 else 3600 * n, backlog=7 - n) for n in range(7))
    image = weekly_chart(days, "a week")
    assert imread(io.BytesIO(image)).shape[:2] == (700, 800)


@pytest.mark.parametrize("value, expected", [
    ('"monday 09:00"', "'monday 09:00' is not a weekday and a time"),
    ('"mon 9am"', "'mon 9am' is not a weekday and a time"),
    ("3", "must be a string"),
])
def test_weekly_report_mistakes_name_the_key(workdir, capsys, value, expected):
    (workdir / "replynudge.toml").write_text(
        f'[defaults]\nweekly_report = {value}\n[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "c.jsonl"\n'
    )
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert f"accounts[blog].weekly_report: {expected}" in err and err.count("\n") == 1


def test_the_team_workflow_example_loads(workdir):
    page = (Path(__file__).resolve().parents[2] / "docs" / "team-workflow.md").read_text()
    example = page.split("```toml\n", 1)[1].split("```", 1)[0]
    (workdir / "replynudge.toml").write_text(
        example + '\n[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "c.jsonl"\n')
    (blog,) = load_settings().accounts
    assert (blog.escalate_to, blog.digest_at, blog.weekly_report, blog.count) == (
        "S0LEADS", time(9, 15), (0, time(9, 30)), "business")


def test_matplotlib_loads_only_to_draw_a_chart_and_never_a_gui_backend():
    """In a fresh interpreter: the service starts without matplotlib; a chart draws on the Agg canvas even when the
    environment asks for a GUI backend and there is no display."""
    script = """
import sys
import bot.cli, bot.service, bot.slack.app, bot.slack.report
assert "matplotlib" not in sys.modules, "imported at start"
from datetime import date, timedelta
from bot.db.stats import DayFigures
from bot.slack.chart import weekly_chart
days = tuple(DayFigures(date(2026, 11, 16) + timedelta(days=n), n, n, 3600, n) for n in range(7))
assert weekly_chart(days, "a week").startswith(b"\\x89PNG")
loaded = {name.split(".")[0] for name in sys.modules}
assert "matplotlib" in loaded
assert not loaded & {"tkinter", "_tkinter", "PyQt5", "PyQt6", "PySide6", "gi", "wx"}, loaded
assert "matplotlib.pyplot" not in sys.modules
"""
    environ = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environ["MPLBACKEND"] = "TkAgg"
    result = subprocess.run([sys.executable, "-c", script], env=environ, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr

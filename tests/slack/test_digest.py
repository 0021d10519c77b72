"""The daily digest against the stand-in Slack API over real HTTP, on SQLite and PostgreSQL: its figures worked
out by hand, its time in the team's zone and business hours, once a day however many replicas post it."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.engine.hours import parse_business_hours
from bot.engine.digests import DAILY, schedules
from bot.engine.leases import Lease
from bot.slack.digest import post_due_digests
from tests.support.records import account_config
from tests.support.slack_world import CHANNEL, make_world

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def world(tmp_path, session_factory, slack_api):
    """Without digest_at, so that its polls post none; the tests post digests at chosen times with `post`."""
    return make_world(tmp_path, session_factory, slack_api, timezone=BERLIN)


TOMORROW = datetime.now(BERLIN).date() + timedelta(days=1)  # comments written now are in its digest's window


def next_weekday(weekday: int) -> date:
    """The next date after today (Berlin) falling on `weekday` (0 = Monday)."""
    return TOMORROW + timedelta(days=(weekday - TOMORROW.weekday()) % 7)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN).astimezone(timezone.utc)


def post(world, moment, lease=None, **changes):
    accounts = [replace(account, digest_at=time(9, 0), **changes) for account in world.settings.accounts]
    return post_due_digests(world.factory, world.notifier(), accounts, clock=lambda: moment,
                            lease=lease or Lease.for_this_process())


def digests(world):
    return [m for m in world.api.messages(CHANNEL) if "Daily digest" in str(m.get("blocks"))]


def texts(message) -> list[str]:
    return [block["text"]["text"] if block["type"] != "context" else block["elements"][0]["text"]
            for block in message["blocks"]]


def test_the_digest_shows_backlog_oldest_waiting_the_last_day_and_conversations_continued(world):
    world.add("c1", "How do I descale the machine?", ago=timedelta(hours=5))
    world.add("c2", "Is the grinder noisy?", ago=timedelta(hours=4), author="Ann")
    world.add("b2", "Not at all!", ago=timedelta(hours=3), parent="c2", brand=True, author="Brand")
    world.add("c3", "Thanks, and which beans?", ago=timedelta(hours=2), parent="b2", author="Ann")
    world.poll()
    day = TOMORROW

    assert post(world, at(day, 8, 59)) == 0
    assert post(world, at(day, 9, 0)) == 1

    (digest,) = digests(world)
    header, backlog, oldest, since, conversations, footer = texts(digest)
    assert header == f"Daily digest · {day:%a %d %b %Y}"
    assert backlog == ":inbox_tray: *2 waiting for an answer* (blog 2)"
    assert oldest.startswith(":hourglass: *Oldest waiting:* user-c1 on blog, ")
    assert "<https://blog.example/c/c1|open>\n> How do I descale the machine?" in oldest
    assert since == (":speech_balloon: *Since the last digest:* 3 new comments, 1 answered (33%), "
                     "first reply after 1h (median).")
    assert conversations == (":repeat: *Conversations that went on after our reply:*\n"
                             "• Ann (blog) came back once <https://blog.example/c/c3|latest>")
    assert "/unanswered" in footer
    assert digest["text"] == f"Daily digest for {day:%a %d %b}: 2 waiting for an answer"


def test_posted_once_a_day_by_many_replicas_then_again_the_next_day(world):
    world.add("c1", ago=timedelta(hours=2))
    world.poll()
    day = TOMORROW
    barrier = threading.Barrier(3)
    counts = []

    def replica():
        barrier.wait()
        counts.append(post(world, at(day, 9, 5)))

    threads = [threading.Thread(target=replica) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(counts) == [0, 0, 1]
    assert post(world, at(day, 17, 0)) == 0
    assert post(world, at(day + timedelta(days=1), 0, 30)) == 0  # the next day, before 09:00

    world.add("c2", ago=datetime.now(timezone.utc) - at(day, 12, 0))  # written after the first digest
    world.poll()
    assert post(world, at(day + timedelta(days=1), 9, 0)) == 1
    first, second = digests(world)
    assert "*Since the last digest:* 1 new comment, 0 answered (0%)." in texts(first)[3]
    # The second digest counts from the first: c2 is its only new comment, c1 still waits.
    assert "*Since the last digest:* 1 new comment, 0 answered (0%)." in texts(second)[3]
    assert "*2 waiting for an answer*" in texts(second)[1]


def test_closed_days_and_holidays_get_no_digest_and_a_late_start_still_posts_it(world):
    saturday = next_weekday(5)
    monday = saturday + timedelta(days=2)
    accounts = {"holidays": frozenset({monday}), "business_hours": parse_business_hours("mon-fri 09:00-17:00")}
    assert post(world, at(saturday, 10, 0), **accounts) == 0
    assert post(world, at(saturday + timedelta(days=1), 10, 0), **accounts) == 0
    assert post(world, at(monday, 10, 0), **accounts) == 0
    assert post(world, at(monday + timedelta(days=1), 16, 45), **accounts) == 1  # the service was down at 09:00
    (digest,) = digests(world)
    assert texts(digest)[1] == ":tada: *Nobody is waiting for an answer.*"
    assert "no new comments." in texts(digest)[2]


def test_a_failed_post_is_tried_again_by_the_next_cycle(world):
    day = TOMORROW
    world.api.fail("chat.postMessage", status=200, retry_after=None, error="not_in_channel")
    assert post(world, at(day, 9, 0)) == 0
    assert post(world, at(day, 9, 1)) == 1
    assert len(digests(world)) == 1


def test_a_channel_that_refuses_the_digest_is_tried_after_growing_waits_and_given_up_saying_so_once(world, caplog):
    day = TOMORROW
    world.api.fail("chat.postMessage", status=200, retry_after=None, error="is_archived", times=100, channel=CHANNEL)
    caplog.set_level(logging.WARNING)
    moment = at(day, 9, 0)
    for _ in range(13):  # a minute of delivery cycles
        post(world, moment)
        moment += timedelta(seconds=5)
    assert len(world.api.calls_to("chat.postMessage")) == 2  # the first try, and one a minute later
    while moment < at(day, 23, 59):  # the rest of the day
        post(world, moment)
        moment += timedelta(minutes=1)
    assert len(world.api.calls_to("chat.postMessage")) == 7  # 1, 2, 4, 8, 16 and 32 minutes after the first
    (gave_up,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert f"could not post the daily digest of {day} to {CHANNEL} for " in gave_up and "and gave up on it" in gave_up
    assert "is_archived" in gave_up
    post(world, at(day + timedelta(days=1), 9, 0))  # the next day's is tried
    assert len(world.api.calls_to("chat.postMessage")) == 8


def test_the_poll_cycle_posts_the_digest_when_it_is_due(tmp_path, session_factory, slack_api):
    world = make_world(tmp_path, session_factory, slack_api, timezone=BERLIN, digest_at=time(0, 0))  # due all day
    world.poll()
    world.poll()
    assert len(digests(world)) == 1


def test_accounts_sharing_a_channel_share_one_digest_set_by_the_first_with_digest_at():
    found = schedules([
        account_config("blog", channel="C1"),
        account_config("shop", channel="C1", digest_at=time(8, 30), timezone=BERLIN,
                       business_hours=parse_business_hours("mon-fri 09:00-17:00"), count="business"),
        account_config("video", channel="C1", digest_at=time(17, 0)),
        account_config("quiet", channel="C2"),
        account_config("nowhere", channel=None, digest_at=time(9, 0)),
    ], DAILY)
    (schedule,) = found
    assert (schedule.channel, schedule.accounts, schedule.at, schedule.hours.zone) == (
        "C1", ("blog", "shop", "video"), time(8, 30), BERLIN)
    # The digest's reply times count shop's in open hours, the others' in calendar time.
    assert list(schedule.business_waits) == ["shop"]
    assert schedule.business_waits["shop"](at(date(2026, 11, 20), 16), at(date(2026, 11, 23), 10)) == timedelta(hours=2)


def test_digest_at_mistakes_name_the_key(workdir, capsys):
    (workdir / "replynudge.toml").write_text(
        '[defaults]\ndigest_at = "9am"\n[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "c.jsonl"\n'
    )
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "accounts[blog].digest_at: '9am' is not a time of day (HH:MM" in err and err.count("\n") == 1

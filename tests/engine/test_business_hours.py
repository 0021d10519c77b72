"""Business hours: opening-time arithmetic across weekends, DST changes and holidays, and nudges that wait for it."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time
from sqlalchemy import select

from bot.cli import main
from bot.engine.hours import parse_business_hours
from bot.db.models import Nudge
from bot.engine.hours import OfficeHours
from bot.engine.poller import poll_account
from bot.slack.app import build_app
from bot.engine.delivery import deliver_due
from bot.suggest import suggester
from bot.slack.terminal import TerminalNotifier
from bot.sources import build_source
from tests.support.records import account_config, make_account
from tests.support.slack_world import CHANNEL, make_world
from tests.slack.test_slack_commands import ask

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
OFFICE = parse_business_hours("mon-fri 09:00-17:30")


def at(zone, *parts) -> datetime:
    return datetime(*parts, tzinfo=zone)


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def berlin(count="calendar", holidays=()) -> OfficeHours:
    return OfficeHours(BERLIN, OFFICE, frozenset(holidays), count)


def test_parsing_days_ranges_and_split_windows():
    hours = parse_business_hours("mon-thu 09:00-12:00 13:00-17:30, fri 09:00-15:00, sat 10:00-24:00")
    monday, friday, saturday, sunday = hours.on(0), hours.on(4), hours.on(5), hours.on(6)
    assert [(o.isoformat("minutes"), c.isoformat("minutes")) for o, c in monday] == [("09:00", "12:00"), ("13:00", "17:30")]
    assert len(friday) == 1 and friday[0][1].hour == 15
    assert saturday[0][1] is None  # open until midnight
    assert sunday == ()
    assert all(len(day) == 1 for day in parse_business_hours("daily 08:00-20:00").windows)


@pytest.mark.parametrize(
    "text, message",
    [
        ("mon-fry 09:00-17:00", "'fry' is not a day"),
        ("fri-mon 09:00-17:00", "a day range runs forward"),
        ("mon-fri 9-17", "is not an opening window"),
        ("mon-fri 17:00-09:00", "closing time must come after opening time"),
        ("mon-fri 09:00-25:00", "hours run from 00:00 to 24:00"),
        ("mon 09:00-12:00 11:00-14:00", "opening hours overlap on mon"),
        ("mon-fri", "write days then hours"),
        ("", "empty business hours"),
    ],
)
def test_bad_business_hours_are_refused(text, message):
    with pytest.raises(ValueError, match=message):
        parse_business_hours(text)


def test_open_and_next_opening_across_the_weekend():
    office = berlin()
    assert office.is_open(at(BERLIN, 2026, 11, 20, 9, 0))
    assert not office.is_open(at(BERLIN, 2026, 11, 20, 17, 30))  # closing time itself is closed
    assert office.next_opening(at(BERLIN, 2026, 11, 20, 18, 0)) == at(BERLIN, 2026, 11, 23, 9, 0)
    assert office.next_opening(at(BERLIN, 2026, 11, 21, 12, 0)) == at(BERLIN, 2026, 11, 23, 9, 0)
    assert office.next_opening(at(BERLIN, 2026, 11, 23, 6, 0)) == at(BERLIN, 2026, 11, 23, 9, 0)
    assert office.next_opening(at(BERLIN, 2026, 11, 23, 10, 0)) == at(BERLIN, 2026, 11, 23, 10, 0)


def test_calendar_count_holds_a_weekend_nudge_until_monday_opening():
    friday_five = at(BERLIN, 2026, 11, 20, 17, 0)
    assert berlin().due_at(friday_five, timedelta(hours=1)) == at(BERLIN, 2026, 11, 23, 9, 0)
    assert berlin().due_at(friday_five, timedelta(minutes=20)) == at(BERLIN, 2026, 11, 20, 17, 20)


def test_business_count_carries_the_rest_of_the_wait_over_the_weekend():
    office = berlin("business")
    friday_five = at(BERLIN, 2026, 11, 20, 17, 0)
    assert office.due_at(friday_five, timedelta(hours=1)) == at(BERLIN, 2026, 11, 23, 9, 30)
    assert office.due_at(at(BERLIN, 2026, 11, 21, 11, 0), timedelta(hours=1)) == at(BERLIN, 2026, 11, 23, 10, 0)
    # 8.5 h a day: half an hour on Friday, all of Monday and Tuesday, then due at Tuesday's close, i.e. Wednesday.
    assert office.due_at(friday_five, timedelta(hours=17, minutes=30)) == at(BERLIN, 2026, 11, 25, 9, 0)
    assert office.due_at(friday_five, timedelta(hours=18)) == at(BERLIN, 2026, 11, 25, 9, 30)
    assert office.waited(friday_five, at(BERLIN, 2026, 11, 23, 9, 30)) == timedelta(hours=1)
    assert berlin().waited(friday_five, at(BERLIN, 2026, 11, 23, 9, 30)) == timedelta(days=2, hours=16, minutes=30)


@pytest.mark.parametrize(
    "friday, monday_half_past_nine_utc",
    [
        ((2026, 10, 23), utc(2026, 10, 26, 8, 30)),  # summer time ends on Sunday 25 October: Monday is UTC+1
        ((2026, 3, 27), utc(2026, 3, 30, 7, 30)),  # summer time starts on Sunday 29 March: Monday is UTC+2
    ],
)
def test_berlin_opening_stays_at_local_nine_across_dst(friday, monday_half_past_nine_utc):
    friday_five = at(BERLIN, *friday, 17, 0)
    assert berlin("business").due_at(friday_five, timedelta(hours=1)) == monday_half_past_nine_utc
    assert berlin("business").waited(friday_five, monday_half_past_nine_utc) == timedelta(hours=1)


def test_new_york_dst_days_are_shorter_and_longer_in_open_time():
    night_shift = OfficeHours(NEW_YORK, parse_business_hours("daily 01:00-03:00"), count="business")
    # 8 March 2026: 02:00 EST jumps to 03:00 EDT, so 01:00-03:00 holds one real hour.
    assert night_shift.waited(at(NEW_YORK, 2026, 3, 8, 0, 0), at(NEW_YORK, 2026, 3, 8, 12, 0)) == timedelta(hours=1)
    # 1 November 2026: 02:00 EDT falls back to 01:00 EST, so it holds three.
    assert night_shift.waited(at(NEW_YORK, 2026, 11, 1, 0, 0), at(NEW_YORK, 2026, 11, 1, 12, 0)) == timedelta(hours=3)
    assert night_shift.due_at(at(NEW_YORK, 2026, 3, 8, 1, 30), timedelta(hours=1)) == at(NEW_YORK, 2026, 3, 9, 1, 30)
    # An opening time that does not exist that day moves forward by the gap, as calendars do.
    gap = OfficeHours(NEW_YORK, parse_business_hours("sun 02:30-05:00"))
    assert gap.next_opening(at(NEW_YORK, 2026, 3, 8, 0, 0)) == at(NEW_YORK, 2026, 3, 8, 3, 30)


def test_holidays_are_closed_all_day():
    office = berlin("business", holidays={date(2026, 12, 24), date(2026, 12, 25)})
    wednesday_five = at(BERLIN, 2026, 12, 23, 17, 0)
    assert office.due_at(wednesday_five, timedelta(hours=1)) == at(BERLIN, 2026, 12, 28, 9, 30)
    assert not office.is_open(at(BERLIN, 2026, 12, 24, 11, 0))
    assert office.opening_after_today(wednesday_five) == at(BERLIN, 2026, 12, 28, 9, 0)


def test_tomorrow_at_opening_time_for_snoozes():
    assert berlin().opening_after_today(at(BERLIN, 2026, 11, 19, 23, 30)) == at(BERLIN, 2026, 11, 20, 9, 0)
    assert berlin().opening_after_today(at(BERLIN, 2026, 11, 20, 10, 0)) == at(BERLIN, 2026, 11, 23, 9, 0)
    # The local day counts, not the UTC one: 00:30 in Berlin is still the previous day in UTC.
    assert berlin().opening_after_today(at(BERLIN, 2026, 11, 18, 0, 30)) == at(BERLIN, 2026, 11, 19, 9, 0)
    always = OfficeHours(NEW_YORK)
    assert always.opening_after_today(at(NEW_YORK, 2026, 11, 20, 22, 0)) == at(NEW_YORK, 2026, 11, 21, 9, 0)
    assert always.due_at(utc(2026, 11, 21, 3, 0), timedelta(hours=1)) == utc(2026, 11, 21, 4, 0)


def test_a_nudge_due_at_the_weekend_waits_in_the_outbox_for_monday(session_factory, tmp_path):
    comments = tmp_path / "comments.jsonl"
    comments.write_text(
        json.dumps({"id": "c1", "post": "p1", "author": "Priya", "text": "Which beans would you pair with oat milk?",
                    "created_at": "2026-11-20T16:00:00Z"}) + "\n"  # Friday 17:00 in Berlin
    )
    config = account_config(
        "blog", timezone=BERLIN, business_hours=OFFICE, count="business", min_score=0,
        options={"path": str(comments)},
    )
    account_id = make_account(session_factory, "blog")
    saturday = utc(2026, 11, 21, 10, 0)
    poll_account(session_factory, account_id, config, build_source(config), clock=lambda: saturday)
    with session_factory() as session:
        nudge = session.scalars(select(Nudge)).one()
    assert (nudge.state, nudge.due_at) == (Nudge.PENDING, at(BERLIN, 2026, 11, 23, 9, 30))

    out = io.StringIO()
    for moment, posted in ((saturday, 0), (utc(2026, 11, 23, 8, 29), 0), (utc(2026, 11, 23, 8, 30), 1)):
        assert deliver_due(session_factory, TerminalNotifier(out), suggester(session_factory),
                           clock=lambda: moment) == posted
    assert "oat milk" in out.getvalue()


def test_poll_with_a_frozen_clock_uses_calendar_count_by_default(session_factory, tmp_path):
    comments = tmp_path / "comments.jsonl"
    comments.write_text(
        json.dumps({"id": "c1", "post": "p1", "author": "Priya", "text": "Do you ship to Norway?",
                    "created_at": "2026-11-20T15:45:00Z"}) + "\n"  # Friday 16:45 in Berlin: due 17:45
    )
    config = account_config("blog", timezone=BERLIN, business_hours=OFFICE, min_score=0,
                            options={"path": str(comments)})
    account_id = make_account(session_factory, "blog")
    with freeze_time("2026-11-20T17:00:00Z"):  # 18:00 in Berlin: due by the clock, but closed
        poll_account(session_factory, account_id, config, build_source(config))
    with session_factory() as session:
        assert session.scalars(select(Nudge.due_at)).one() == at(BERLIN, 2026, 11, 23, 9, 0)


@pytest.mark.parametrize("count, shown", [
    ("business", "2h 30m of business hours (2d 18h in all)"),  # 30m on Friday, 09:00-11:00 on Monday
    ("calendar", "2d 18h"),
])
def test_the_wait_shown_counts_as_the_account_counts(count, shown, workdir, database_url, session_factory, slack_api,
                                                     capsys, monkeypatch):
    world = make_world(workdir, session_factory, slack_api, timezone=BERLIN, business_hours=OFFICE, count=count)
    world.add("c1", "Which beans would you pair with oat milk?", created_at="2026-11-20T16:00:00Z")  # Fri 17:00
    (config,) = world.settings.accounts
    account_id = make_account(session_factory, "blog")
    monday = utc(2026, 11, 23, 10, 0)  # 11:00 in Berlin
    poll_account(session_factory, account_id, config, build_source(config), clock=lambda: monday)
    assert deliver_due(session_factory, world.notifier(), suggester(session_factory),
                       clock=lambda: monday, accounts={account_id: config}) == 1

    (nudge,) = world.api.messages(CHANNEL)
    assert f"has waited *{shown}*" in nudge["blocks"][0]["text"]["text"]
    answer = ask(world, build_app(world.settings, session_factory, clock=lambda: monday), "/unanswered")
    assert f"has waited *{shown}*" in answer["blocks"][1]["text"]["text"]

    monkeypatch.setenv("DATABASE_URL", database_url)
    (workdir / "replynudge.toml").write_text(
        f'[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "comments.jsonl"\nmin_score = 0\n'
        f'timezone = "Europe/Berlin"\nbusiness_hours = "mon-fri 09:00-17:30"\ncount = "{count}"\n'
    )
    with freeze_time(monday):
        assert main(["unanswered"]) == 0
        row = capsys.readouterr().out.splitlines()[1]
        assert row.split(None, 1)[1].startswith(f"{shown} ") and "blog" in row
        assert main(["unanswered", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["waiting_seconds"] == 2 * 86400 + 18 * 3600  # calendar seconds, as interface.md promises
    assert listed["business_waiting_seconds"] == (9000 if count == "business" else None)

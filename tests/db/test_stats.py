"""Team stats against a fixture whose figures were worked out by hand, and `replynudge export` writing them."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import pytest
from freezegun import freeze_time
from sqlalchemy import update

from bot.cli import main
from bot.db.models import Author, Comment, Nudge
from bot.engine.hours import parse_business_hours
from bot.db.stats import team_stats
from bot.engine.hours import business_waits_of
from bot.engine.ingest import ingest
from tests.support.records import T0, account_config, make_account, page, record

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)  # a Friday


def minute(day: int, hour: int, at: int = 0) -> int:
    """Minutes after T0 (20 November 08:00 UTC) of `day` November 2026, hh:mm UTC."""
    return int((datetime(2026, 11, day, hour, at, tzinfo=timezone.utc) - T0).total_seconds() // 60)


@pytest.fixture
def team(session_factory):
    """Two accounts, a week of comments. Within the 7 days before NOW (20 Nov 12:00 UTC):

    blog (wordpress)                                  video (youtube)
    a1  Ann 19th 10:00, answered 10:30 (30m);        v1  Gus 19th 12:00, answered 20th 00:30 (12h30m)
        Ann comes back at 11:00 (a1f, waiting)       v2  Hal 20th 06:00, waiting
    a2  Bob 18th 09:00, nudged 10:00, answered 11:00 v3  Ivy 19th 13:00, deleted (left out)
    a3  Cat 17th 08:00, answered 12:00, nudged 13:00
    a4  Dan 16th 12:00, waiting
    z1  Zed 19th 09:00, waiting, muted (left out)
    and before the window: a5 Eve 1st 10:00 answered 2nd 10:00 (24h); a6 Fay 10th 10:00, still waiting.
    """
    blog = make_account(session_factory, "blog", platform="wordpress")
    video = make_account(session_factory, "video", platform="youtube")
    with session_factory.begin() as session:
        ingest(session, blog, page(
            record("a1", minute=minute(19, 10), author="ann", post="p1"),
            record("b1", minute=minute(19, 10, 30), brand=True, parent="a1", post="p1"),
            record("a1f", minute=minute(19, 11), author="ann", parent="b1", post="p1"),
            record("a2", minute=minute(18, 9), author="bob", post="p2"),
            record("b2", minute=minute(18, 11), brand=True, parent="a2", post="p2"),
            record("a3", minute=minute(17, 8), author="cat", post="p2"),
            record("b3", minute=minute(17, 12), brand=True, parent="a3", post="p2"),
            record("a4", minute=minute(16, 12), author="dan", post="p3"),
            record("a5", minute=minute(1, 10), author="eve", post="p4"),
            record("b5", minute=minute(2, 10), brand=True, parent="a5", post="p4"),
            record("a6", minute=minute(10, 10), author="fay", post="p4"),
            record("z1", minute=minute(19, 9), author="zed", post="p3"),
        ), now=NOW)
        ingest(session, video, page(
            record("v1", minute=minute(19, 12), author="gus", post="p9"),
            record("bv1", minute=minute(20, 0, 30), brand=True, parent="v1", post="p9"),
            record("v2", minute=minute(20, 6), author="hal", post="p9"),
            record("v3", minute=minute(19, 13), author="ivy", post="p9", deleted=True),
        ), now=NOW)
        session.execute(update(Author).where(Author.external_id == "zed").values(muted=True))
        ids = dict(session.execute(Comment.__table__.select().with_only_columns(Comment.external_id, Comment.id)).all())
        for external_id, posted in (("a2", minute(18, 10)), ("a3", minute(17, 13))):
            posted_at = T0 + timedelta(minutes=posted)
            session.add(Nudge(comment_id=ids[external_id], account_id=blog, state=Nudge.POSTED, channel="C1",
                              due_at=posted_at, posted_at=posted_at, slack_ts="1.0"))
    return session_factory


def test_seven_days_match_the_hand_computed_figures(team):
    with team() as session:
        stats = team_stats(session, since=NOW - timedelta(days=7), until=NOW)
    assert (stats.received, stats.answered, stats.response_rate) == (7, 4, 0.5714)
    # Replies took 30m, 2h, 4h and 12h30m: the median is between 2h and 4h; the 90th percentile (nearest rank) is 12h30m.
    assert (stats.median_reply_seconds, stats.p90_reply_seconds) == (3 * 3600, 45000)
    assert (stats.answered_after_nudge, stats.answered_without_nudge) == (1, 3)  # a3's nudge came after the answer
    assert stats.continued == 1
    assert stats.backlog_by_account == {"blog": 3, "video": 1}
    assert stats.backlog_by_platform == {"wordpress": 3, "youtube": 1}
    assert [(d.day.day, d.received, d.answered, d.median_reply_seconds, d.backlog) for d in stats.days] == [
        (13, 0, 0, None, 1),
        (14, 0, 0, None, 1),
        (15, 0, 0, None, 1),
        (16, 1, 0, None, 2),
        (17, 1, 1, 4 * 3600, 2),
        (18, 1, 1, 2 * 3600, 2),
        (19, 3, 2, (1800 + 45000) // 2, 4),  # v1 was still waiting at midnight
        (20, 1, 0, None, 4),
    ]


def test_other_windows_and_one_account(team):
    with team() as session:
        month = team_stats(session, since=NOW - timedelta(days=30), until=NOW)
        video = team_stats(session, since=NOW - timedelta(days=7), until=NOW, accounts=["video"])
        before = team_stats(session, since=NOW - timedelta(days=30), until=datetime(2026, 11, 3, tzinfo=timezone.utc))
    assert (month.received, month.answered, month.p90_reply_seconds, month.backlog) == (9, 5, 86400, 4)
    assert (video.received, video.answered, video.median_reply_seconds, video.backlog_by_account) == (2, 1, 45000, {"video": 1})
    # As of 3 November only Eve had written, and she had her answer.
    assert (before.received, before.answered, before.backlog, before.continued) == (1, 1, 0, 0)


def test_with_count_business_reply_times_count_open_hours_only(team):
    """Both accounts open mon-fri 09:00-17:00 UTC: a1 took 30m, a2 2h, a3 3h (from Tuesday's opening at 09:00),
    v1 5h (Thursday 12:00 to the close; Friday 00:30 is before opening)."""
    office = parse_business_hours("mon-fri 09:00-17:00")
    accounts = [account_config(name, business_hours=office, count="business") for name in ("blog", "video")]
    business_waits = business_waits_of(accounts + [account_config("calendar-only")])
    with team() as session:
        stats = team_stats(session, since=NOW - timedelta(days=7), until=NOW, business_waits=business_waits)
        video = team_stats(session, since=NOW - timedelta(days=7), until=NOW, accounts=["video"],
                           business_waits=business_waits)
    assert (stats.median_reply_seconds, stats.p90_reply_seconds) == ((7200 + 10800) // 2, 5 * 3600)
    assert [d.median_reply_seconds for d in stats.days if d.answered] == [3 * 3600, 2 * 3600, (1800 + 5 * 3600) // 2]
    assert (stats.received, stats.answered, stats.backlog) == (7, 4, 4)  # only reply times change
    assert stats.business_hours == ("blog", "video") and video.business_hours == ("video",)
    assert ("reply_times_count", "account:video", "business_hours") in video.rows()


def test_an_empty_window_has_no_rates(session_factory):
    with session_factory() as session:
        stats = team_stats(session, since=NOW - timedelta(days=7), until=NOW)
    assert (stats.received, stats.response_rate, stats.median_reply_seconds, stats.p90_reply_seconds) == (0, None, None, None)
    assert len(stats.days) == 8 and stats.backlog == 0


def test_export_writes_the_same_figures_as_csv_and_json(team, database_url, workdir, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)
    with freeze_time(NOW):
        assert main(["export", "--since", "7d", "--format", "json"]) == 0
        exported = json.loads(capsys.readouterr().out)
        assert main(["export", "--since", "7d"]) == 0
        rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
        assert main(["export", "--since", "7d", "--account", "video", "--output", "video.csv"]) == 0
    with team() as session:
        assert exported == team_stats(session, since=NOW - timedelta(days=7), until=NOW).as_json()
    assert exported["since"] == "2026-11-13T12:00:00Z" and exported["backlog"] == 4
    assert rows[0] == ["metric", "scope", "value"]
    for row in (["response_rate", "all", "0.5714"], ["backlog", "account:blog", "3"], ["backlog", "platform:youtube", "1"],
                ["median_reply_seconds", "day:2026-11-19", "23400"], ["median_reply_seconds", "day:2026-11-20", ""]):
        assert row in rows
    video_rows = list(csv.reader((workdir / "video.csv").open()))
    assert ["received", "all", "2"] in video_rows and ["backlog", "account:blog", "3"] not in video_rows


def test_export_counts_reply_times_as_the_config_file_says(team, database_url, workdir, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)
    (workdir / "replynudge.toml").write_text(
        '[defaults]\nbusiness_hours = "mon-fri 09:00-17:00"\ncount = "business"\n'
        '[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "b.jsonl"\n'
        '[[accounts]]\nname = "video"\nplatform = "replay"\npath = "v.jsonl"\ncount = "calendar"\n'
    )
    with freeze_time(NOW):
        assert main(["export", "--since", "7d", "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert (exported["median_reply_seconds"], exported["business_hours"]) == ((7200 + 10800) // 2, ["blog"])


def test_export_refuses_a_bad_window_and_an_unwritable_output(workdir, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--since", "a month"])
    assert exit_info.value.code == 2
    assert "is not a duration" in capsys.readouterr().err
    assert main(["export", "--output", str(tmp_path / "missing" / "out.csv")]) == 2
    assert "--output" in capsys.readouterr().err
    assert not (tmp_path / "missing").exists()

"""The weekly report: last week's figures and a chart (bot/slack/chart.py), uploaded with Slack's file upload API
(files.getUploadURLExternal, the upload, files.completeUploadExternal) to each channel at `weekly_report`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Callable, Sequence

from sqlalchemy.orm import Session

from bot.config import AccountConfig
from bot.db import SessionFactory
from bot.db.models import utcnow
from bot.db.stats import team_stats
from bot.engine import digests
from bot.engine.leases import Lease
from bot.slack.chart import weekly_chart
from bot.engine.notifier import Notifier
from bot.slack.digest import post_due
from bot.slack.stats_view import stats_text


@dataclass(frozen=True)
class WeeklyReport:
    text: str  # the message the chart is shared with
    image: bytes  # PNG
    filename: str
    title: str


def post_due_reports(
    session_factory: SessionFactory,
    notifier: Notifier,
    accounts: Sequence[AccountConfig],
    clock: Callable[[], datetime] = utcnow,
    lease: Lease | None = None,
) -> int:
    """Upload every channel's weekly report that is due and not yet posted; returns how many were posted."""
    return post_due(
        session_factory, digests.schedules(accounts, digests.WEEKLY), weekly_report,
        lambda channel, report: notifier.post_report(channel, report.text, report.image, report.filename, report.title),
        clock, lease,
    )


def weekly_report(session: Session, schedule: digests.ChannelSchedule, day: date, since: datetime,
                  now: datetime) -> WeeklyReport:
    """The seven whole local days before `day`."""
    start, end = (schedule.hours.local(day - timedelta(days=7), time(0)), schedule.hours.local(day, time(0)))
    stats = team_stats(session, since=start, until=end, accounts=schedule.accounts, zone=schedule.hours.zone,
                       business_waits=schedule.business_waits)
    last = day - timedelta(days=1)
    title = f"Reply Nudge: week of {day - timedelta(days=7):%d %b} to {last:%d %b %Y}"
    return WeeklyReport(
        text=stats_text(stats, title),
        image=weekly_chart(stats.days, title),
        filename=f"reply-nudge-week-{day:%Y-%m-%d}.png",
        title=title,
    )

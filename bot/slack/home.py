"""The App Home tab: the team's backlog per account, the oldest waiting comments with their buttons, this week,
the team's stats.

The tab is a list of sections, each a function `(session, now, accounts) -> blocks` in SECTIONS (`accounts`: the
configured accounts the viewer may see; nothing of any other account is shown); another section is one more function in that list. The view keeps within a Home tab's 100 blocks: sections that would overflow are left out.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable, Sequence

from sqlalchemy.orm import Session

from bot.config import AccountConfig, format_wait
from bot.db.queries import AccountBacklog, BusinessWaits, backlog, recent_replies, unanswered
from bot.db.stats import team_stats
from bot.engine.hours import business_waits_of
from bot.engine.triage import nudge_statuses
from bot.slack.blocks import context, cut, escape, listed_blocks, section, when
from bot.slack.stats_view import stats_text, window_label

HomeSection = Callable[[Session, datetime, Sequence[AccountConfig]], list[dict]]
VIEW_BLOCKS = 100
OLDEST_SHOWN = 5
HEADER_TEXT = 150


def header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": cut(text, HEADER_TEXT), "emoji": True}}


def waiting_section(session: Session, now: datetime, accounts: Sequence[AccountConfig]) -> list[dict]:
    """The backlog per account, then the oldest waiting comments: one section, so that the comments are counted
    once (the backlog's sum, less the private messages the tab never lists, is the total behind "N more")."""
    names = [account.name for account in accounts]
    backlogs = backlog(session, names)
    if not backlogs:
        return [header("Waiting for an answer"),
                section("No accounts yet: add them to `replynudge.toml`. (You see the accounts whose nudge "
                        "channel you are a member of.)")]
    business_waits = business_waits_of(accounts)
    total = sum(account.waiting for account in backlogs)
    private = sum(account.private for account in backlogs)
    return (_backlog_blocks(backlogs, total, now, business_waits)
            + _oldest_blocks(session, names, total - private, private, now, business_waits))


def _backlog_blocks(
    backlogs: list[AccountBacklog], total: int, now: datetime, business_waits: BusinessWaits
) -> list[dict]:
    lines = []
    for account in backlogs:
        line = f"• *{escape(account.account)}* ({escape(account.platform)}): "
        if account.waiting:
            waited = _waited(account.oldest, now, business_waits.get(account.account)) if account.oldest else "?"
            line += f"{account.waiting} waiting, the oldest for {waited}"
        else:
            line += "nothing waiting :white_check_mark:"
        lines.append(line)
    return [header(f"Waiting for an answer: {total}"), section("\n".join(lines))]


def _waited(since: datetime, now: datetime, clock: Callable[[datetime, datetime], timedelta] | None) -> str:
    business = int(clock(since, now).total_seconds()) if clock else None
    return format_wait(int((now - since).total_seconds()), business)


def _oldest_blocks(session: Session, names: list[str], listed: int, private: int, now: datetime,
                   business_waits: BusinessWaits) -> list[dict]:
    """The oldest comments of the `listed` the tab may show; the `private` messages are only counted."""
    result = unanswered(session, now=now, limit=OLDEST_SHOWN, business_waits=business_waits, total=listed,
                        accounts=names, private_from=())  # private messages only in their own channel
    if not result.items:
        return []
    statuses = nudge_statuses(session, [item.id for item in result.items])
    blocks = [{"type": "divider"}, header("Oldest waiting")]
    for item in result.items:
        blocks.extend(listed_blocks(item, statuses.get(item.id)))
    more = []
    if result.total > len(result.items):
        more.append(f"{result.total - len(result.items)} more: `/unanswered` lists them, oldest first.")
    if private:
        plural = "s" if private != 1 else ""
        more.append(f":lock: {private} private message{plural}: `/unanswered` in the account's channel lists them.")
    if more:
        blocks.append(context(" ".join(more)))
    return blocks


def week_section(session: Session, now: datetime, accounts: Sequence[AccountConfig]) -> list[dict]:
    replies = recent_replies(session, now - timedelta(days=7), [account.name for account in accounts])
    slack = f", {replies.from_slack} of them from Slack" if replies.from_slack else ""
    return [header("This week"),
            section(f"{replies.answered} comment{'s' if replies.answered != 1 else ''} answered in the last 7 days"
                    f"{slack}.")]


def stats_section(session: Session, now: datetime, accounts: Sequence[AccountConfig]) -> list[dict]:
    window = timedelta(days=7)
    stats = team_stats(session, since=now - window, until=now, accounts=[account.name for account in accounts],
                       business_waits=business_waits_of(accounts))
    return [header("Team stats"), section(stats_text(stats, window_label(window))),
            context("`/nudge stats 30d` (or `90d`) looks further back; `replynudge export` writes it for spreadsheets.")]


SECTIONS: list[HomeSection] = [waiting_section, week_section, stats_section]


def home_view(
    session: Session, now: datetime, accounts: Sequence[AccountConfig], sections: list[HomeSection] | None = None
) -> dict:
    blocks: list[dict] = []
    for build in SECTIONS if sections is None else sections:
        part = build(session, now, accounts)
        if part and len(blocks) + len(part) + 2 <= VIEW_BLOCKS:  # room for a divider and the footer
            blocks.extend(([{"type": "divider"}] if blocks else []) + part)
    blocks.append(context(f"Updated {when(now)} · `/nudge help` for commands"))
    return {"type": "home", "blocks": blocks}

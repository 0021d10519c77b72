"""`/nudge <subcommand>`: the team's other commands, answered ephemerally.

A subcommand is a function `(app, args, user) -> reply text` with a usage line in SUBCOMMANDS; help lists them all.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Callable, NamedTuple

from slack_bolt import Ack, BoltContext, Respond

from bot.config import parse_duration
from bot.db.stats import team_stats
from bot.engine import lifecycle, trail, triage
from bot.engine.hours import OfficeHours, business_waits_of
from bot.slack.access import CONFIGURE, SEE, TRIAGE
from bot.slack.blocks import escape, when
from bot.slack.context import KEY, NOTHING_VISIBLE, AppContext
from bot.slack.stats_view import parse_window, stats_text, window_label

MAX_TEXT = 200
MAX_SNOOZE = timedelta(days=30)
SNOOZE_WORDS = {"tomorrow": "tomorrow", "next-week": "next_week", "next_week": "next_week"}


class Subcommand(NamedTuple):
    args: str  # what follows the name, e.g. "<id> <duration>"
    about: str
    run: Callable[[AppContext, list[str], str], str]


def snooze(app: AppContext, args: list[str], user: str) -> str:
    if len(args) != 2 or not args[0].lstrip("#").isdigit() or not _snooze_choice(args[1]):
        return usage("snooze")
    comment_id, choice = int(args[0].lstrip("#")), _snooze_choice(args[1])
    item, _ = app.load(comment_id)
    gone = f"There is no open comment #{comment_id}: it may be handled already (see `/unanswered`)."
    if item is None or not app.may(user, SEE, item.account):
        return gone  # the same answer for a comment that exists elsewhere: ids are sequential, not secrets
    verdict = app.may(user, TRIAGE, item.account)
    if not verdict:
        return verdict.why
    account = app.account(item.account)
    now = app.clock()
    until = triage.snooze_until(choice, now, OfficeHours.of(account) if account else OfficeHours())
    with app.session_factory.begin() as session:
        changed = lifecycle.snooze(session, comment_id, until, now)
        if changed:
            trail.record(session, user, "snooze", now, comment_id=comment_id, detail=f"until {until.isoformat()}")
    if not changed:
        return gone
    app.refresh(comment_id, f"<@{user}> snoozed this {when(now)}")
    return f"Snoozed #{comment_id} until {when(until)}."


def _snooze_choice(text: str) -> str | None:
    if text.lower() in SNOOZE_WORDS:
        return SNOOZE_WORDS[text.lower()]
    try:
        return text if timedelta(0) < parse_duration(text) <= MAX_SNOOZE else None
    except (ValueError, OverflowError):
        return None


def mute(app: AppContext, args: list[str], user: str) -> str:
    name = " ".join(args).strip()
    if not name or len(name) > 100:
        return usage("mute")
    accounts, refused = _configurable(app, user)
    if not accounts:
        return refused
    with app.session_factory.begin() as session:
        muted = triage.mute(session, name, user, app.clock(), accounts)
        if muted.commenters:
            trail.record(session, user, "mute", app.clock(), account=", ".join(accounts), detail=name)
    if not muted.commenters:
        return f"No commenter is known as {escape(name)}: give their handle, name or platform id."
    for comment_id in muted.closed:
        app.refresh(comment_id, f"<@{user}> muted this commenter {when(app.clock())}")
    closed = f"; {len(muted.closed)} open nudge{'s' if len(muted.closed) != 1 else ''} closed" if muted.closed else ""
    return f"Muted {escape(name)}: Reply Nudge will never nudge about them again{closed}."


def unmute(app: AppContext, args: list[str], user: str) -> str:
    name = " ".join(args).strip()
    if not name or len(name) > 100:
        return usage("unmute")
    accounts, refused = _configurable(app, user)
    if not accounts:
        return refused
    with app.session_factory.begin() as session:
        result = triage.unmute(session, name, accounts)
        if result.unmuted:
            trail.record(session, user, "unmute", app.clock(), account=", ".join(accounts), detail=name)
    if not result.known:
        return f"No commenter is known as {escape(name)}: give their handle, name or platform id."
    if result.by_config:
        config = f" {escape(name)} is muted in the config file: take them off `muted_commenters` there."
    else:
        config = ""
    if result.unmuted:
        return f"Unmuted {escape(name)}: Reply Nudge nudges about their new comments again.{config}"
    return config.lstrip() or f"{escape(name)} is not muted."


def _configurable(app: AppContext, user: str) -> tuple[list[str], str]:
    """The accounts on which `user` may mute commenters, and, when there are none, why not."""
    verdicts = {account.name: app.access.check(user, CONFIGURE, account) for account in app.settings.accounts}
    allowed = [name for name, verdict in verdicts.items() if verdict]
    refused = next((verdict.why for verdict in verdicts.values() if not verdict), "No account is configured.")
    return allowed, refused


def stats(app: AppContext, args: list[str], user: str) -> str:
    window = parse_window(args[0] if args else None) if len(args) <= 1 else None
    if window is None:
        return usage("stats")
    now = app.clock()
    accounts = app.readable(user)
    if not accounts:
        return NOTHING_VISIBLE
    with app.session_factory() as session:
        figures = team_stats(session, since=now - window, until=now, accounts=[account.name for account in accounts],
                             business_waits=business_waits_of(accounts))
    return stats_text(figures, window_label(window))


def help_text() -> str:
    lines = [f"• `{_call(name)}`: {entry.about}" for name, entry in SUBCOMMANDS.items()]
    return "\n".join(["*Reply Nudge commands*",
                      "• `/unanswered [account|platform] [older-than] [limit]`: the comments waiting, oldest first",
                      *lines])


SUBCOMMANDS: dict[str, Subcommand] = {
    "help": Subcommand("", "this list", lambda app, args, user: help_text()),
    "snooze": Subcommand("<id> <duration|tomorrow|next-week>",
                         "quiet a comment for a while (its id is in `/unanswered`), e.g. `/nudge snooze 42 4h`", snooze),
    "stats": Subcommand("[7d|30d|90d]", "response rate, time to first reply, what nudges changed, the backlog "
                        "(default: the last 7 days)", stats),
    "mute": Subcommand("@commenter", "never nudge about this commenter again (handle, name or platform id)", mute),
    "unmute": Subcommand("@commenter", "nudge about a commenter muted with `/nudge mute` again", unmute),
}


def _call(name: str) -> str:
    return f"/nudge {name} {SUBCOMMANDS[name].args}".rstrip()


def usage(name: str) -> str:
    return f"Usage: `{_call(name)}`: {SUBCOMMANDS[name].about}"


def nudge(ack: Ack, command: dict, context: BoltContext, respond: Respond) -> None:
    ack()
    app: AppContext = context[KEY]
    text = command.get("text") or ""
    args = text.split()
    entry = SUBCOMMANDS.get(args[0].lower()) if args and len(text) <= MAX_TEXT else None
    reply = entry.run(app, args[1:], command["user_id"]) if entry else help_text()
    respond(text=reply, response_type="ephemeral")

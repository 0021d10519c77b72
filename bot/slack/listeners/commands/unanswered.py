"""`/unanswered [account|platform] [older-than] [limit]`: what `replynudge unanswered` shows, ephemerally.

Arguments come in any order: a number is the limit, a duration (`2h`, `1d`) the minimum age, anything else must
name an account or a platform. Anything else gets the usage text; the values reach SQL only as bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from slack_bolt import Ack, BoltContext, Respond

from bot.config import format_duration, parse_duration
from bot.db.queries import unanswered
from bot.engine.hours import business_waits_of
from bot.engine.triage import nudge_statuses
from bot.slack.blocks import MAX_BLOCKS, context as context_block, listed_blocks, section
from bot.slack.context import KEY, NOTHING_VISIBLE, AppContext

USAGE = (
    "Usage: `/unanswered [account|platform] [older-than] [limit]`, in any order. "
    "For example `/unanswered`, `/unanswered blog`, `/unanswered mastodon 2h`, `/unanswered 1d 5`."
)
MAX_TEXT = 200
DEFAULT_LIMIT = 10
MAX_LIMIT = (MAX_BLOCKS - 2) // 3  # three blocks a comment, a heading and a footer: 16


@dataclass(frozen=True)
class Filters:
    name: str | None = None  # an account or a platform
    older_than: timedelta | None = None
    limit: int = DEFAULT_LIMIT

    def describe(self) -> str:
        parts = ([f"on {self.name}"] if self.name else []) + (
            [f"older than {format_duration(self.older_than)}"] if self.older_than else [])
        return (" " + " ".join(parts)) if parts else ""


def parse_filters(text: str, names: set[str]) -> Filters | None:
    """The filters in `text`, or None when it is not something `/unanswered` understands."""
    tokens = text.split()
    if len(text) > MAX_TEXT or len(tokens) > 3:
        return None
    found: dict = {}
    for token in tokens:
        if token.isascii() and token.isdigit():
            key, value = "limit", int(token)
            if not 1 <= value <= 1000:
                return None
        elif token in names:
            key, value = "name", token
        else:
            key, value = "older_than", _duration(token)
            if value is None:
                return None
        if key in found:
            return None
        found[key] = value
    return Filters(**found)


def _duration(token: str) -> timedelta | None:
    try:
        return parse_duration(token)
    except (ValueError, OverflowError):
        return None


def list_unanswered(ack: Ack, command: dict, context: BoltContext, respond: Respond) -> None:
    ack()
    app: AppContext = context[KEY]
    visible = app.readable(command["user_id"])
    if not visible:
        respond(text=NOTHING_VISIBLE, response_type="ephemeral")
        return
    names = {account.name for account in visible} | {account.platform for account in visible}
    filters = parse_filters(command.get("text") or "", names)
    if filters is None:
        respond(text=USAGE, response_type="ephemeral")
        return
    with app.session_factory() as session:
        now = app.clock()
        result = unanswered(session, now=now, account_or_platform=filters.name, older_than=filters.older_than,
                            accounts=[account.name for account in visible], limit=min(filters.limit, MAX_LIMIT),
                            business_waits=business_waits_of(visible),
                            private_from=[a.name for a in visible if a.channel == command.get("channel_id")])
        statuses = nudge_statuses(session, [item.id for item in result.items])
    if not result.items:
        respond(text=f"Nothing is waiting for an answer{filters.describe()}. :tada:", response_type="ephemeral")
        return
    heading = f"*{result.total} comment{'s' if result.total != 1 else ''} waiting*{filters.describe()}, oldest first"
    blocks = [section(heading)]
    for item in result.items:
        blocks.extend(listed_blocks(item, statuses.get(item.id)))
    if result.total > len(result.items):
        hint = f"Showing {len(result.items)} of {result.total}: narrow it down (`/unanswered blog 2h`)"
        if filters.limit > MAX_LIMIT:
            hint += f"; Slack shows at most {MAX_LIMIT} at a time"
        blocks.append(context_block(hint + ", or run `replynudge unanswered` for the whole list."))
    respond(text=heading.replace("*", ""), blocks=blocks, response_type="ephemeral")

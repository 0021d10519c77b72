"""`replynudge preview`: a waiting comment's nudge as Slack's Block Kit Builder shows it, before any Slack app exists.

The blocks are the ones the nudge will be posted with: the same block builder (nudge_blocks) and the same
suggestions (stored with the comment, else asked for as delivery asks) as bot/engine/delivery.py.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from bot.clock import utcnow
from bot.config import ConfigError, Settings
from bot.db.queries import WaitingComment, comment_by_id, unanswered
from bot.engine.hours import business_waits_of
from bot.slack.blocks import nudge_blocks
from bot.suggest import llm_provider, suggest_for

BUILDER_URL = "https://app.slack.com/block-kit-builder/#"


def builder_url(payload: dict) -> str:
    """The Builder reads the message from the URL's fragment: `{"blocks": […]}`, percent-encoded."""
    return BUILDER_URL + quote(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), safe="")


def nudge_payload(settings: Settings, session_factory, comment_id: int | None) -> dict:
    """`{"blocks": …}` of the nudge for `comment_id`, or for the oldest comment that deserves one."""
    business_waits = business_waits_of(settings.accounts)
    with session_factory() as session:
        item: WaitingComment | None
        if comment_id is None:
            found = unanswered(session, now=utcnow(), limit=1, business_waits=business_waits,
                               accounts=settings.current_accounts()).items
            item = found[0] if found else None
            if item is None:
                raise LookupError("nobody is waiting for an answer: no nudge to preview (replynudge unanswered --all "
                                  "lists the comments that do not deserve one; --comment ID shows one of them)")
        else:
            item = comment_by_id(session, comment_id, utcnow(), business_waits)
            if item is None:
                raise ConfigError(f"--comment {comment_id}: no such comment waiting for an answer "
                                  "(replynudge unanswered --all lists their ids)")
    account = next((account for account in settings.accounts if account.name == item.account), None)
    suggestions = list(item.suggestions or suggest_for(session_factory, item, account, llm_provider(settings)))
    return {"blocks": nudge_blocks(item, suggestions)}

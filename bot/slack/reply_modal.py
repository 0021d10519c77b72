"""The reply modal: the comment, a text box prefilled with a suggestion, the other suggestions one click away.

Limits kept here: a title of 24 characters, submit and close of 24, 100 blocks, private_metadata of 3000,
a plain-text input's value of 3000, and the section/button limits of bot/slack/blocks.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

from bot.db.queries import WaitingComment
from bot.engine.lifecycle import PLATFORM, ReplyClaim
from bot.slack.blocks import button, context, cut, escape, headline, quote, section, utc
from bot.suggest import NO_SUGGESTION

CALLBACK_ID = "nudge_reply_submit"
USE_SUGGESTION = "nudge_reply_use"  # a suggestion's button: its value is the suggestion's index
REPLY_BLOCK = "reply"  # block_id prefix of the text box; a new id resets what was typed (Slack keeps it otherwise)
REPLY_INPUT = "reply_text"
TITLE = 24
INPUT_TEXT = 3000
SHOWN_SUGGESTIONS = 5


@dataclass(frozen=True)
class ModalState:
    """What a submitted or acted-on reply modal carries."""

    comment_id: int | None
    version: int = 0  # the text box's number
    home: bool = False  # opened from the Home tab, which is published again after the reply
    block: str | None = None  # the text box's block_id
    text: str = ""  # what the box holds


def reply_modal(
    item: WaitingComment, suggestions: list[str], text: str, *, version: int = 0, home: bool = False,
    notice: str | None = None,
) -> dict:
    """`text` is what the box holds; `version` numbers the box, so a chosen suggestion replaces what was typed."""
    blocks: list[dict] = [section(headline(item)), section(quote(item))]
    if notice:
        blocks.append(section(f":warning: {escape(notice)}"))
    box = {"type": "plain_text_input", "action_id": REPLY_INPUT, "multiline": True, "max_length": INPUT_TEXT}
    if text:
        box["initial_value"] = text[:INPUT_TEXT]
    blocks.append({"type": "input", "block_id": f"{REPLY_BLOCK}:{version}", "element": box,
                   "label": {"type": "plain_text", "text": f"Your reply on {item.platform}"[:2000]}})
    if suggestions:
        blocks.append(context("Or start from one of these:"))
        for index, suggestion in enumerate(suggestions[:SHOWN_SUGGESTIONS]):
            use = button("Use this", USE_SUGGESTION, str(index))
            blocks.append({**section(escape(cut(suggestion, 500))), "accessory": use})
    else:
        blocks.append(context(NO_SUGGESTION))
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "private_metadata": json.dumps({"comment_id": item.id, "version": version, "home": home}),
        "title": _plain(f"Reply to {item.author}"),
        "submit": _plain("Post reply"),
        "close": _plain("Cancel"),
        "blocks": blocks,
    }


def message_modal(title: str, text: str) -> dict:
    """A modal that only says something: "Posting…", "Posted"."""
    return {"type": "modal", "title": _plain(title), "close": _plain("Close"), "blocks": [section(text)]}


def taken(claim: ReplyClaim, name_of: Callable[[str], str | None]) -> str:
    """Who answered the comment (or is replying to it) and when, in plain text with the name people see and the time
    in UTC: the modal shows it under the text box (`response_action: errors`), which takes a plain string, and Slack
    renders mentions and dates only in mrkdwn text objects (docs.slack.dev/messaging/formatting-message-text)."""

    def at(doing: str, joined: str = " at") -> str:
        return f"{doing}{joined} {utc(claim.at)}" if claim.at else doing

    if claim.by == PLATFORM:
        return at("the brand already answered this comment on the platform")
    name = name_of(claim.by) if claim.by else None
    who = f"@{name}" if name else "a teammate"
    return at(f"{who} already replied") if claim.replied else at(f"{who} is replying right now", ", since")


def taken_modal(claim: ReplyClaim, name_of: Callable[[str], str | None]) -> dict:
    """What Reply opens instead of the box on a comment answered already, or that someone is replying to right now,
    in `taken`'s words."""
    words = taken(claim, name_of)
    if claim.replied:
        return message_modal("Already answered", escape(f"No reply needed: {words}."))
    return message_modal("Reply in progress", escape(f"Not now: {words}. If their reply does not go through, Reply "
                                                     "opens the box again."))


def modal_state(view: dict) -> ModalState:
    try:
        meta = json.loads(view.get("private_metadata") or "{}")
    except json.JSONDecodeError:
        meta = {}
    if not isinstance(meta, dict) or not isinstance(meta.get("comment_id"), int):
        return ModalState(None)
    values = (view.get("state") or {}).get("values") or {}
    block = next((key for key in values if key.split(":")[0] == REPLY_BLOCK), None)
    text = ((values.get(block) or {}).get(REPLY_INPUT) or {}).get("value") or ""
    version = meta.get("version")
    return ModalState(meta["comment_id"], version if isinstance(version, int) else 0, meta.get("home") is True,
                      block, text)


def _plain(text: str) -> dict:
    return {"type": "plain_text", "text": cut(text, TITLE), "emoji": True}

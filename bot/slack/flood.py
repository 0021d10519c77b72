"""The flood rule's message: more nudges due for one channel in one cycle than the accounts' `digest_threshold`
become this one summary instead of a message each (see engine/delivery.py)."""

from __future__ import annotations

from collections import Counter

from bot.db.queries import WaitingComment
from bot.slack.blocks import context, cut, escape, link, section

LISTED = 10  # the oldest this many are shown; the rest are counted


def flood_fallback(items: list[WaitingComment]) -> str:
    return f"{_comments(len(items))} fell due at once: {_split(items)}"


def flood_blocks(items: list[WaitingComment]) -> list[dict]:
    oldest = sorted(items, key=lambda item: (-item.waiting_seconds, item.id))
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": f"{_comments(len(items))} waiting for an answer"}},
        section(f":ocean: *{_comments(len(items))} fell due at once* ({escape(_split(items))}), "
                "so here they are in one message. The oldest first:"),
    ]
    blocks += [section(_line(item)) for item in oldest[:LISTED]]
    if len(oldest) > LISTED:
        blocks.append(section(f"…and {len(oldest) - LISTED} more."))
    blocks.append(context("Each has Reply, Done and Snooze in `/unanswered` and the App Home. "
                          "Comments in this summary get no message or escalation of their own."))
    return blocks


def _comments(count: int) -> str:
    return "1 comment" if count == 1 else f"{count} comments"


def _split(items: list[WaitingComment]) -> str:
    return ", ".join(f"{account} {count}" for account, count in sorted(Counter(i.account for i in items).items()))


def _line(item: WaitingComment) -> str:
    waited = item.waited()
    opened = link(item.url, "open")
    quoted = escape(cut(" ".join(item.text.split()), 200))
    return (f"*{escape(item.author)}* on {escape(item.account)} ({item.platform}), waiting {waited}"
            f"{' ' + opened if opened else ''}\n> {quoted}")

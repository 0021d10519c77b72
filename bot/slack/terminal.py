"""Nudges printed to the terminal: what Reply Nudge does without a Slack token, and what `demo` shows."""

from __future__ import annotations

import shutil
import sys
import textwrap
import unicodedata
from typing import TextIO

from bot.db.queries import WaitingComment
from bot.engine.outbox import DueAlert
from bot.engine.triage import NudgeStatus
from bot.engine.notifier import alert_text
from bot.slack.flood import flood_fallback
from bot.suggest import NO_SUGGESTION

MAX_TEXT = 600


def printable(text: str) -> str:
    """Text for a terminal: control and format characters (escape sequences, bidi overrides) someone else wrote
    are dropped; line breaks stay."""
    return "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf"))


class TerminalNotifier:
    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stdout
        self.width = min(100, shutil.get_terminal_size((100, 24)).columns)

    def post_nudge(self, item: WaitingComment, suggestions: list[str], channel: str | None, *,
                   tried: bool = False, status: NudgeStatus | None = None) -> None:
        self.stream.write(render_nudge(item, suggestions, self.width) + "\n")
        self.stream.flush()

    def post_alert(self, alert: DueAlert) -> None:
        self.stream.write(f"! {alert_text(alert)}\n\n")
        self.stream.flush()

    def update_nudge(
        self, item: WaitingComment, suggestions: list[str], status: NudgeStatus, note: str | None = None
    ) -> None:
        what = status.handled_how or ("snoozed" if status.snoozed_until else "open again")
        self.stream.write(f"── #{item.id} · now {what}\n")
        self.stream.flush()

    def remind(self, item: WaitingComment, status: NudgeStatus) -> None:
        self.stream.write(f"── #{item.id} · snooze over, {item.author} is still waiting\n")
        self.stream.flush()


    def escalate(self, item: WaitingComment, status: NudgeStatus, number: int, target: str | None) -> None:
        to = f" to {target}" if target else ""
        self.stream.write(f"── #{item.id} · escalated{to} (follow-up {number}), {item.author} is still waiting\n")
        self.stream.flush()

    def post_summary(self, channel: str, items: list[WaitingComment]) -> None:
        self.stream.write(f"── {channel}: {flood_fallback(items)}\n")
        self.stream.flush()

    def post_digest(self, channel: str, text: str, blocks: list[dict]) -> None:
        self.stream.write(f"── {channel}: {text}\n")
        self.stream.flush()

    def post_notice(self, channel: str, text: str) -> None:
        self.stream.write(f"! {channel}: {text}\n")
        self.stream.flush()

    def post_report(self, channel: str, text: str, image: bytes, filename: str, title: str) -> None:
        self.stream.write(f"── {channel}: {title} (chart {filename} not shown)\n{text}\n")
        self.stream.flush()


def render_nudge(item: WaitingComment, suggestions: list[str], width: int = 100) -> str:
    waited = item.waited()
    who = item.author + (f" (@{item.author_handle})" if item.author_handle else "")
    head = f"── #{item.id} · {who} on {item.account} ({item.platform}) · waiting {waited} "
    lines = [head + "─" * max(3, width - len(head))]
    if item.post_title:
        lines.append(f"  on “{item.post_title}”")
    if item.parent_text:
        lines.append(f"  replying to {item.parent_author or 'someone'}: {_shorten(item.parent_text, 120)}")
    text = _shorten(item.text, MAX_TEXT)
    lines += textwrap.wrap(text, width - 4, initial_indent="  > ", subsequent_indent="    ") or ["  > (no text)"]
    if item.reasons:
        lines.append(f"  why: {', '.join(item.reasons)} (score {item.score})")
    if item.url:
        lines.append(f"  link: {item.url}")
    lines.append("  ask next:" if suggestions else f"  ask next: {NO_SUGGESTION}")
    lines += [f"    • {question}" for question in suggestions]
    return printable("\n".join(lines) + "\n")


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"

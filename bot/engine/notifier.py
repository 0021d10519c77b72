"""What delivery (engine/delivery.py) needs from a notifier, and the words both notifiers use for an account alert.

The notifiers themselves are bot/slack/notifier.py (Slack) and bot/slack/terminal.py (the terminal, and `demo`).
"""

from __future__ import annotations

from typing import Protocol

from bot.config import format_duration
from bot.db.queries import WaitingComment
from bot.engine import outbox, triage
from bot.sources.base import HELD_QUEUE


class Refused(Exception):
    """The channel or the token refuses posts for good (the bot removed from the channel, the channel archived, the
    token revoked), as opposed to an outage, after which a post is worth trying again."""


class Notifier(Protocol):
    def post_nudge(
        self, item: WaitingComment, suggestions: list[str], channel: str | None, *, tried: bool = False,
        status: triage.NudgeStatus | None = None,
    ) -> str | None:
        """Show one nudge (as `status` says: assigned already, say); returns the message's id (Slack ts) when there
        is one. `tried`: a post of it may have reached Slack before (a replica died, a post failed): the notifier
        looks for it instead of posting twice."""

    def post_alert(self, alert: outbox.DueAlert) -> None:
        """Tell an account's channel that its polling stopped working or works again, or of a completeness gap;
        Refused when the channel or the token refuses it for good."""

    def update_nudge(
        self, item: WaitingComment, suggestions: list[str], status: triage.NudgeStatus, note: str | None = None
    ) -> None:
        """Edit a posted nudge in place to show what became of it."""

    def remind(self, item: WaitingComment, status: triage.NudgeStatus) -> None:
        """Raise a posted nudge again: its snooze ran out."""

    def escalate(self, item: WaitingComment, status: triage.NudgeStatus, number: int, target: str | None) -> None:
        """Follow up on a nudge nobody answered, mentioning `target` (a user or group id) when there is one."""

    def post_summary(self, channel: str, items: list[WaitingComment]) -> None:
        """One message for many nudges due at once in a channel (the flood rule)."""

    def post_digest(self, channel: str, text: str, blocks: list[dict]) -> str | None:
        """Post a summary message to a channel; returns its ts when there is one."""

    def post_report(self, channel: str, text: str, image: bytes, filename: str, title: str) -> None:
        """Share an image (the weekly chart) in a channel with `text` as its message."""

    def post_notice(self, channel: str, text: str) -> None:
        """Tell a channel something that needs a person (nudges that could not be posted there)."""


def alert_text(alert: outbox.DueAlert) -> str:
    name = f"*{alert.account}* ({alert.platform})"
    if alert.kind == "quota":
        return f"Reply Nudge paused {name}: {alert.error}\nNothing to do: polling resumes by itself."
    if alert.kind == "failing":
        last = f"{alert.since:%Y-%m-%d %H:%M} UTC" if alert.since else "never"
        return (f"Reply Nudge keeps failing to poll {name}: {alert.error}\nLast successful poll: {last}. "
                "New comments are not seen until it works again; `replynudge check` shows more.")
    if alert.kind == "recovered":
        return f"Reply Nudge polls {name} again: the poll at {alert.since:%Y-%m-%d %H:%M} UTC succeeded."
    if alert.gap is not None:
        return gap_text(name, alert.gap)
    return (
        f"Reply Nudge stopped polling {name}: {alert.error}\n"
        "Fix the credential, then run `replynudge check`; polling resumes by itself."
    )


def gap_text(name: str, gap: outbox.GapAlert) -> str:
    post = "the whole account" if not gap.post else "the moderation queue" if gap.post == HELD_QUEUE else " ".join(
        filter(None, (f"post {gap.post}", f"“{gap.title}”" if gap.title else None, gap.url))
    )
    since = f"{gap.opened_at:%Y-%m-%d %H:%M} UTC"
    if gap.closed_at is not None:
        return (f"Reply Nudge has every comment of {name} again on {post}: the gap noted at {since} lasted "
                f"{format_duration(gap.closed_at - gap.opened_at)}.")
    if gap.post == HELD_QUEUE:
        return (f"Reply Nudge may be missing comments of {name} on {post} since {since}: more comments are held "
                "for review than a poll reads, so only the newest held ones are read. New comments are "
                "read as before; review or remove held comments on the platform to bring the rest within reach.")
    return (f"Reply Nudge may be missing comments of {name} on {post} since {since}: the platform counts "
            f"{gap.counted}, {gap.stored} are stored, even after reading it again.")

"""The nudge message's buttons and selects. Each acks first, changes state through the engine, then edits."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.actions.done_snooze_assign import assign, mark_done, snooze
from bot.slack.listeners.actions.reply import open_reply_modal, use_suggestion
from bot.slack.reply_modal import USE_SUGGESTION


def register(app: App) -> None:
    app.action("nudge_reply")(open_reply_modal)
    app.action(USE_SUGGESTION)(use_suggestion)
    app.action("nudge_done")(mark_done)
    app.action("nudge_snooze")(snooze)
    app.action("nudge_assign")(assign)

"""Modal submissions."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.views.reply import submit_reply
from bot.slack.reply_modal import CALLBACK_ID


def register(app: App) -> None:
    app.view(CALLBACK_ID)(submit_reply)

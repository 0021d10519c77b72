"""Slash commands. COMMANDS is what the app answers; the manifests list the same (tests/slack/test_slack_manifest.py)."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.commands.nudge import nudge
from bot.slack.listeners.commands.unanswered import list_unanswered

COMMANDS = {
    "/unanswered": list_unanswered,
    "/nudge": nudge,
}


def register(app: App) -> None:
    for command, listener in COMMANDS.items():
        app.command(command)(listener)

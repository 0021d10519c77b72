"""Listeners, one package per kind, each with `register(app)` (the layout of Bolt's starter template)."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, views


def register_listeners(app: App) -> None:
    actions.register(app)
    commands.register(app)
    events.register(app)
    views.register(app)

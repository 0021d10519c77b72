"""Events the app subscribes to. EVENTS is what the app answers; the manifests list the same."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.events.home import show_home

EVENTS = {
    "app_home_opened": show_home,
}


def register(app: App) -> None:
    for event, listener in EVENTS.items():
        app.event(event)(listener)

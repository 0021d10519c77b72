"""The Home tab, published afresh each time someone opens it."""

from __future__ import annotations

from slack_bolt import BoltContext

from bot.slack.context import KEY, AppContext


def show_home(event: dict, context: BoltContext) -> None:
    if event.get("tab", "home") != "home":  # the Messages tab opens the same event
        return
    app: AppContext = context[KEY]
    app.publish_home(event["user"])

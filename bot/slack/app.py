"""`build_app`: the Bolt app with every listener registered, on the one shared WebClient."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable

from slack_bolt import App, BoltContext
from slack_bolt.error import BoltError
from slack_sdk import WebClient

from bot.config import ConfigError, Settings
from bot.db import SessionFactory
from bot.db.models import utcnow
from bot.slack.access import Access
from bot.slack.client import make_client
from bot.slack.context import KEY, AppContext
from bot.slack.listeners import register_listeners
from bot.slack.notifier import SlackNotifier


def build_app(
    settings: Settings,
    session_factory: SessionFactory,
    *,
    client: WebClient | None = None,
    notifier: SlackNotifier | None = None,
    clock: Callable[[], datetime] = utcnow,
    access: Access | None = None,
) -> App:
    """Requests are verified with SLACK_SIGNING_SECRET (Socket Mode needs none); the token is checked once."""
    client = client or make_client(settings)
    _quiet_token_warning()
    try:
        app = App(client=client, signing_secret=settings.slack_signing_secret or "", name="replynudge")
    except BoltError as error:
        raise ConfigError(f"environment: SLACK_BOT_TOKEN: Slack did not accept it ({error})") from None
    except OSError as error:  # the token is checked at start: no network, a proxy down, a wrong SLACK_API_URL
        raise ConfigError(f"environment: SLACK_API_URL: cannot reach Slack at {settings.slack_api_url} to check "
                          f"SLACK_BOT_TOKEN ({getattr(error, 'reason', None) or error}); check the network, or the "
                          "address in SLACK_API_URL") from None
    access = access or Access(client, clock=clock)  # its cache ages on the clock every listener reads
    shared = AppContext(settings, session_factory, notifier or SlackNotifier(client), access, clock)

    def provide(context: BoltContext, next: Callable[[], None]) -> None:
        context[KEY] = shared
        next()

    app.middleware(provide)
    register_listeners(app)
    return app


class _TokenSkipped(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def _quiet_token_warning() -> None:
    """Bolt reads SLACK_BOT_TOKEN itself and warns that it is unused when given a client: ours carries that token."""
    bolt_logger = logging.getLogger("slack_bolt.App")
    if not any(isinstance(f, _TokenSkipped) for f in bolt_logger.filters):
        bolt_logger.addFilter(_TokenSkipped())

"""Liveness and readiness, as `GET /healthz` and `GET /readyz` answer them.

Live: the process answers and its polling loop still runs. Ready: the database answers a `SELECT 1` and, with
Slack configured, Slack accepts the bot token (`auth.test`). Slack's answer is kept for SLACK_CHECK_EVERY, so
that probes every few seconds from several load balancers cost Slack one call a half minute; the call has a short
timeout and no retries (bot/slack/client.py), so a probe never waits long.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clock import utcnow
from bot.config import ConfigError, Settings
from bot.db import SessionFactory, check_connection
from bot.slack.client import make_probe_client

SLACK_CHECK_EVERY = timedelta(seconds=30)


class Health:
    def __init__(
        self,
        factory: SessionFactory,
        slack: WebClient | None,
        alive: Callable[[], bool] = lambda: True,
        clock: Callable[[], datetime] = utcnow,
    ):
        self._factory, self._slack, self._alive, self._clock = factory, slack, alive, clock
        self._lock = threading.Lock()
        self._slack_checked: tuple[datetime, str | None] | None = None  # when, and the problem (None: it answered)

    @classmethod
    def of(cls, settings: Settings, factory: SessionFactory, alive: Callable[[], bool]) -> Health:
        return cls(factory, make_probe_client(settings) if settings.slack_bot_token else None, alive)

    def live(self) -> bool:
        return self._alive()

    def problems(self) -> list[str]:
        """What keeps the service from being ready; empty when it is."""
        found = []
        try:
            check_connection(self._factory.kw["bind"])
        except ConfigError as error:
            found.append(str(error))
        if self._slack is not None and (slack := self._slack_problem()):
            found.append(slack)
        return found

    def _slack_problem(self) -> str | None:
        with self._lock:
            now = self._clock()
            if self._slack_checked is None or now - self._slack_checked[0] >= SLACK_CHECK_EVERY:
                self._slack_checked = (now, self._ask_slack())
            return self._slack_checked[1]

    def _ask_slack(self) -> str | None:
        try:
            self._slack.auth_test()
        except SlackApiError as error:
            return f"Slack: auth.test answered {error.response.get('error') or error.response.status_code}"
        except Exception as error:  # a timeout, a refused connection
            return f"Slack: auth.test failed ({type(error).__name__}: {error})"
        return None

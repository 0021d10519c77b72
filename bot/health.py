"""Liveness and readiness, as `GET /healthz` and `GET /readyz` answer them.

Live: the process answers and its loops still run. Ready: the database answers a `SELECT 1` and, with Slack
configured, Slack accepts the bot token (`auth.test`). Slack's answer is kept for SLACK_CHECK_EVERY, so that
probes every few seconds from several load balancers cost Slack one call a half minute; the call has a short
timeout and no retries (bot/slack/client.py), so a probe never waits long.

A probe is told only which check failed: the error itself (a database host, a driver's message) goes to the log,
once when it appears or changes and once when the service is ready again, not at every probe.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
import logging
from typing import Callable, Mapping

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clock import utcnow
from bot.config import ConfigError, Settings
from bot.db import SessionFactory, check_connection
from bot.slack.client import make_probe_client

log = logging.getLogger(__name__)

SLACK_CHECK_EVERY = timedelta(seconds=30)
DATABASE_DOWN = "database unavailable"
SLACK_DOWN = "Slack unavailable"


class Health:
    def __init__(
        self,
        factory: SessionFactory,
        slack: WebClient | None,
        loops: Mapping[str, Callable[[], bool]] = {},
        clock: Callable[[], datetime] = utcnow,
    ):
        self._factory, self._slack, self._loops, self._clock = factory, slack, loops, clock
        self._lock = threading.Lock()
        self._slack_checked: tuple[datetime, str | None] | None = None  # when, and the problem (None: it answered)
        self._logged: dict[str, str] = {}  # the problems last logged: what a probe is told -> the error

    @classmethod
    def of(cls, settings: Settings, factory: SessionFactory, loops: Mapping[str, Callable[[], bool]]) -> Health:
        """`loops`: each of the service's loops by name, and whether it still runs."""
        return cls(factory, make_probe_client(settings) if settings.slack_bot_token else None, loops)

    def stopped(self) -> str | None:
        """The name of a loop that stopped running (the service is not live), or None."""
        return next((name for name, alive in self._loops.items() if not alive()), None)

    def problems(self) -> list[str]:
        """What keeps the service from being ready, one line per failed check, without its error; empty when ready."""
        found = {}
        try:
            check_connection(self._factory.kw["bind"])
        except ConfigError as error:
            found[DATABASE_DOWN] = str(error)
        if self._slack is not None and (slack := self._slack_problem()):
            found[SLACK_DOWN] = slack
        self._log_changes(found)
        return list(found)

    def _log_changes(self, found: dict[str, str]) -> None:
        with self._lock:
            for problem, error in found.items():
                if self._logged.get(problem) != error:
                    log.warning("not ready: %s", error)
            if self._logged and not found:
                log.info("ready again")
            self._logged = found

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

"""The one WebClient every Slack call goes through: SLACK_API_URL, a timeout, and slack_sdk's retry handlers."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.config import ConfigError, Settings

TIMEOUT_SECONDS = 15
PROBE_TIMEOUT_SECONDS = 3


def make_client(settings: Settings) -> WebClient:
    if not settings.slack_bot_token:
        raise ConfigError("environment: SLACK_BOT_TOKEN: required for the Slack app (xoxb-...)")
    return WebClient(
        token=settings.slack_bot_token,
        base_url=_base_url(settings),
        timeout=TIMEOUT_SECONDS,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),  # waits what Retry-After says
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def make_probe_client(settings: Settings) -> WebClient:
    """For readiness probes: a short timeout and no retries, so that a probe never waits long."""
    return WebClient(token=settings.slack_bot_token, base_url=_base_url(settings), timeout=PROBE_TIMEOUT_SECONDS)


def _base_url(settings: Settings) -> str:
    return settings.slack_api_url if settings.slack_api_url.endswith("/") else settings.slack_api_url + "/"

"""Settings from the environment (and a `.env` file): the database, Slack, ports, leases, logs and the LLM."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

from dotenv import load_dotenv

from bot.config.accounts import DEFAULT_CONFIG_PATH, AccountConfig
from bot.config.checks import http_url, is_loopback
from bot.config.durations import parse_duration
from bot.config.errors import ConfigError

DEFAULT_DATABASE_URL = "sqlite:///replynudge.db"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
LOG_FORMATS = ("text", "json")


@dataclass(frozen=True)
class LlmSettings:
    """An OpenAI-compatible chat-completions endpoint for suggested questions (LLM_BASE_URL, LLM_MODEL, ...)."""

    base_url: str  # up to and including the version, e.g. https://api.openai.com/v1
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout: timedelta = timedelta(seconds=10)


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    config_path: Path = Path(DEFAULT_CONFIG_PATH)
    slack_bot_token: str | None = field(default=None, repr=False)
    slack_signing_secret: str | None = field(default=None, repr=False)
    slack_app_token: str | None = field(default=None, repr=False)
    slack_api_url: str = DEFAULT_SLACK_API_URL
    port: int = 3000
    host: str = "0.0.0.0"  # the address HTTP mode listens on (HOST): 127.0.0.1 behind a reverse proxy on the same machine
    health_port: int = 9100  # HEALTH_PORT: /healthz, /readyz and /metrics, in either mode
    health_host: str = "127.0.0.1"  # HEALTH_HOST: operational data stays off the address Slack's requests reach
    accounts: tuple[AccountConfig, ...] = ()
    config_read: bool = False  # whether `accounts` come from a config file (none is read where none is required)
    lease: timedelta = timedelta(minutes=2)  # how long a dead replica's accounts and nudges stay claimed
    llm: LlmSettings | None = None  # suggested questions from an LLM; None: the offline generator only
    log_format: str = "text"  # LOG_FORMAT: "text" lines or "json" objects, one a line (bot/logs.py)

    def current_accounts(self) -> list[str] | None:
        """The accounts whose comments make the backlog and the figures: those the config file names. One taken out
        of it is neither polled nor replied through: its rows stay, out of every list and count, until it is named
        again. None without a config file (the database `make demo` leaves): every stored account, as nothing says
        which are the team's."""
        return [account.name for account in self.accounts] if self.config_read else None

    def account(self, name: str) -> AccountConfig:
        for account in self.accounts:
            if account.name == name:
                return account
        raise KeyError(name)


def config_path(environ: Mapping[str, str]) -> Path:
    return Path(environ.get("REPLYNUDGE_CONFIG") or DEFAULT_CONFIG_PATH)


def read_lease(environ: Mapping[str, str]) -> timedelta:
    lease_text = environ.get("REPLYNUDGE_LEASE") or "2m"
    try:
        lease = parse_duration(lease_text)
    except ValueError as error:
        raise ConfigError(f"environment: REPLYNUDGE_LEASE: {error}") from None
    if lease < timedelta(seconds=1):
        raise ConfigError(f"environment: REPLYNUDGE_LEASE: {lease_text!r} is shorter than 1s")
    return lease


def read_port(value: str | None, key: str) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    if not text.isdigit() or int(text) > 65535:
        raise ConfigError(f"environment: {key}: {text!r} is not a port number (0 to 65535)")
    return int(text)


def process_environment(*, dotenv: bool = True) -> Mapping[str, str]:
    """The process's environment, with the variables of `.env` in the working folder that it does not set."""
    if dotenv:
        load_dotenv(Path.cwd() / ".env", override=False)
    return os.environ


def read_log_format(environ: Mapping[str, str]) -> str:
    log_format = (environ.get("LOG_FORMAT") or "text").strip().lower()
    if log_format not in LOG_FORMATS:
        raise ConfigError(f"environment: LOG_FORMAT: {environ['LOG_FORMAT']!r} is not a log format (one of: text, json)")
    return log_format


def load_llm_settings(environ: Mapping[str, str]) -> LlmSettings | None:
    base_url, model = environ.get("LLM_BASE_URL") or "", environ.get("LLM_MODEL") or ""
    if not base_url and not model:
        return None
    http_url(base_url, "environment: LLM_BASE_URL", "https://api.openai.com/v1", https_unless_loopback=False)
    api_key = environ.get("LLM_API_KEY") or None
    host = urlsplit(base_url).hostname
    if api_key and base_url.startswith("http://") and not is_loopback(host):
        raise ConfigError(
            f"environment: LLM_API_KEY: would cross the network in clear text to {host} (LLM_BASE_URL is http://); "
            "use the endpoint's https:// URL, reach it through a loopback address (an SSH tunnel or a TLS proxy on "
            "127.0.0.1), or leave LLM_API_KEY empty if the server needs no key"
        )
    if not model:
        raise ConfigError("environment: LLM_MODEL: required with LLM_BASE_URL (the model name, e.g. gpt-4o-mini)")
    timeout_text = environ.get("LLM_TIMEOUT") or "10s"
    try:
        timeout = parse_duration(timeout_text)
    except ValueError as error:
        raise ConfigError(f"environment: LLM_TIMEOUT: {error}") from None
    if not timedelta(0) < timeout <= timedelta(minutes=2):
        raise ConfigError(f"environment: LLM_TIMEOUT: {timeout_text!r} must be more than 0s and at most 2m")
    return LlmSettings(base_url.rstrip("/"), model, api_key, timeout)


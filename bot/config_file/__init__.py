"""Reading the config file (`replynudge.toml`) into accounts, and `load_settings`, which joins them to the
environment's settings (bot/config/environment.py).

It sits above the engine and the sources because it asks them what they accept: the engine's situations and
languages for `[[questions]]`, each source's declared keys for its accounts. Every mistake raises ConfigError with
one line that names the file and the key, so the CLI can print it and exit 2 instead of showing a traceback.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any, Mapping

from bot.config import AccountConfig, ConfigError, Settings
from bot.config.environment import (DEFAULT_DATABASE_URL, DEFAULT_SLACK_API_URL, config_path, load_llm_settings,
                                    process_environment, read_lease, read_log_format, read_port)
from bot.config_file.account import SHARED_KEYS, parse_account
from bot.config_file.team_tables import question_library, routes_of


def load_settings(
    environ: Mapping[str, str] | None = None, *, require_config: bool = True, dotenv: bool = True
) -> Settings:
    """Read `.env` (without overriding real variables), the environment and the config file."""
    if environ is None:
        environ = process_environment(dotenv=dotenv)
    path = config_path(environ)
    port, health_port = read_port(environ.get("PORT"), "PORT"), read_port(environ.get("HEALTH_PORT"), "HEALTH_PORT")
    lease = read_lease(environ)
    accounts: tuple[AccountConfig, ...] = ()
    config_read = path.exists() or require_config
    if config_read:
        accounts = load_accounts(path, environ)
    return Settings(
        database_url=environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        config_path=path,
        slack_bot_token=environ.get("SLACK_BOT_TOKEN") or None,
        slack_signing_secret=environ.get("SLACK_SIGNING_SECRET") or None,
        slack_app_token=environ.get("SLACK_APP_TOKEN") or None,
        slack_api_url=environ.get("SLACK_API_URL") or DEFAULT_SLACK_API_URL,
        port=3000 if port is None else port,
        host=environ.get("HOST") or "0.0.0.0",
        health_port=9100 if health_port is None else health_port,
        health_host=environ.get("HEALTH_HOST") or "127.0.0.1",
        accounts=accounts,
        config_read=config_read,
        lease=lease,
        llm=load_llm_settings(environ),
        log_format=read_log_format(environ),
    )


def load_accounts(path: Path, environ: Mapping[str, str]) -> tuple[AccountConfig, ...]:
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found (replynudge init writes it; REPLYNUDGE_CONFIG names "
                          "another)") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config file: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    return parse_accounts(document, str(path), environ)


def parse_accounts(document: Mapping[str, Any], file: str, environ: Mapping[str, str]) -> tuple[AccountConfig, ...]:
    for key in document:
        if key not in ("defaults", "accounts", "routes", "questions"):
            raise ConfigError(
                f"{file}: {key}: unknown section (expected [defaults], [[accounts]], [[routes]] and [[questions]])"
            )
    defaults = document.get("defaults", {})
    if not isinstance(defaults, dict):
        raise ConfigError(f"{file}: defaults: must be a table")
    for key in defaults:
        if key not in SHARED_KEYS:
            raise ConfigError(f"{file}: defaults.{key}: unknown key (known: {', '.join(sorted(SHARED_KEYS))})")
    entries = document.get("accounts", [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise ConfigError(f"{file}: accounts: must be an array of tables ([[accounts]])")
    accounts: list[AccountConfig] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        account = parse_account(index, entry, defaults, file, environ)
        if account.name in seen:
            raise ConfigError(f"{file}: accounts[{index}].name: duplicate account name {account.name!r}")
        seen.add(account.name)
        accounts.append(account)
    routes = routes_of(document.get("routes", []), file, seen)
    library = question_library(document.get("questions", []), file, seen)
    return tuple(
        replace(
            account,
            routes=tuple(r for r in routes if r.applies_to(account.name, account.platform)),
            questions=tuple(q for q in library if not q.accounts or account.name in q.accounts),
        )
        for account in accounts
    )

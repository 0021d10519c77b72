"""The checks of a URL or a number that settings of every kind share (the environment's, the config file's, a
source's); each raises ConfigError with the message naming where the value was written."""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from bot.config.accounts import AccountConfig
from bot.config.errors import ConfigError


def whole_number(value: Any, where: str, low: int, high: int, *, of: str = "") -> int:
    """`value` when it is a whole number (not true or false) from `low` to `high`; `of` names its unit."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(f"{where}: must be a whole number{f' of {of}' if of else ''} from {low} to {high}")
    return value


def whole_number_option(account: AccountConfig, key: str, default: int, low: int, high: int, *, of: str = "") -> int:
    """A platform key of the account that is a whole number, `default` when unset."""
    return whole_number(account.option(key, default), account.where(key), low, high, of=of)


def http_url(value: Any, where: str, example: str, *, https_unless_loopback: bool = True) -> str:
    """`value` when it is an http(s) URL. With `https_unless_loopback` (credentials are sent to it), `http://` only
    to a loopback address (a local test server, a tunnel)."""
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise ConfigError(f"{where}: must be an http(s) URL, e.g. {example}")
    if https_unless_loopback and value.startswith("http://") and not is_loopback(urlsplit(value).hostname):
        raise ConfigError(f"{where}: must be https:// (credentials are sent to it); http:// is allowed only for a "
                          "loopback address such as 127.0.0.1")
    return value


def is_loopback(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False

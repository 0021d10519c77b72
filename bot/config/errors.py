"""ConfigError: a configuration mistake, told in one line that names the file and the key."""

from __future__ import annotations


class ConfigError(Exception):
    """A configuration mistake; the message is one line naming the file and the key."""


class MissingSetting(ConfigError):
    """A platform key its connector requires is not set: `key` as written in the file (a secret's without `_env`).
    `replynudge init` asks for exactly these, so its questions come from the connectors themselves."""

    def __init__(self, message: str, key: str, *, secret: bool = False):
        super().__init__(message)
        self.key, self.secret = key, secret

"""Values in the config file that several tables share the reading of."""

from __future__ import annotations

from typing import Any, Mapping

from bot.config import ConfigError
from bot.config.checks import whole_number


def strings(value: Any, where: str, *, required: bool = False) -> tuple[str, ...]:
    """An array of non-empty strings, e.g. `["refund", "broken"]`."""
    if value is None and not required:
        return ()
    if (
        not isinstance(value, list)
        or not all(isinstance(item, str) and item.strip() for item in value)
        or (required and not value)
    ):
        raise ConfigError(f"{where}: must be {'a non-empty' if required else 'an'} array of strings, e.g. [\"refund\", \"broken\"]")
    return tuple(item.strip() for item in value)


def integer(values: Mapping[str, Any], key: str, default: int, where: str, low: int, high: int) -> int:
    return whole_number(values.get(key, default), f"{where}.{key}", low, high)

"""OAuth access tokens cached per process until shortly before they expire.

Sources are built afresh for every poll cycle, so the cache lives here, keyed by whatever identifies the
credential (token endpoint, client id, account); the tokens themselves never reach the database or a log.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

EXPIRY_MARGIN_SECONDS = 60

_lock = threading.Lock()
_tokens: dict[tuple[str, ...], tuple[str, float]] = {}


def cached_token(key: tuple[str, ...], obtain: Callable[[], tuple[str, float]]) -> str:
    """The cached token for `key`, or a new one from `obtain()` -> (token, lifetime in seconds)."""
    with _lock:
        cached = _tokens.get(key)
        if cached and cached[1] > time.monotonic():
            return cached[0]
    token, lifetime = obtain()
    with _lock:
        _tokens[key] = (token, time.monotonic() + max(0.0, lifetime - EXPIRY_MARGIN_SECONDS))
    return token


def forget_token(key: tuple[str, ...]) -> None:
    """After a 401: the next call obtains a fresh token."""
    with _lock:
        _tokens.pop(key, None)

"""Credentials cached per process until shortly before they expire: OAuth access tokens (YouTube, Reddit) and
Bluesky's sessions.

The service keeps its sources as long as it runs, but `check`, the Slack app's replies and the setup wizard
build sources of their own for the same accounts, so the cache is the process's, keyed by whatever identifies the
credential (token endpoint, client id, account; a Bluesky PDS and handle). The tokens never reach a log, nor the
database (except a Bluesky session's refresh token, kept in its cursor: see bluesky.py).
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

EXPIRY_MARGIN_SECONDS = 60

_lock = threading.Lock()
_kept: dict[tuple[str, ...], tuple[Any, float]] = {}  # key -> (credential, time.monotonic() it is renewed after)


def keep(key: tuple[str, ...], credential: Any, lifetime: float) -> None:
    """Keep `credential`, good for `lifetime` seconds (less the margin)."""
    with _lock:
        _kept[key] = (credential, time.monotonic() + max(0.0, lifetime - EXPIRY_MARGIN_SECONDS))


def kept(key: tuple[str, ...]) -> tuple[Any, bool] | None:
    """The credential kept for `key` and whether it is still fresh; None when there is none."""
    with _lock:
        entry = _kept.get(key)
    return (entry[0], entry[1] > time.monotonic()) if entry else None


def cached_token(key: tuple[str, ...], obtain: Callable[[], tuple[str, float]]) -> str:
    """The cached token for `key`, or a new one from `obtain()` -> (token, lifetime in seconds)."""
    entry = kept(key)
    if entry and entry[1]:
        return entry[0]
    token, lifetime = obtain()
    keep(key, token, lifetime)
    return token


def forget_token(key: tuple[str, ...]) -> None:
    """After a 401 (or a refused Bluesky session): the next call obtains a fresh credential."""
    with _lock:
        _kept.pop(key, None)

"""Failures that last, as a log tells them: once when one starts or changes, once when it ends.

A poll, a loop's step or an alert to Slack that keeps failing is tried again every cycle; a line a try would bury
the log under one failure, and leave its end unsaid. The polling and delivery loops (bot/loops.py), failed polls
(bot/service.py's FailureLog) and account alerts Slack fails to take (bot/engine/delivery.py) keep their own.
"""

from __future__ import annotations

from typing import Generic, Hashable, TypeVar

Key = TypeVar("Key", bound=Hashable)


class OngoingFailures(Generic[Key]):
    """The things (by key) whose failure was said and has not ended, each with that failure as said."""

    def __init__(self) -> None:
        self._said: dict[Key, str] = {}

    def is_news(self, key: Key, failure: str) -> bool:
        """`key` failed with `failure`: whether to say so (it started failing, or fails otherwise than was said)."""
        if self._said.get(key) == failure:
            return False
        self._said[key] = failure
        return True

    def ended(self, key: Key) -> str | None:
        """`key` works: the failure said of it, to say that it ended (once); None when none was said."""
        return self._said.pop(key, None)

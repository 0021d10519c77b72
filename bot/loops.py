"""The service's loops: threads that each repeat one step at a pace of their own, and stop together.

`replynudge run` has two (bot/service.py): polling, and delivery (nudges, alerts, escalations, digests, reports),
so that a long poll (a first sync, a slow platform) never holds up a nudge that fell due. A step returns how long
to wait before the next; `wake()` cuts that wait short (a poll queued nudges). A step that raises is tried again
after `after_error`: a database outage must not end the service. Its error is logged with its traceback when it
appears or changes, not at every try, and the loop's recovery once. `stop()` lets each loop finish the step in
hand, then returns once all have.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import Callable, Mapping

from bot.ongoing_failures import OngoingFailures

log = logging.getLogger(__name__)


class Loop(threading.Thread):
    def __init__(self, name: str, step: Callable[[], timedelta], stopping: threading.Event, after_error: timedelta):
        super().__init__(name=name)
        self._step, self._stopping, self._after_error = step, stopping, after_error
        self._woken = threading.Event()

    def wake(self) -> None:
        self._woken.set()

    def run(self) -> None:
        failures = OngoingFailures[str]()  # of this loop's steps, by its name
        while not self._stopping.is_set():
            self._woken.clear()  # before the step: a wake during it makes the next one start at once
            try:
                pause = self._step()
            except Exception as error:
                if failures.is_news(self.name, f"{type(error).__name__}: {error}"):
                    log.exception("%s failed (logged again when the error changes, and when it works again)",
                                  self.name)
                pause = self._after_error
            else:
                if (failed := failures.ended(self.name)) is not None:
                    log.info("%s works again after: %s", self.name, failed)
            self._woken.wait(pause.total_seconds())


class Loops:
    def __init__(self) -> None:
        self._stopping = threading.Event()
        self._loops: list[Loop] = []

    def add(self, name: str, step: Callable[[], timedelta], after_error: timedelta) -> Loop:
        loop = Loop(name, step, self._stopping, after_error)
        self._loops.append(loop)
        return loop

    def alive(self) -> Mapping[str, Callable[[], bool]]:
        """Each loop by name, and whether it runs (what liveness asks)."""
        return {loop.name: loop.is_alive for loop in self._loops}

    def start(self) -> None:
        for loop in self._loops:
            loop.start()

    def stop(self) -> None:
        self._stopping.set()
        for loop in self._loops:
            loop.wake()
        for loop in self._loops:
            if loop.ident is not None:
                loop.join()

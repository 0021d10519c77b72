"""Moves Python's clock for a whole test run, in every Python process it starts.

With this folder on PYTHONPATH and TEST_CLOCK set (an ISO moment such as 2027-03-27T23:30:00Z), the first
process works out how far that moment is from the real clock and exports the offset as TEST_CLOCK_OFFSET;
it and every process started after it (they inherit the environment) travel to their real time plus that offset,
with the clock ticking. So a test, the `replynudge` process it starts and the requests it signs all agree on the
moved time. Only Python's clock moves: `time.monotonic` and `time.sleep` are untouched, and so are the database
servers, which is why the code never asks a database for the time.

With TEST_CLOCK_JUMPS set (a file), a test can also move one process's clock on while it runs: it writes a number
of seconds into the file and sends the process SIGUSR1; the process travels that far and empties the file.
"""

import os
import time
from datetime import datetime

_moment = os.environ.get("TEST_CLOCK")
if _moment:
    import time_machine

    _offset = os.environ.get("TEST_CLOCK_OFFSET")
    if _offset is None:
        _offset = str(datetime.fromisoformat(_moment).timestamp() - time.time())
        os.environ["TEST_CLOCK_OFFSET"] = _offset
    time_machine.travel(time.time() + float(_offset), tick=True).start()

_jumps = os.environ.get("TEST_CLOCK_JUMPS")
if _jumps:  # a test moves this process's clock on while it runs: `tests/slack_world.move_clock`
    import signal
    from pathlib import Path

    import time_machine

    def _jump(*_) -> None:
        """Travel the seconds written in the file on from now, then empty the file to say it is done."""
        file = Path(_jumps)
        time_machine.travel(time.time() + float(file.read_text()), tick=True).start()
        file.write_text("")

    signal.signal(signal.SIGUSR1, _jump)

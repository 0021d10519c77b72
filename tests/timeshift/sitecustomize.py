"""Moves Python's clock for a whole test run, in every Python process it starts.

With this folder on PYTHONPATH and TEST_CLOCK set (an ISO moment such as 2027-03-27T23:30:00Z), the first
process works out how far that moment is from the real clock and exports the offset as TEST_CLOCK_OFFSET;
it and every process started after it (they inherit the environment) travel to their real time plus that offset,
with the clock ticking. So a test, the `replynudge` process it starts and the requests it signs all agree on the
moved time. Only Python's clock moves: `time.monotonic` and `time.sleep` are untouched, and so are the database
servers, which is why the code never asks a database for the time.
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

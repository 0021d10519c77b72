"""Time is an input: the code reads one clock (bot/clock.py), and tests/timeshift moves it for every process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Ways to read a clock other than bot.clock.utcnow: Python's own, and a database server's.
OTHER_CLOCKS = re.compile(r"datetime\.(now|utcnow|today)\(|\btime\.time\(\)|date\.today\(\)|func\.now\(|"
                          r"CURRENT_TIMESTAMP|datetime\('now'\)|\bnow\(\)\s*[-+<>]", re.I)


def test_the_code_reads_no_clock_but_bot_clock():
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in sorted((ROOT / "bot").rglob("*.py")) if path != ROOT / "bot" / "clock.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if OTHER_CLOCKS.search(line)]
    found += [f"{path.relative_to(ROOT)}: {match.group(0)}" for path in sorted((ROOT / "migrations").rglob("*.py"))
              for match in OTHER_CLOCKS.finditer(path.read_text(encoding="utf-8"))]
    assert not found, "read the time through bot.clock.utcnow (or a clock argument):\n" + "\n".join(found)


CHILD = """
import os, subprocess, sys
from bot.clock import utcnow
print(utcnow().isoformat())
if len(sys.argv) > 1:  # and once more from a grandchild, started later
    print(subprocess.run([sys.executable, __file__], capture_output=True, text=True, check=True).stdout.strip())
"""


def test_timeshift_moves_every_process_the_tests_start_to_one_ticking_clock(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    environ = {key: value for key, value in os.environ.items() if not key.startswith("TEST_CLOCK")}
    environ.update(PYTHONPATH=os.pathsep.join([str(ROOT / "tests" / "timeshift"), str(ROOT)]),
                   TEST_CLOCK="2027-03-27T23:30:00+00:00")
    output = subprocess.run([sys.executable, str(script), "again"], capture_output=True, text=True, check=True,
                            env=environ, timeout=60).stdout.split()

    child, grandchild = (datetime.fromisoformat(line) for line in output)
    start = datetime.fromisoformat("2027-03-27T23:30:00+00:00")
    assert 0 <= (child - start).total_seconds() < 30
    assert 0 <= (grandchild - child).total_seconds() < 30  # the same offset, still ticking

"""Detection latency: how long after a comment appears on the platform Reply Nudge has stored it (waiting for an
answer), with `replynudge run` polling a local WordPress that speaks the REST API (the server the tests use).
Comments arrive as a Poisson process. Target: median detection within half a poll interval plus 1 s.

    .venv/bin/python benchmarks/detection.py [--interval 3] [--rate 0.5] [--comments 60] [--database sqlite]

`replynudge run` runs in a process of its own on a fresh database, exactly as deployed (terminal notifier, no
Slack), polling the account at a fixed pace of `--interval` (`poll_interval`, `poll_interval_min` and
`poll_interval_max` all set to it, so the activity-driven schedule does not move it). A comment's latency is its `ingested_at` (stamped by the poll that stored it, in the
transaction that commits it) minus the moment it was added to the server.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pytest_httpserver import HTTPServer  # noqa: E402
from sqlalchemy import select  # noqa: E402

from benchmarks.common import fresh_database  # noqa: E402
from bot.db.models import Comment, SyncState  # noqa: E402
from tests.support import fake_wordpress  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REPLYNUDGE = Path(sys.executable).parent / "replynudge"
SETTLE_SECONDS = 30  # how long the last comments may take to be stored before the run counts as failed
START_SECONDS = 60  # how long the service may take to start and finish its first poll


class LockedSite:
    """The fake WordPress served from the HTTP server's thread while comments are added from another."""

    def __init__(self, site: fake_wordpress.FakeWordPress):
        self.site, self.lock = site, threading.Lock()
        self.polled: list[float] = []  # when each poll asked for the new comments

    def __call__(self, request):
        with self.lock:
            if request.args.get("order") == "asc":
                self.polled.append(time.monotonic())
            return self.site(request)

    def poll_period(self) -> float:
        """The median time from one poll to the next: the interval plus the rest of the service's cycle."""
        return statistics.median(later - earlier for earlier, later in zip(self.polled, self.polled[1:]))

    def add_comment(self, number: int) -> tuple[str, datetime]:
        with self.lock:
            comment_id = self.site.add(f"Visitor {number}", f"Is roast {number} still on sale?")
            return str(comment_id), datetime.now(timezone.utc)


def config_file(folder: Path, site_url: str, interval: float) -> Path:
    path = folder / "replynudge.toml"
    path.write_text(
        "[defaults]\n"
        + "".join(f'{key} = "{interval:g}s"\n' for key in ("poll_interval", "poll_interval_min", "poll_interval_max"))
        + "[[accounts]]\n"
        'name = "bench-wordpress"\n'
        'platform = "wordpress"\n'
        f'url = "{site_url}/"\n'
        f'username = "{fake_wordpress.USER}"\n'
        'app_password_env = "WP_APP_PASSWORD"\n'
    )
    return path


def arrivals(site: LockedSite, count: int, rate: float, seed: int) -> dict[str, datetime]:
    """Add `count` comments with exponential gaps of mean 1/`rate` seconds; comment id -> when it appeared."""
    rng = random.Random(seed)
    appeared: dict[str, datetime] = {}
    for number in range(count):
        time.sleep(rng.expovariate(rate))
        comment_id, at = site.add_comment(number)
        appeared[comment_id] = at
    return appeared


def wait_for_first_poll(engine, service: subprocess.Popen, log) -> None:
    """Comments arrive once the service runs: its start-up (imports, migrations) is not detection latency."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and service.poll() is None:
        with engine.connect() as connection:
            if connection.execute(select(SyncState.succeeded_at).where(SyncState.succeeded_at.is_not(None))).first():
                return
        time.sleep(0.2)
    log.seek(0)
    raise SystemExit(f"replynudge run did not complete a first poll; it said:\n{log.read()[-2000:]}")


def stored_at(engine, external_ids) -> dict[str, datetime]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(Comment.external_id, Comment.ingested_at).where(Comment.external_id.in_(list(external_ids)))
        ).all()
    return {external_id: at if at.tzinfo else at.replace(tzinfo=timezone.utc) for external_id, at in rows}


def measure(kind: str, interval: float, rate: float, count: int, seed: int) -> tuple[list[float], float]:
    """Per-comment detection latency in seconds, in arrival order, and the median poll period."""
    server = HTTPServer(port=0)
    server.start()
    site = LockedSite(fake_wordpress.FakeWordPress(base_url=server.url_for("").rstrip("/")))
    server.expect_request(re.compile(".*")).respond_with_handler(site)
    service = None
    try:
        with fresh_database(kind) as engine, tempfile.TemporaryDirectory() as folder, \
                open(Path(folder) / "run.log", "w+") as log:
            environ = {
                key: value for key, value in os.environ.items() if not key.startswith(("SLACK_", "LLM_"))
            } | {
                "REPLYNUDGE_CONFIG": str(config_file(Path(folder), site.site.base_url, interval)),
                "DATABASE_URL": engine.url.render_as_string(hide_password=False),
                "WP_APP_PASSWORD": fake_wordpress.APP_PASSWORD,
                "HEALTH_PORT": "0",
            }
            service = subprocess.Popen(
                [str(REPLYNUDGE), "run"], env=environ, cwd=folder,
                stdout=log, stderr=subprocess.STDOUT,
            )
            wait_for_first_poll(engine, service, log)
            appeared = arrivals(site, count, rate, seed)
            deadline = time.monotonic() + interval + SETTLE_SECONDS
            stored = stored_at(engine, appeared)
            while len(stored) < len(appeared) and time.monotonic() < deadline and service.poll() is None:
                time.sleep(0.2)
                stored = stored_at(engine, appeared)
            service.send_signal(signal.SIGTERM)
            service.wait(timeout=60)
            if len(stored) < len(appeared):
                log.seek(0)
                raise SystemExit(f"{kind}: {len(appeared) - len(stored)} of {len(appeared)} comments never stored; "
                                 f"replynudge run said:\n{log.read()[-2000:]}")
            return [(stored[i] - appeared[i]).total_seconds() for i in appeared], site.poll_period()
    finally:
        if service is not None and service.poll() is None:
            service.kill()
        server.clear()
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interval", type=float, default=3.0, help="the account's fixed poll_interval, in seconds")
    parser.add_argument("--rate", type=float, default=0.5, help="mean comments per second (Poisson arrivals)")
    parser.add_argument("--comments", type=int, default=60)
    parser.add_argument("--databases", default="sqlite")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    target = args.interval / 2 + 1
    print(f"detection latency: {args.comments} comments arriving at {args.rate}/s (Poisson) on a local WordPress, "
          f"replynudge run polling every {args.interval:g}s")
    print(f"{'database':<11} {'comments':>8} {'poll period s':>13} {'median s':>9} {'p95 s':>7} {'max s':>7}  "
          f"target median <= {target:g} s")
    failed = False
    for kind in args.databases.split(","):
        latencies, period = measure(kind, args.interval, args.rate, args.comments, args.seed)
        median, p95 = statistics.median(latencies), statistics.quantiles(latencies, n=20)[-1]
        failed |= median > target
        print(f"{kind:<11} {len(latencies):>8} {period:>13.2f} {median:>9.2f} {p95:>7.2f} {max(latencies):>7.2f}  "
              f"{'met' if median <= target else 'NOT MET'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

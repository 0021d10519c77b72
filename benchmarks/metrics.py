"""What a Prometheus scrape of `GET /metrics` costs the service: the exposition of 20 accounts with its database
gauges (poll lag, the waiting backlog and its oldest comment) read at every scrape, on the table benchmarks/
unanswered.py fills (1M comments, 50k waiting), on SQLite and PostgreSQL; and what `poll --once` reads for its
summary's NEW column (the newest comment id before the poll, the comments stored after it: here the last 1,000).
No target is asserted.

    .venv/bin/python benchmarks/metrics.py [--comments 1000000] [--waiting 50000] [--runs 50]
                                           [--databases sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import filled_database  # noqa: E402
from benchmarks.unanswered import ACCOUNTS, fill  # noqa: E402
from bot.config_file import parse_accounts  # noqa: E402
from bot.db.queries import comments_after, newest_comment_id  # noqa: E402
from bot.metrics import Metrics  # noqa: E402


def scrape_times(factory, runs: int) -> tuple[list[float], int]:
    """The time of each scrape in ms, and the size of the answer."""
    accounts = parse_accounts({"accounts": [{"name": f"brand-{n:02}", "platform": "replay"}
                                            for n in range(ACCOUNTS)]}, "bench", {})
    metrics = Metrics(accounts)
    metrics.watch(factory, {})
    metrics.exposition("")  # warm the caches, as a running service has them
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        body, _ = metrics.exposition("")
        times.append((time.perf_counter() - started) * 1000)
    assert b"replynudge_oldest_waiting_comment_age_seconds{" in body
    return times, len(body)


def count_times(factory, runs: int) -> list[float]:
    times = []
    with factory() as session:
        newest = newest_comment_id(session)
        comments_after(session, newest - 1000)
        for _ in range(runs):
            started = time.perf_counter()
            comments_after(session, newest_comment_id(session) - 1000)
            times.append((time.perf_counter() - started) * 1000)
    return times


def p50_p95(times: list[float]) -> str:
    return f"{statistics.median(times):>7.1f} {statistics.quantiles(times, n=20)[-1]:>7.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--waiting", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    print(f"GET /metrics: {ACCOUNTS} accounts, {args.comments:,} comments, {args.waiting:,} waiting, "
          f"{args.runs} scrapes")
    print(f"{'database':<11} {'what':<36} {'p50 ms':>7} {'p95 ms':>7} {'bytes':>7}")
    for kind in args.databases.split(","):
        with filled_database(kind, lambda factory: fill(factory, args.comments, args.waiting), args.comments) as factory:
            times, size = scrape_times(factory, args.runs)
            print(f"{kind:<11} {'scrape of /metrics':<36} {p50_p95(times)} {size:>7,}")
            print(f"{kind:<11} {'poll --once: new comments per account':<36} {p50_p95(count_times(factory, args.runs))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
